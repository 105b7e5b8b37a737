"""Benchmark: reading Pabulib ``.pb`` files with ``read_pb``, each file several times in one process.

    .venv/bin/python bench/read.py                    # the five largest shared files, 7 reads each
    .venv/bin/python bench/read.py FILE.pb ... -n 15  # given files, 15 reads each

Prints per file its size, the ballots read, and the min and median wall time of a read after a
first warm-up read, twice: with the election read before freed ("fresh"), and with it still held
while the next is read ("held"), as ``bench/tally.py``'s ``measure_largest`` times its second read.
The second is slower: the new objects land among the old ones in memory.
Target (issue 19): the largest shared file (Wrocław 2015, 3.9 MB) in under 0.3 s on the 2-core machine.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tally import DATA  # noqa: E402  (bench/ is first on the path: where tally.py finds the files)

from wijkgeld.pb import read_pb  # noqa: E402


def largest(count: int) -> list[Path]:
    if not DATA.is_dir():
        sys.exit(f"shared Pabulib data not found at {DATA}; give files or set WIJKGELD_PABULIB_DATA")
    return sorted(DATA.glob("*.pb"), key=lambda p: p.stat().st_size, reverse=True)[:count]


def measure(path: Path, reads: int, hold: bool) -> list[float]:
    """Seconds of ``reads`` reads after one warm-up read; with ``hold``, each read while the election
    of the read before is still referenced."""
    election = read_pb(path)
    times = []
    for _ in range(reads):
        if not hold:
            del election
        start = time.perf_counter()
        election = read_pb(path)
        times.append(time.perf_counter() - start)
    return times


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
    print(f"{'file':<36} {'MB':>4} {'ballots':>7}   fresh: min / median   held: min / median (s)")
    for path in files:
        fresh = measure(path, args.reads, hold=False)
        held = measure(path, args.reads, hold=True)
        size, ballots = path.stat().st_size / 1e6, len(read_pb(path).ballots)
        print(
            f"{path.name[:36]:<36} {size:>4.1f} {ballots:>7}   {min(fresh):>11.3f} / {statistics.median(fresh):.3f}"
            f"   {min(held):>10.3f} / {statistics.median(held):.3f}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
