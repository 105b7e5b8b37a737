"""Errors raised by the counting engine.

One base class, so callers (the CLI, the Django fund app) can catch everything the engine raises on
bad input with a single ``except PbError``.
"""

from __future__ import annotations


class PbError(Exception):
    """Base class for every error the counting engine raises on bad input."""


class PbParseError(PbError):
    """A Pabulib file is malformed. ``str(error)`` is ``file:line: message``."""

    def __init__(self, message: str, *, filename: str = "<string>", line: int = 0) -> None:
        self.message = message
        self.filename = filename
        self.line = line
        super().__init__(f"{filename}:{line}: {message}")


class ElectionError(PbError):
    """An election built in memory is inconsistent (unknown project, duplicate id, ...)."""


class RuleError(PbError):
    """A rule, completion, utility or tie-break was asked for that does not apply to this election."""
