"""Record what the browser tests checked, for the accessibility statement (toegankelijkheidsverklaring).

Every axe-core scan (tests/e2e/browser.py) and every browser test's outcome is noted here. When the
whole browser suite runs with WIJKGELD_A11Y_RESULTS set to a file (`make test-e2e` does), the session
writes that file: the date, the commit, Chromium's and axe-core's versions, the pages scanned (paths
with numbers replaced by ":id"), the violations found per rule, and how many tests passed, ran at
320 px or without JavaScript. The public page reads it (wijkgeld/public/accessibility.py): no figure
on that page is typed in by hand.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import subprocess
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urlsplit

_scans: list[dict] = []
_tests: dict[str, dict] = {}
_versions: dict[str, str] = {}

# Fixtures that make a test run on a 320 px screen or without JavaScript (tests/e2e/*.py).
NARROW_FIXTURES = {"small_page", "phone", "phone_nojs"}
NO_JS_FIXTURES = {"nojs_page", "phone_nojs"}


def _path(url: str) -> str:
    path = urlsplit(url).path or "/"
    return re.sub(r"/\d+(?=/|$)", "/:id", path)


def record_scan(page, response: dict) -> None:
    engine = response.get("testEngine") or {}
    if engine.get("version"):
        _versions["axe-core"] = engine["version"]
    with contextlib.suppress(Exception):  # a version is nice to have, never a reason to fail a test
        _versions.setdefault("chromium", page.context.browser.version)
    viewport = page.viewport_size or {}
    _scans.append(
        {
            # pytest names the running test in this variable: "nodeid (call)".
            "test": os.environ.get("PYTEST_CURRENT_TEST", "").rsplit(" ", 1)[0],
            "path": _path(page.url),
            "width": viewport.get("width"),
            "rules": [v["id"] for v in response.get("violations", [])],
            "nodes": sum(len(v.get("nodes", [])) for v in response.get("violations", [])),
        }
    )


def record_test(item, report) -> None:
    if report.when == "call" or (report.when == "setup" and report.outcome != "passed"):
        # Fixtures named in the signature, and those asked for on the way (request.getfixturevalue).
        request = getattr(item, "_request", None)  # pytest keeps dynamically requested fixtures here
        names = set(getattr(item, "fixturenames", ())) | set(getattr(request, "_fixture_defs", {}))
        narrow = (
            bool(names & NARROW_FIXTURES)
            or any(name in item.name for name in NARROW_FIXTURES)
            or "320" in item.name
            or any(s["test"] == item.nodeid and s["width"] == 320 for s in _scans)
        )
        _tests[item.nodeid] = {
            "outcome": report.outcome,
            "narrow": narrow,
            "no_js": bool(names & NO_JS_FIXTURES) or "no-javascript" in item.name or "nojs" in item.name,
        }


def _commit() -> str:
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short=12", "HEAD"], capture_output=True, text=True, check=True, timeout=10
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def _dirty() -> bool:
    """Whether the worktree had changes that are not in the commit (the figures then say so)."""
    try:
        out = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return False
    # The results file itself changes with every run; it does not make the code differ.
    return any(not line.endswith("accessibility-results.json") for line in out.splitlines() if line.strip())


def summary(now: dt.datetime | None = None) -> dict:
    pages: dict[str, dict] = defaultdict(lambda: {"scans": 0, "widths": set(), "violations": 0})
    rules: Counter[str] = Counter()
    for scan in _scans:
        entry = pages[scan["path"]]
        entry["scans"] += 1
        if scan["width"]:
            entry["widths"].add(scan["width"])
        entry["violations"] += len(scan["rules"])
        rules.update(scan["rules"])
    outcomes = Counter(t["outcome"] for t in _tests.values())
    return {
        "generated_at": (now or dt.datetime.now(dt.UTC)).isoformat(timespec="seconds"),
        "commit": _commit(),
        "uncommitted_changes": _dirty(),
        "browser": f"Chromium {_versions.get('chromium', '')}".strip(),
        "axe_core": _versions.get("axe-core", ""),
        "axe_tags": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"],
        "scans": len(_scans),
        "scans_at_320px": sum(1 for s in _scans if s["width"] == 320),
        "violations": sum(len(s["rules"]) for s in _scans),
        "violation_rules": dict(sorted(rules.items())),
        "pages": [
            {"path": path, "scans": p["scans"], "widths": sorted(p["widths"]), "violations": p["violations"]}
            for path, p in sorted(pages.items())
        ],
        "tests": {
            "total": len(_tests),
            "passed": outcomes.get("passed", 0),
            "failed": outcomes.get("failed", 0),
            "skipped": outcomes.get("skipped", 0),
            "at_320px": sum(1 for t in _tests.values() if t["narrow"]),
            "without_javascript": sum(1 for t in _tests.values() if t["no_js"]),
        },
    }


def write(path: str) -> None:
    if not _tests:
        return
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(summary(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
