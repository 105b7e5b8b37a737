"""An iCalendar (RFC 5545) feed of an area's meetings, written by hand: it is a small format.

Lines end in CRLF and are folded at 75 octets (never inside a UTF-8 character); TEXT values
escape backslash, semicolon, comma and newlines. UIDs are the meetings' stable UUIDs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from wijkgeld.alliance.models import Meeting


def escape_text(value: str) -> str:
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """Fold one content line into CRLF-separated chunks of at most 75 octets."""
    raw = line.encode("utf-8")
    if len(raw) <= 75:
        return line + "\r\n"
    parts: list[str] = []
    current = b""
    limit = 75
    for char in line:
        encoded = char.encode("utf-8")
        if len(current) + len(encoded) > limit:
            parts.append(current.decode("utf-8"))
            current = b""
            limit = 74  # continuation lines start with one space
        current += encoded
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts) + "\r\n"


def _utc(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def calendar(*, name: str, meetings: Iterable[Meeting], url_for, now: dt.datetime, domain: str) -> str:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Wijkgeld//Alliance meetings//NL",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    for meeting in meetings:
        location = meeting.place  # the online link is for members only
        lines += [
            "BEGIN:VEVENT",
            f"UID:{meeting.uid}@{domain}",
            f"DTSTAMP:{_utc(now)}",
            f"LAST-MODIFIED:{_utc(meeting.updated_at)}",
            f"SEQUENCE:{meeting.sequence}",
            f"DTSTART:{_utc(meeting.starts_at)}",
            f"DTEND:{_utc(meeting.ends_at)}",
            f"SUMMARY:{escape_text(meeting.title)}",
            f"DESCRIPTION:{escape_text(meeting.get_kind_display())}",
            f"URL:{url_for(meeting)}",
            f"STATUS:{'CANCELLED' if meeting.cancelled else 'CONFIRMED'}",
        ]
        if location:
            lines.append(f"LOCATION:{escape_text(location)}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold(line) for line in lines)
