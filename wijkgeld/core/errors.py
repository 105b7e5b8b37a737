"""The one error type that services raise when a request breaks a rule of the domain.

Views catch it and show its message next to the form; it never becomes a 500.
"""

from __future__ import annotations


class DomainError(Exception):
    """A rule of the domain says no. `message` is translated, `field` names the form field if any."""

    def __init__(self, message: str, *, field: str | None = None, code: str = "invalid") -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.code = code

    def __str__(self) -> str:
        return str(self.message)
