"""The iCalendar feed: RFC 5545 line endings, folding, escaping, stable UIDs."""

import datetime as dt

import pytest

from wijkgeld.alliance import services
from wijkgeld.alliance.ical import escape_text, fold


def test_escape():
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"


@pytest.mark.parametrize("text", ["x" * 200, "é" * 100, "ab" + "€" * 60, "short"])
def test_fold_keeps_lines_within_75_octets_and_unfolds_to_the_original(text):
    folded = fold("SUMMARY:" + text)
    assert folded.endswith("\r\n")
    lines = folded[:-2].split("\r\n")
    assert all(len(line.encode()) <= 75 for line in lines)
    assert all(line.startswith(" ") for line in lines[1:])
    assert "".join([lines[0]] + [line[1:] for line in lines[1:]]) == "SUMMARY:" + text


def _unfold(body: str) -> list[str]:
    return body.replace("\r\n ", "").split("\r\n")


@pytest.mark.django_db
def test_feed(client, area, alliance, make_meeting, staff):
    meeting = make_meeting(
        alliance,
        title="Overleg, met; tekens " + "lang " * 20,
        place="Zaal 1, Zuid",
        online_url="https://meet.example.org/geheim",
    )
    response = client.get(f"/gebieden/{area.slug}/alliantie/agenda.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content.decode()
    assert body.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:")
    assert body.endswith("END:VCALENDAR\r\n")
    assert "\n" not in body.replace("\r\n", "")
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))
    lines = _unfold(body)
    uid = next(line for line in lines if line.startswith("UID:"))
    assert uid == f"UID:{meeting.uid}@127.0.0.1"
    assert "SUMMARY:Overleg\\, met\\; tekens lang" in "\n".join(lines)
    assert "LOCATION:Zaal 1\\, Zuid" in lines
    assert "geheim" not in body  # the online link is for members only
    start = meeting.starts_at.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    assert f"DTSTART:{start}" in lines
    # The UID stays the same after a change; SEQUENCE goes up.
    services.meeting_update(
        actor=staff,
        meeting=meeting,
        kind=meeting.kind,
        title="Nieuw",
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
        cancelled=True,
    )
    lines = _unfold(client.get(f"/gebieden/{area.slug}/alliantie/agenda.ics").content.decode())
    assert uid in lines and "SEQUENCE:1" in lines and "STATUS:CANCELLED" in lines
    assert lines.count("BEGIN:VEVENT") == lines.count("END:VEVENT") == 1
