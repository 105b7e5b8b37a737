"""The accessibility statement: status from what exists (audit, plan), figures only from a recorded
browser-test run, linked from every footer."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from wijkgeld.public import accessibility
from wijkgeld.public.accessibility import RESULTS_FILE, compliance_status, load_results

TODAY = dt.date(2026, 12, 3)


@pytest.mark.parametrize(
    ("audit", "planned", "expected"),
    [
        (None, None, "D"),
        (None, dt.date(2027, 3, 1), "C"),
        (None, dt.date(2027, 12, 1), "D"),  # more than six months away: not "planned" in the model
        (None, dt.date(2026, 1, 1), "D"),  # a plan in the past
        ({"date": "2026-06-01", "deviations": 0}, None, "A"),
        ({"date": "2026-06-01", "deviations": 4}, None, "B"),
        ({"date": "2023-06-01", "deviations": 0}, None, "D"),  # older than three years
        ({"date": "not a date", "deviations": 0}, None, "D"),
    ],
)
def test_compliance_status(audit, planned, expected):
    assert compliance_status(audit=audit, planned=planned, today=TODAY) == expected


def test_the_committed_results_come_from_a_real_run():
    results = load_results()
    assert results is not None, f"{RESULTS_FILE} is missing: run make test-e2e"
    assert results["scans"] > 0 and results["tests"]["total"] > 0 and results["commit"]
    assert results["violations"] == sum(p["violations"] for p in results["pages"])
    assert results["scans"] == sum(p["scans"] for p in results["pages"])


def _results(tmp_path, **changes):
    data = {
        "generated_at": "2026-11-30T10:00:00+00:00",
        "commit": "abc123def456",
        "uncommitted_changes": False,
        "browser": "Chromium 1",
        "axe_core": "4.0",
        "axe_tags": ["wcag2a"],
        "scans": 41,
        "scans_at_320px": 17,
        "violations": 3,
        "violation_rules": {"color-contrast": 3},
        "pages": [
            {"path": "/stemmen/", "scans": 40, "widths": [320, 1280], "violations": 3},
            {"path": "/beheer-pagina/", "scans": 1, "widths": [1280], "violations": 0},
        ],
        "tests": {"total": 9, "passed": 8, "failed": 1, "skipped": 0, "at_320px": 4, "without_javascript": 2},
    } | changes
    path = tmp_path / "results.json"
    path.write_text(json.dumps(data))
    return path


@pytest.mark.django_db
def test_the_page_shows_the_recorded_figures(client, tmp_path, monkeypatch):
    monkeypatch.setattr(accessibility, "RESULTS_FILE", _results(tmp_path))
    client.cookies["django_language"] = "en"
    html = " ".join(client.get("/toegankelijkheid/").content.decode().split())
    assert "D – does not comply" in html
    assert "abc123def456" in html and "30 November 2026" in html
    assert "<dd> 41 (17 at 320 px wide) </dd>" in html
    assert "<dd>3</dd>" in html and "color-contrast" in html  # violations are shown, not hidden
    assert "<dd> 8 of 9 </dd>" in html
    assert "1 page was scanned on a wide screen only" in html
    assert "Nationale ombudsman" in html


@pytest.mark.django_db
def test_without_a_recorded_run_the_page_says_so(client, tmp_path, monkeypatch):
    monkeypatch.setattr(accessibility, "RESULTS_FILE", tmp_path / "none.json")
    client.cookies["django_language"] = "en"
    html = client.get("/toegankelijkheid/").content.decode()
    assert "No run of the browser tests has been recorded" in html and "Violations found" not in html


@pytest.mark.django_db
def test_settings_give_the_status_and_contact(client, settings):
    settings.WIJKGELD_ACCESSIBILITY_AUDIT_PLANNED = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    settings.WIJKGELD_ACCESSIBILITY_CONTACT = "toegankelijkheid@example.org"
    client.cookies["django_language"] = "nl"
    html = client.get("/toegankelijkheid/").content.decode()
    assert "C – eerste maatregelen genomen" in html
    assert 'href="mailto:toegankelijkheid@example.org"' in html


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/stemmen/", "/account/login/", "/toegankelijkheid/", "/bestaat-niet/"])
def test_every_footer_links_to_the_statement(client, url):
    html = client.get(url).content.decode()
    footer = html[html.index("<footer") :]
    assert 'href="/toegankelijkheid/"' in footer


def test_the_error_page_links_to_the_statement_too():
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert 'href="/toegankelijkheid/"' in html[html.index("<footer") :]
