"""Wijkgeld: residents steer the money for their neighbourhood."""

__version__ = "0.1.0"
