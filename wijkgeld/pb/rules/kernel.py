"""Which kernel the MES float filter runs on: the compiled one (``_kernel.c``) or pure Python.

The compiled kernel is optional: ``pip install`` builds it when a C compiler is at hand and goes on
without it otherwise. It transcribes the hottest loops of ``mes_fast.py`` and ``certify.py`` operation
for operation, so both kernels compute the same floats, and the floats only filter: every decision
is still proven as before (exactly where a call is close). It also splits a plain VOTES section and
makes its ballots for the reader (``pbfile.py``, ``model.make_ballots``). The pure-Python code stays
the reference; ``WIJKGELD_PB_PURE=1`` forces it, and tests run both (tests/pb/test_kernel.py,
tests/pb/test_read_fast.py).
"""

from __future__ import annotations

import os
from types import ModuleType

compiled: ModuleType | None
try:
    from . import _kernel as compiled  # type: ignore[attr-defined,no-redef]
except ImportError:  # not built (no compiler, or a source checkout without build_ext)
    compiled = None

#: The kernel counts use: the compiled module, or None for pure Python. Tests switch it with use().
active: ModuleType | None = None if os.environ.get("WIJKGELD_PB_PURE") else compiled


def use(pure: bool) -> None:
    """Switch between the compiled kernel (if built) and pure Python, for the counts that follow."""
    global active
    active = None if pure else compiled


def name() -> str:
    """What ``wijkgeld tally --version`` reports."""
    if active is not None:
        return "compiled (C)"
    if compiled is not None:
        return "pure Python (WIJKGELD_PB_PURE is set)"
    return "pure Python (C kernel not built)"
