"""Tie-breaking policies: a strict order on projects, used whenever a rule sees an exact tie.

* ``id`` — the reference's default: project ids compared as strings (``"10"`` before ``"9"``).
* ``cost-then-votes`` — the cheaper project first, then the one on more ballots, then the id.
* ``lottery:SEED`` — an order anyone can recompute from the published seed: projects sorted by the
  SHA-256 hex digest of ``SEED + "\\n" + project_id`` (then by id). No random generator is involved, so
  the order does not depend on the Python version or platform.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from .errors import RuleError
from .profile import Profile


@dataclass(frozen=True, slots=True)
class TieBreak:
    """A parsed tie-breaking policy. ``kind`` is ``id``, ``cost-then-votes`` or ``lottery``."""

    kind: str
    seed: str = ""

    @classmethod
    def parse(cls, text: str) -> TieBreak:
        if text in ("id", "cost-then-votes"):
            return cls(text)
        if text.startswith("lottery:") and len(text) > len("lottery:"):
            return cls("lottery", text[len("lottery:") :])
        raise RuleError(f"unknown tie-break {text!r}; expected id, cost-then-votes or lottery:SEED")

    def __str__(self) -> str:
        return f"lottery:{self.seed}" if self.kind == "lottery" else self.kind

    def ranks(self, profile: Profile) -> list[int]:
        """``ranks[p]`` is the position of project ``p`` in the tie-break order (0 wins every tie)."""
        pids = profile.pids
        order: list[int]
        if self.kind == "id":
            order = sorted(range(len(pids)), key=lambda p: pids[p])
        elif self.kind == "cost-then-votes":
            order = sorted(range(len(pids)), key=lambda p: (profile.costs[p], -profile.votes[p], pids[p]))
        else:
            order = sorted(range(len(pids)), key=lambda p: (lottery_digest(self.seed, pids[p]), pids[p]))
        ranks = [0] * len(pids)
        for position, p in enumerate(order):
            ranks[p] = position
        return ranks


def lottery_digest(seed: str, project_id: str) -> str:
    return hashlib.sha256(f"{seed}\n{project_id}".encode()).hexdigest()
