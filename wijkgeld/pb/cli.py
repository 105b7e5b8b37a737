"""The ``wijkgeld`` command: ``wijkgeld tally FILE.pb [options]``.

Anyone can recount a published election with one command. Errors in the file or the options print
one line (``file:line: what is wrong``) on stderr and exit with status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict
from fractions import Fraction
from typing import Any, TextIO

from .completion import COMPLETIONS
from .errors import PbError, RuleError
from .fromfile import Agreement, agreement, tally_from_file
from .numbers import Number, normalize
from .pbfile import read_pb
from .rules import kernel
from .tally import RULES, Result, tally
from .texts import LANGUAGES, explain_text

FROM_FILE = "from-file"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="wijkgeld", description="Wijkgeld participatory-budgeting tools.")
    sub = parser.add_subparsers(dest="command", required=True)
    t = sub.add_parser(
        "tally", help="count a Pabulib .pb election", description="Count a Pabulib .pb election."
    )
    t.add_argument("file", metavar="FILE.pb")
    t.add_argument(
        "--rule",
        choices=(*RULES, FROM_FILE),
        default="mes",
        help="from-file: the rule and parameters in the file's META, compared with its selected column",
    )
    t.add_argument(
        "--completion",
        choices=COMPLETIONS,
        default=None,
        help="MES only; default add1 for mes, none otherwise",
    )
    t.add_argument("--utility", choices=("cost", "points"), default="cost")
    t.add_argument("--tie-break", default="id", metavar="id|cost-then-votes|lottery:SEED")
    t.add_argument("--json", action="store_true", help="print one JSON object")
    t.add_argument("--explain", action="store_true", help="add why each project was (not) funded")
    t.add_argument("--language", choices=LANGUAGES, default="nl", help="language of --explain text")
    t.add_argument("--no-progress", action="store_true", help="do not show progress on stderr")
    version = f"wijkgeld tally; counting kernel: {kernel.name()}"
    t.add_argument("--version", action="version", version=version, help="say which counting kernel is in use")
    parser.add_argument("--version", action="version", version=version)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        election = read_pb(args.file)
        progress = None if args.no_progress else _Progress(sys.stderr)
        if args.rule == FROM_FILE:
            if args.completion is not None or args.utility != "cost":
                raise RuleError(
                    "--completion and --utility do not apply to --rule from-file: the file's META decides"
                )
            result = tally_from_file(election, tie_break=args.tie_break)
        else:
            result = tally(
                election,
                rule=args.rule,
                completion=args.completion,
                utility=args.utility,
                tie_break=args.tie_break,
                progress=progress,
            )
        if progress is not None:
            progress.done()
        agrees = agreement(result) if args.rule == FROM_FILE else None
        if args.json:
            data = result_json(result, args.file, explain=args.explain)
            if args.rule == FROM_FILE:
                data["from_file"] = from_file_json(result, agrees)
            json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
            sys.stdout.write("\n")
        else:
            text = result_text(result, explain=args.explain, language=args.language)
            if args.rule == FROM_FILE:
                text += "\n" + agreement_text(result, agrees)
            sys.stdout.write(text + "\n")
    except PbError as exc:
        print(f"wijkgeld: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # Output piped into `head` and closed early: not an error of the count.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        return 0
    return 0


class _Progress:
    """Shows that a long count is alive: a bar on a terminal, a line every few seconds otherwise."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.tty = stream.isatty()
        self.start = self.last = time.monotonic()
        self.shown = False

    def __call__(self, runs: int, step: int) -> None:
        now = time.monotonic()
        if now - self.start < 1.0 or now - self.last < (0.2 if self.tty else 5.0):
            return
        self.last = now
        self.shown = True
        if self.tty:
            width = 20
            pos = runs % (2 * width)
            pos = pos if pos < width else 2 * width - pos
            bar = " " * pos + "#" + " " * (width - pos)
            self.stream.write(f"\rcounting [{bar}] MES run {runs}, step {step} ")
        else:
            self.stream.write(f"counting: MES run {runs}, step {step}\n")
        self.stream.flush()

    def done(self) -> None:
        if self.shown and self.tty:
            self.stream.write("\r" + " " * 60 + "\r")
            self.stream.flush()


def _num(value: Number | None) -> int | float | None:
    """JSON number: exact for whole amounts; others as float (exact values are in the Python API)."""
    if value is None:
        return None
    value = normalize(Fraction(value))
    return value if isinstance(value, int) else round(float(value), 6)


def result_json(result: Result, filename: str = "", *, explain: bool = False) -> dict[str, Any]:
    data: dict[str, Any] = {
        "file": filename,
        "rule": result.rule,
        "completion": result.completion,
        "utility": result.utility,
        "tie_break": result.tie_break,
        "budget": _num(result.budget),
        "selected": list(result.selected),
        "total_cost": _num(result.total_cost),
        "leftover": _num(result.leftover),
        "voters": result.voters,
    }
    if result.mes is not None:
        data["voter_share"] = _num(result.mes.voter_budget)
        data["increments"] = max(result.mes.increments, 0)
        data["mes_runs"] = result.mes.runs
    if explain:
        ex = result.explanation
        data["explanation"] = {
            "summary": {lang: explain_text(ex, language=lang).split("\n\n", 1)[0] for lang in LANGUAGES},
            "projects": {pid: _jsonable(asdict(p)) for pid, p in ex.projects.items()},
            "voters": {vid: _jsonable(asdict(ex.voters[vid])) for vid in ex.voters},
        }
    return data


def from_file_json(result: Result, agrees: Agreement | None) -> dict[str, Any]:
    """The file's rule, its parameters, and the comparison with the file's ``selected`` column."""
    data: dict[str, Any] = {"rule": result.rule, "parameters": dict(result.parameters)}
    if result.comparison is not None:
        c = result.comparison
        data["comparison"] = {
            "measure": c.measure,
            "prefers_mes": c.prefers_mes,
            "prefers_greedy": c.prefers_greedy,
            "switched_to_greedy": c.switched,
        }
    if agrees is None:
        data["agreement"] = None
        return data
    data["agreement"] = {
        "reproduced": agrees.reproduced,
        "agree": agrees.agree,
        "compared": agrees.compared,
        "differ": list(agrees.differ),
        "ambiguous": list(agrees.ambiguous),
        "projects": {
            p.project_id: {"selected_in_file": p.selected_in_file, "funded": p.funded, "agrees": p.agrees}
            for p in agrees.projects
        },
    }
    return data


def agreement_text(result: Result, agrees: Agreement | None) -> str:
    """Per project: the file's selected mark, the count, and whether they agree; then a summary line."""
    params = "  ".join(f"{k}={v}" for k, v in result.parameters.items())
    lines = [f"file rule: {result.rule}" + (f"  {params}" if params else "")]
    if result.comparison is not None:
        c = result.comparison
        lines.append(
            f"comparison ({c.measure}): {c.prefers_mes} voters prefer equal shares, {c.prefers_greedy} prefer "
            f"greedy: {'switched to greedy' if c.switched else 'equal shares kept'}"
        )
    if agrees is None:
        lines.append("the file has no selected column: nothing to compare")
        return "\n".join(lines)
    mark = {True: "1", False: "0", None: "2"}
    lines.append("project  file  count  agrees")
    for p in agrees.projects:
        verdict = "ambiguous (file marks 2)" if p.selected_in_file is None else ("yes" if p.agrees else "NO")
        lines.append(f"{p.project_id}  {mark[p.selected_in_file]}  {int(p.funded)}  {verdict}")
    summary = f"agrees with the file's selected column on {agrees.agree} of {agrees.compared} projects"
    if agrees.differ:
        summary += "; differ: " + ", ".join(agrees.differ)
    if agrees.ambiguous:
        summary += "; marked 2 (ambiguous) in the file: " + ", ".join(agrees.ambiguous)
    lines.append(summary + (" (reproduced)" if agrees.reproduced else " (NOT reproduced)"))
    return "\n".join(lines)


def _jsonable(obj: Any) -> Any:
    if isinstance(obj, dict):
        return {k: _jsonable(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_jsonable(v) for v in obj]
    if isinstance(obj, Fraction):
        return _num(obj)
    return obj


def result_text(result: Result, *, explain: bool = False, language: str = "nl") -> str:
    if explain:
        return explain_text(result.explanation, language=language)
    lines = [
        f"rule: {result.rule}  completion: {result.completion}  utility: {result.utility}  "
        f"tie-break: {result.tie_break}",
        f"budget: {_num(result.budget)}  total cost: {_num(result.total_cost)}  voters: {result.voters}",
        "selected (in order chosen): " + " ".join(result.selected),
    ]
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
