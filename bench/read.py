"""Benchmark: reading Pabulib ``.pb`` files with ``read_pb``, each file several times in one process.

    .venv/bin/python bench/read.py                    # the five largest shared files, 7 reads each
    .venv/bin/python bench/read.py FILE.pb ... -n 15  # given files, 15 reads each

Prints per file its size, the ballots read, and the min and median wall time of a read (every read
after the first warm-up one, as ``bench/tally.py``'s ``measure_largest`` measures its second read).
Target (issue 19): the largest shared file (Wrocław 2015, 3.9 MB) in under 0.3 s on the 2-core machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from wijkgeld.pb import read_pb  # noqa: E402


def shared_data() -> Path:
    """``$WIJKGELD_PABULIB_DATA``, else ``shared/pabulib/data`` next to the repository or a parent."""
    env = os.environ.get("WIJKGELD_PABULIB_DATA")
    if env:
        return Path(env)
    for base in REPO.parents:
        candidate = base / "shared" / "pabulib" / "data"
        if candidate.is_dir():
            return candidate
    sys.exit("shared Pabulib data not found; give files or set WIJKGELD_PABULIB_DATA")


def largest(count: int) -> list[Path]:
    return sorted(shared_data().glob("*.pb"), key=lambda p: p.stat().st_size, reverse=True)[:count]


def measure(path: Path, reads: int) -> tuple[float, float, int]:
    """Min and median seconds over ``reads`` reads after one warm-up read, and the ballots read."""
    ballots = len(read_pb(path).ballots)
    times = []
    for _ in range(reads):
        start = time.perf_counter()
        election = read_pb(path)
        times.append(time.perf_counter() - start)
        del election
    return min(times), statistics.median(times), ballots


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "files", nargs="*", type=Path, help="files to read (default: the largest shared files)"
    )
    parser.add_argument("-n", "--reads", type=int, default=7, help="timed reads per file (default 7)")
    parser.add_argument("--largest", type=int, default=5, help="how many shared files by default (default 5)")
    args = parser.parse_args()
    files = args.files or largest(args.largest)
    print(f"{'file':<40} {'MB':>5} {'ballots':>8} {'min s':>7} {'median s':>9}")
    for path in files:
        low, middle, ballots = measure(path, args.reads)
        size = path.stat().st_size / 1e6
        print(f"{path.name:<40} {size:>5.1f} {ballots:>8} {low:>7.3f} {middle:>9.3f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
