"""Reproduce the published outcomes: count every Pabulib file that has a ``selected`` column with its own
rule (``wijkgeld tally --rule from-file``) and with pabutools' closest rule, and compare both with the
file's ``selected`` column.

    .venv/bin/python bench/reproduce.py [FOLDER ...]      (default: ../shared/pabulib/data)

Prints one line per file, then ``reproduced N of M files (pabutools: K of M)``. A file counts as
reproduced when every project it marks 1 or 0 agrees (projects marked 2, "ambiguous" in Pabulib's
format, are left out for both). pabutools 1.2.3 has no threshold, no-skip, rank scoring, group
budgets, Pabulib's whole-amount Add1 or comparison step; its closest rule is greedy by approvals
(``greedy_utilitarian_welfare`` with ``Cost_Sat``) for the greedy family and for ``unknown`` /
``greedy-custom``, and ``method_of_equal_shares(voter_budget_increment=1)`` without completion for
the equal-shares family. Files where the rule cannot be counted (``unknown``, ``greedy-custom``) are
counted as not reproduced by Wijkgeld; tests/pb/test_from_file_real.py says why for each.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from wijkgeld.pb import RuleError, read_pb  # noqa: E402
from wijkgeld.pb.fromfile import agreement, tally_from_file  # noqa: E402


def main(argv: list[str]) -> int:
    root = Path(__file__).resolve().parents[1]
    default = next(
        (
            b / "shared" / "pabulib" / "data"
            for b in root.parents
            if (b / "shared" / "pabulib" / "data").is_dir()
        ),
        root.parent / "shared" / "pabulib" / "data",
    )
    folders = [Path(a) for a in argv] or [default]
    files = sorted(p for folder in folders for p in folder.glob("*.pb"))
    ours = theirs = total = 0
    print(
        f"{'file':<55} {'rule':<28} {'wijkgeld':<26} {'pabutools':<22} seconds to read and count (ours / pabutools)"
    )
    for path in files:
        started = time.perf_counter()
        election = read_pb(path)
        if "selected" not in election.project_columns:
            continue
        total += 1
        marks = {pid: p.extra.get("selected", "0") for pid, p in election.projects.items()}
        published = {pid for pid, m in marks.items() if m == "1"}
        compared = {pid for pid, m in marks.items() if m in ("0", "1")}
        rule = election.meta.get("rule", "")
        try:
            result = tally_from_file(election)
            agrees = agreement(result)
            assert agrees is not None
            ok = agrees.reproduced
            verdict = (
                "reproduced" if ok else f"differs on {len(agrees.differ)}: {' '.join(agrees.differ[:3])}"
            )
        except RuleError:
            ok, verdict = False, f"not countable ({rule})"
        ours_time = time.perf_counter() - started
        started = time.perf_counter()
        winners = pabutools_winners(path, rule)
        their_time = time.perf_counter() - started
        their_ok = winners & compared == published & compared
        ours += ok
        theirs += their_ok
        their_verdict = "reproduced" if their_ok else f"differs on {len((winners ^ published) & compared)}"
        print(
            f"{path.stem[:55]:<55} {rule:<28} {verdict[:26]:<26} {their_verdict:<22} "
            f"{ours_time:.2f} / {their_time:.2f}"
        )
    print(f"reproduced {ours} of {total} files (pabutools: {theirs} of {total})")
    return 0


def pabutools_winners(path: Path, rule: str) -> set[str]:
    from pabutools.election import Cost_Sat, parse_pabulib
    from pabutools.rules import greedy_utilitarian_welfare, method_of_equal_shares

    instance, profile = parse_pabulib(str(path))
    multi: Any = profile.as_multiprofile()
    if rule.startswith("equalshares"):
        kwargs: dict[str, Any] = {"sat_class": Cost_Sat}
        if "/add1" in rule:
            kwargs["voter_budget_increment"] = 1
        out = method_of_equal_shares(instance, multi, **kwargs)
    else:
        out = greedy_utilitarian_welfare(instance, multi, sat_class=Cost_Sat)
    return {p.name for p in out}


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
