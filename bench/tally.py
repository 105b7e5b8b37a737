"""Benchmark: Wijkgeld's counting engine against pabutools 1.2.3 on the shared Pabulib elections.

    python bench/tally.py                      # MES+add1 on all 44 files (about 25 min on 2 cores)
    python bench/tally.py --quick              # small files only, short timeout
    python bench/tally.py --rules mes,greedy --files Amsterdam,Wroclaw --timeout 60
    python bench/tally.py --save-reference ref.json   # then, after changing the engine:
    python bench/tally.py --reference ref.json        # Wijkgeld measured anew, pabutools read back

Per file and rule it prints both times, the ratio and whether the winners are identical; then the
median ratio per rule, and the time and peak memory of MES+add1 on the largest file (read + count, in
a fresh process). Times: Wijkgeld = ``tally()`` on a loaded election (ballot merging included);
pabutools = ``as_multiprofile()`` + the rule on a loaded instance; both warmed up (imports) first.
Each count runs in its own process with a time limit: Wijkgeld one at a time (``--our-timeout``,
240 s), pabutools two at a time (``--timeout``, 300 s: the issue asks to record where pabutools takes
"longer than a few minutes"). Beyond the limit the line says DNF ("did not finish"); a ratio against a
pabutools DNF is a lower bound (the limit divided by Wijkgeld's time).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
# Measure the engine of this checkout: run as a script, Python puts bench/ first on the path and
# would import whatever `wijkgeld` is installed (in a worktree: the main checkout's editable install).
# Spawned workers get the same path.
sys.path.insert(0, str(REPO))
# As the tests find it: $WIJKGELD_PABULIB_DATA, else shared/pabulib/data next to the repository or one
# of its parents (a worktree under /work/wt/NAME finds /work/shared as /work/main does).
DATA = next(
    (
        p
        for p in [Path(os.environ.get("WIJKGELD_PABULIB_DATA", "/nonexistent"))]
        + [base / "shared" / "pabulib" / "data" for base in REPO.parents]
        if p.is_dir()
    ),
    REPO.parent / "shared" / "pabulib" / "data",
)
RULES = {
    # name: (rule, completion, utility)
    "greedy": ("greedy", None, "cost"),
    "greedy-ratio": ("greedy-ratio", None, "cost"),
    "phragmen": ("phragmen", None, "cost"),
    "mes": ("mes", "none", "cost"),
    "mes-points": ("mes", "none", "points"),
    "mes+add1": ("mes", "add1", "cost"),
    "mes+budget-increase": ("mes", "budget-increase", "cost"),
}


def applies(rule: str, vote_type: str) -> bool:
    if rule == "phragmen":
        return vote_type in ("approval", "choose-1")
    if rule == "mes-points":
        return vote_type in ("cumulative", "scoring")
    return True


def run_ours(path: Path, rule: str) -> tuple[float, list[str], float, float]:
    """(count seconds, winners, read seconds, max RSS in MB) of one count, read from the file."""
    import resource

    from wijkgeld.pb import read_pb, tally

    start = time.perf_counter()
    election = read_pb(path)
    read = time.perf_counter() - start
    r, completion, utility = RULES[rule]
    start = time.perf_counter()
    result = tally(election, rule=r, completion=completion, utility=utility)
    count = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return count, sorted(result.selected), read, rss


def _our_worker(path: str, rule: str, out: Any) -> None:
    # Warm up (imports, first-call costs) on a tiny election, as the reference worker imports first.
    from wijkgeld.pb import Ballot, Project, build_election, tally

    tiny = build_election(
        budget=2, vote_type="approval", projects=[Project("a", 1)], ballots=[Ballot("v", ("a",))]
    )
    tally(tiny)
    out.put(run_ours(Path(path), rule))


def _reference_worker(path: str, rule: str, out: Any) -> None:
    sys.path.insert(0, str(REPO / "tests" / "pb"))
    import pabutools.rules  # noqa: F401  (imported before the clock starts)
    from conftest import reference_outcome  # the same reference calls the tests use
    from pabutools.election import parse_pabulib

    instance, profile = parse_pabulib(path)
    start = time.perf_counter()
    selected = reference_outcome(instance, profile.as_multiprofile(), rule)
    out.put((time.perf_counter() - start, selected))


def run_jobs(
    jobs: list[tuple[Path, str]], timeout: float, workers: int, worker: Any, who: str
) -> dict[tuple[str, str], Any]:
    """Run jobs, ``workers`` at a time, each in its own process with a time limit (None: did not finish)."""
    # A fresh interpreter per count ("spawn"): a forked child would inherit the parent's heap of
    # 44 parsed elections and pay for it in page faults and memory traffic (up to 1.6x on our side).
    ctx = mp.get_context("spawn")
    results: dict[tuple[str, str], Any] = {}
    pending = list(jobs)
    running: list[tuple[Any, Any, float, Path, str]] = []
    while pending or running:
        while pending and len(running) < workers:
            path, rule = pending.pop(0)
            queue = ctx.Queue()
            proc = ctx.Process(target=worker, args=(str(path), rule, queue))
            proc.start()
            running.append((proc, queue, time.monotonic(), path, rule))
        time.sleep(0.05)
        for item in list(running):
            proc, queue, started, path, rule = item
            if not queue.empty():
                results[(path.name, rule)] = queue.get()
                proc.join()
                running.remove(item)
            elif not proc.is_alive():
                results[(path.name, rule)] = "error"
                running.remove(item)
            elif time.monotonic() - started > timeout:
                proc.kill()
                proc.join()
                results[(path.name, rule)] = None
                running.remove(item)
                print(f"  ({who} did not finish {rule} on {path.name} within {timeout:.0f} s)", flush=True)
    return results


def jobs_of(jobs: list[tuple[Path, str]], rule: str) -> list[Path]:
    return [path for path, r in jobs if r == rule]


OTHER_RULES = ("mes", "mes+budget-increase", "phragmen")


def other_rules(files: list[Path], done: list[str]) -> None:
    """The other rules on the three largest files, read + count, each in a fresh process."""
    from wijkgeld.pb import read_pb

    largest = sorted(files, key=lambda p: p.stat().st_size)[-3:]
    print("  other rules on the largest files (read + count, fresh process):")
    for rule in OTHER_RULES:
        if rule in done:
            continue
        parts = []
        for path in largest:
            if not applies(rule, read_pb(path).vote_type):
                continue
            found = run_jobs([(path, rule)], 240.0, 1, _our_worker, "Wijkgeld")[(path.name, rule)]
            if isinstance(found, tuple):
                parts.append(f"{path.name} {found[2] + found[0]:.2f} s (count {found[0]:.2f})")
            else:
                parts.append(f"{path.name} DNF")
        print(f"    {rule}: " + "; ".join(parts), flush=True)


def _ref_text(ref: Any) -> str:
    if isinstance(ref, tuple):
        return f"{ref[0]:11.3f}"
    return "DNF" if ref is None else "error"


def measure_largest(path: Path) -> dict[str, float]:
    """Read + MES+add1 on one file in a fresh process: wall time, tracemalloc peak, max RSS."""
    code = (
        "import json,resource,sys,time,tracemalloc\n"
        "from wijkgeld.pb import read_pb, tally\n"
        "tracemalloc.start()\n"
        "t=time.perf_counter(); e=read_pb(sys.argv[1]); t1=time.perf_counter()\n"
        "r=tally(e, rule='mes', completion='add1'); t2=time.perf_counter()\n"
        "peak=tracemalloc.get_traced_memory()[1]; tracemalloc.stop()\n"
        "t3=time.perf_counter(); e=read_pb(sys.argv[1]); t4=time.perf_counter(); r=tally(e); t5=time.perf_counter()\n"
        "print(json.dumps({'read': t4-t3, 'count': t5-t4, 'total': t5-t3, 'traced_peak_mb': peak/2**20,"
        " 'max_rss_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/1024, 'selected': len(r.selected)}))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True, cwd=REPO
    )
    result: dict[str, float] = json.loads(out.stdout)
    return result


def _reference_results(
    args: argparse.Namespace, jobs: list[tuple[Path, str]], timeout: float
) -> dict[Any, Any]:
    """pabutools' times and winners: measured now, or read from ``--reference`` (saved by ``--save-reference``).

    pabutools does not change when Wijkgeld does, so while working on the engine its half of the
    benchmark (most of the run time) can be measured once and reused; the file records the limit.
    """
    if args.reference:
        saved = json.loads(Path(args.reference).read_text())
        if saved["timeout"] != timeout:
            sys.exit(f"{args.reference} was measured with a {saved['timeout']} s limit, not {timeout} s")
        print(f"pabutools: from {args.reference}", flush=True)
        return {
            tuple(k.split("|")): (tuple(v) if isinstance(v, list) else v) for k, v in saved["results"].items()
        }
    print(f"pabutools: {args.workers} at a time ({timeout:.0f} s limit)...", flush=True)
    refs = run_jobs(jobs, timeout, args.workers, _reference_worker, "pabutools")
    if args.save_reference:
        results = {f"{name}|{rule}": v for (name, rule), v in refs.items()}
        Path(args.save_reference).write_text(json.dumps({"timeout": timeout, "results": results}))
    return refs


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rules", default="mes+add1", help=f"comma-separated, from {', '.join(RULES)}")
    parser.add_argument("--files", default="", help="comma-separated substrings of file names")
    parser.add_argument("--quick", action="store_true", help="files under 100 kB, 30 s reference limit")
    parser.add_argument("--timeout", type=float, default=300.0, help="pabutools time limit per count (s)")
    parser.add_argument("--our-timeout", type=float, default=240.0, help="Wijkgeld time limit per count (s)")
    parser.add_argument("--workers", type=int, default=2, help="reference processes at a time")
    parser.add_argument("--no-largest", action="store_true", help="skip the largest-file measurement")
    parser.add_argument(
        "--no-other-rules",
        action="store_true",
        help="skip plain MES, budget-increase, Phragmén on the largest files",
    )
    parser.add_argument("--save-reference", metavar="FILE", help="save pabutools' times and winners as JSON")
    parser.add_argument(
        "--reference", metavar="FILE", help="reuse pabutools' results saved by --save-reference"
    )
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"no data: {DATA} is missing", file=sys.stderr)
        return 2
    rules = [r for r in args.rules.split(",") if r]
    for r in rules:
        if r not in RULES:
            parser.error(f"unknown rule {r}")
    files = sorted(DATA.glob("*.pb"), key=lambda p: p.stat().st_size)
    if args.files:
        wanted = args.files.split(",")
        files = [f for f in files if any(w in f.name for w in wanted)]
    timeout = args.timeout
    if args.quick:
        files = [f for f in files if f.stat().st_size < 100_000]
        timeout = min(timeout, 30.0)

    from wijkgeld.pb import read_pb

    # Wijkgeld first, one count at a time; then the reference, in parallel processes.
    jobs: list[tuple[Path, str]] = []
    for path in files:
        vote_type = read_pb(path).vote_type
        jobs += [(path, rule) for rule in rules if applies(rule, vote_type)]
    print(f"Wijkgeld: {len(jobs)} counts, one at a time ({args.our_timeout:.0f} s limit)...", flush=True)
    ours = run_jobs(jobs, args.our_timeout, 1, _our_worker, "Wijkgeld")
    refs = _reference_results(args, jobs, timeout)

    print(
        f"\n{'file':58} {'rule':20} {'wijkgeld s':>10} {'pabutools s':>11} {'ratio':>9} identical "
        f"{'read s':>7} {'MB RSS':>6}"
    )
    totals: dict[str, list[tuple[float, float, float, str]]] = {r: [] for r in rules}
    ratios: dict[str, list[float]] = {r: [] for r in rules}
    finished: dict[str, list[float]] = {r: [] for r in rules}
    all_identical = True
    for path, rule in jobs:
        mine = ours.get((path.name, rule))
        ref = refs.get((path.name, rule))
        if not isinstance(mine, tuple):
            print(f"{path.name[:58]:58} {rule:20} {'DNF':>10} {_ref_text(ref):>11} {'':>9} n/a", flush=True)
            continue
        t_ours, sel_ours, t_read, rss = mine
        totals[rule].append((t_read + t_ours, t_read, rss, path.name))
        t_ours_safe = max(t_ours, 1e-6)
        if isinstance(ref, tuple):
            t_ref, sel_ref = ref
            same = sel_ref == sel_ours
            all_identical &= same
            ratio = t_ref / t_ours_safe
            finished[rule].append(ratio)
            ratio_text, same_text = f"{ratio:8.1f}x", "yes" if same else "NO"
        else:
            ratio = timeout / t_ours_safe
            ratio_text, same_text = f">{ratio:7.0f}x", "n/a"
        ratios[rule].append(ratio)
        print(
            f"{path.name[:58]:58} {rule:20} {t_ours:10.3f} {_ref_text(ref):>11} {ratio_text:>9} {same_text:9} "
            f"{t_read:7.3f} {rss:6.0f}",
            flush=True,
        )

    print("\nSummary")
    for rule in rules:
        if ratios[rule]:
            print(
                f"  {rule}: median ratio {statistics.median(ratios[rule]):.1f}x over {len(ratios[rule])} files "
                f"(DNF counted at the time limit, a lower bound); median over the {len(finished[rule])} files "
                f"pabutools finished: {statistics.median(finished[rule]) if finished[rule] else float('nan'):.1f}x"
            )
    print(f"  identical winners on every file pabutools finished: {'yes' if all_identical else 'NO'}")
    for rule in rules:
        done = sorted(totals[rule], reverse=True)
        if not done:
            continue
        over = [name for total, _read, _rss, name in done if total >= 3.0]
        print(
            f"  {rule}, read + count in a fresh process: {len(done) - len(over)} of {len(jobs_of(jobs, rule))} "
            f"files under 3 s; largest max RSS {max(rss for _t, _r, rss, _n in done):.0f} MB"
        )
        slowest = ", ".join(f"{name} {total:.2f} s (read {read:.2f})" for total, read, _rss, name in done[:5])
        print(f"  {rule}, slowest five (read + count): {slowest}")
    if not args.no_other_rules:
        other_rules(files, rules)
    if not args.no_largest:
        largest = max(DATA.glob("*.pb"), key=lambda p: p.stat().st_size)
        most_voters = max(DATA.glob("*.pb"), key=lambda p: len(read_pb(p).ballots))
        for label, path in (("largest file", largest), ("most voters", most_voters)):
            m = measure_largest(path)
            print(
                f"  {label} {path.name} ({path.stat().st_size / 1e6:.1f} MB), MES+add1: read {m['read']:.2f} s + "
                f"count {m['count']:.2f} s = {m['total']:.2f} s; peak memory {m['traced_peak_mb']:.0f} MB traced, "
                f"{m['max_rss_mb']:.0f} MB max RSS"
            )
    return 0 if all_identical else 1


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
