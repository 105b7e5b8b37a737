"""Where the CPU time of a benchmark goes, read from /proc (Linux): the server, the database, the clients.

A benchmark on a small machine is bounded by its cores; this tells whether a faster cast would help or
whether the clients or PostgreSQL take the time. Processes are found by their parent (the gunicorn
tree) or their name (`postgres`); client processes report their own time (they end before the report).
"""

from __future__ import annotations

import os
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK")


def _stat(pid: str) -> tuple[str, int, float] | None:
    """(name, parent pid, CPU seconds) of one process, or None when it has gone."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    name = raw[raw.index("(") + 1 : raw.rindex(")")]
    fields = raw[raw.rindex(")") + 2 :].split()
    return name, int(fields[1]), (int(fields[11]) + int(fields[12])) / TICK


def snapshot(server_pid: int) -> dict[str, float]:
    """CPU seconds so far of the server's process tree, of every `postgres` process, and of the machine."""
    procs = {pid: s for pid in os.listdir("/proc") if pid.isdigit() and (s := _stat(pid)) is not None}
    tree = {server_pid}
    changed = True
    while changed:
        before = len(tree)
        tree |= {int(pid) for pid, (_n, ppid, _c) in procs.items() if ppid in tree}
        changed = len(tree) != before
    cpu = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    ticks = [int(x) for x in cpu]
    idle = ticks[3] + ticks[4]  # idle + iowait
    return {
        "server": sum(c for pid, (_n, _p, c) in procs.items() if int(pid) in tree),
        "postgres": sum(c for _n, _p, c in procs.values() if _n == "postgres"),
        "busy": (sum(ticks) - idle) / TICK,
        "total": sum(ticks) / TICK,
    }


def describe(before: dict[str, float], after: dict[str, float], clients: float, casts: int) -> str:
    """One line: CPU seconds per party, per cast request, and how busy the machine was."""
    d = {k: after[k] - before[k] for k in before}
    per = 1000 / max(casts, 1)
    other = max(0.0, d["busy"] - d["server"] - d["postgres"] - clients)
    return (
        f"CPU s (ms per cast request): server {d['server']:.1f} ({d['server'] * per:.2f}),"
        f" PostgreSQL {d['postgres']:.1f} ({d['postgres'] * per:.2f}),"
        f" clients {clients:.1f} ({clients * per:.2f}), rest of the machine {other:.1f};"
        f" machine busy {100 * d['busy'] / max(d['total'], 1e-9):.0f}% of {os.cpu_count()} cores"
    )
