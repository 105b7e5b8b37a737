"""Counting rules. Each works on a compiled ``Profile`` and a tie-break rank per project."""
