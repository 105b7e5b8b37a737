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
from .errors import PbError
from .numbers import Number, normalize
from .pbfile import read_pb
from .tally import RULES, Result, tally
from .texts import LANGUAGES, explain_text


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="wijkgeld", description="Wijkgeld participatory-budgeting tools.")
    sub = parser.add_subparsers(dest="command", required=True)
    t = sub.add_parser(
        "tally", help="count a Pabulib .pb election", description="Count a Pabulib .pb election."
    )
    t.add_argument("file", metavar="FILE.pb")
    t.add_argument("--rule", choices=RULES, default="mes")
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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        election = read_pb(args.file)
        progress = None if args.no_progress else _Progress(sys.stderr)
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
        if args.json:
            json.dump(
                result_json(result, args.file, explain=args.explain), sys.stdout, ensure_ascii=False, indent=1
            )
            sys.stdout.write("\n")
        else:
            sys.stdout.write(result_text(result, explain=args.explain, language=args.language) + "\n")
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
