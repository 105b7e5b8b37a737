"""Read and write Pabulib ``.pb`` files (META / PROJECTS / VOTES, ``;``-separated, a header row per section).

The reader is strict where a wrong guess would change a count (unknown projects, duplicate ids, bad
numbers) and lenient where real files differ harmlessly (CRLF or LF, a byte-order mark, CSV quoting,
``none`` for a missing cell, blank lines). Every problem is reported as ``PbParseError`` carrying
``file:line: message``; nothing else escapes, whatever bytes come in.
"""

from __future__ import annotations

import csv
import gc
import io
import os
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain, islice, repeat, starmap
from operator import itemgetter

from .errors import PbParseError
from .model import POINT_VOTE_TYPES, VOTE_TYPES, Ballot, Election, Project, make_ballots
from .numbers import Number, format_number, parse_number
from .rules import kernel

SECTIONS = ("meta", "projects", "votes")
MISSING = "none"
# Real files reach 4 MB; one cell is never near this, but csv's default 128 kB limit is a needless trap.
_FIELD_LIMIT = 10_000_000


def read_pb(path: str | os.PathLike[str]) -> Election:
    """Read a ``.pb`` file. Raises ``PbParseError`` (also for unreadable or non-UTF-8 files)."""
    filename = os.fspath(path)
    try:
        with open(filename, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise PbParseError(f"cannot read file: {exc.strerror or exc}", filename=filename, line=0) from exc
    return parse_pb_bytes(data, filename=filename)


def parse_pb_bytes(data: bytes, *, filename: str = "<bytes>") -> Election:
    """Decode UTF-8 (with or without BOM) and parse."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise PbParseError("file is not UTF-8 text", filename=filename, line=line) from exc
    return parse_pb(text, filename=filename)


def parse_pb(text: str, *, filename: str = "<string>") -> Election:
    """Parse the text of a ``.pb`` file into an ``Election``.

    Python's cyclic garbage collector is paused meanwhile, as in ``tally()``: reading makes hundreds
    of thousands of objects and no reference cycles, and each collector pass would walk all of them
    again (a third of the reading time of Wrocław 2015).
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _Parser(filename).parse(text.removeprefix("\ufeff"))
    finally:
        if collecting:
            gc.enable()


class _Parser:
    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.line = 0
        self.meta: dict[str, str] = {}
        self.projects: dict[str, Project] = {}
        # Ballots as read, made into Ballot objects once all are read (see parse()).
        self.ballot_rows: list[tuple[str, tuple[str, ...], tuple[Number, ...] | None, dict[str, str]]] = []
        self.voter_ids: set[str] = set()
        # Vote and points cells already read, and what they gave: most ballots repeat one of a few
        # hundred cells, so each is split and checked once, and equal ballots share one tuple.
        self.votes_seen: dict[str, tuple[str, ...]] = {}
        self.points_seen: dict[str, tuple[Number, ...]] = {}
        self.project_columns: list[str] = []
        self.vote_columns: list[str] = []
        self.vote_type = ""
        self.source = io.StringIO()  # the lines being read (see rows())
        self.last_line = 0  # the last line rows() has read
        self.ballots_at_once: list[Ballot] = []  # see read_votes_at_once()

    def error(self, message: str, line: int | None = None) -> PbParseError:
        return PbParseError(message, filename=self.filename, line=self.line if line is None else line)

    def rows(self, text: str) -> Iterator[list[str]]:
        """The non-blank records of ``text``, split into cells; ``self.line`` is where each starts.

        Most lines hold no quote: those are split on ``;`` directly, which gives what ``csv`` would
        (without a quote character, only the delimiter and the line end are special) at a fraction
        of the cost. A line with a quote (or a NUL) goes to ``csv``, which reads on into the next
        lines while a quoted cell is open, so errors still name the line a record starts on.
        """
        csv.field_size_limit(_FIELD_LIMIT)
        lines = self.source = io.StringIO(text, newline="")  # splits at \r\n, \r, \n, as csv does
        number = 0
        for line in lines:
            number += 1
            start = number
            if '"' in line or "\0" in line:
                reader = csv.reader(chain((line,), lines), delimiter=";", quotechar='"', strict=True)
                try:
                    row = next(reader)
                except csv.Error as exc:
                    raise self.error(f"bad CSV (an unclosed quote?): {exc}", start) from exc
                number += reader.line_num - 1
            else:
                row = line.rstrip("\r\n").split(";")
            self.line, self.last_line = start, number
            if not row or all(not cell.strip() for cell in row):
                continue
            yield row

    def parse(self, text: str) -> Election:
        if not text.strip():
            raise self.error("file is empty", 1)
        section = ""
        seen: list[str] = []
        header: list[str] | None = None
        for row in self.rows(text):
            marker = row[0].strip().lower()
            if marker in SECTIONS and all(not c.strip() for c in row[1:]):
                self.start_section(marker, seen)
                section, header = marker, None
                continue
            if not section:
                raise self.error("expected the META section first")
            cells = list(map(str.strip, row))
            if header is None:
                header = self.set_header(section, cells)
                if section == "votes":
                    self.read_votes_at_once()
                continue
            if len(cells) != len(header):
                raise self.error(
                    f"wrong column count in {section.upper()}: {len(cells)} cells, header has {len(header)}"
                )
            if section == "meta":
                self.add_meta(cells)
            elif section == "projects":
                self.add_project(header, cells)
            else:
                self.add_ballot(cells)
        for name in SECTIONS:
            if name not in seen:
                raise self.error(f"missing section {name.upper()}", max(self.line, 1))
        if header is None:
            raise self.error(f"section {section.upper()} has no header row")
        # Made in one go, the Ballot objects lie side by side in memory instead of between each row's
        # cell strings: a pass over all ballots (as merging them for a count) then reads about a
        # third of the memory (Wrocław 2017: 3.4 -> 1.5 ms to read every ballot's projects).
        ballots = self.ballots_at_once + list(starmap(Ballot, self.ballot_rows))
        self.ballot_rows = []
        return Election(
            meta=self.meta,
            projects=self.projects,
            ballots=ballots,
            project_columns=self.project_columns,
            vote_columns=self.vote_columns,
        )

    def start_section(self, name: str, seen: list[str]) -> None:
        if name in seen:
            raise self.error(f"section {name.upper()} appears twice")
        expected = SECTIONS[len(seen)]
        if name != expected:
            raise self.error(f"section {name.upper()} found where {expected.upper()} was expected")
        if seen and seen[-1] == "meta":
            self.check_meta()
        seen.append(name)

    def set_header(self, section: str, cells: list[str]) -> list[str]:
        if len(set(cells)) != len(cells):
            raise self.error(f"header of {section.upper()} repeats a column name")
        required = {
            "meta": ("key", "value"),
            "projects": ("project_id", "cost"),
            "votes": ("voter_id", "vote"),
        }
        for column in required[section]:
            if column not in cells:
                raise self.error(f"header of {section.upper()} has no column {column!r}")
        if section == "meta" and len(cells) != 2:
            raise self.error("header of META must be 'key;value'")
        if section == "projects":
            self.project_columns = cells
        elif section == "votes":
            self.vote_columns = cells
            self.set_vote_layout(cells)
        return cells

    def add_meta(self, cells: list[str]) -> None:
        key, value = cells
        if not key:
            raise self.error("META row without a key")
        if key in self.meta:
            raise self.error(f"duplicate META key {key!r}")
        self.meta[key] = value

    def check_meta(self) -> None:
        if "budget" not in self.meta:
            raise self.error("META has no budget")
        budget = self.number(self.meta["budget"], "budget")
        if budget < 0:
            raise self.error("budget must not be negative")
        self.vote_type = self.meta.get("vote_type", "").lower()
        if self.vote_type not in VOTE_TYPES:
            raise self.error(f"META vote_type must be one of {', '.join(VOTE_TYPES)}")

    def number(self, text: str, what: str) -> Number:
        try:
            return parse_number(text)
        except ValueError:
            raise self.error(f"{what} is not a number: {text!r}") from None

    def add_project(self, header: list[str], cells: list[str]) -> None:
        values = dict(zip(header, cells, strict=True))
        pid = values.pop("project_id")
        if not pid or pid.lower() == MISSING:
            raise self.error("project without an id")
        if pid in self.projects:
            raise self.error(f"duplicate project id {pid!r}")
        cost = self.number(values.pop("cost"), f"cost of project {pid!r}")
        if cost < 0:
            raise self.error(f"cost of project {pid!r} is negative")
        extra = {k: v for k, v in values.items() if v.lower() != MISSING}
        self.projects[pid] = Project(pid, cost, extra)

    def read_votes_at_once(self) -> None:
        """Read the rest of the VOTES section in whole-column operations when it is plain: no quote,
        NUL or lone carriage return, no cell with spaces around it, no blank line, no points column
        (approval, choose-1 and ordinal files without points: the largest ones). Every check of the
        row-by-row path is made here too, on all rows at once; if any fails, or the section is not
        plain, nothing is kept and the row-by-row path reads the section again, so that it reports
        the first problem with its line number, exactly as before.
        """
        if self.points_at is not None or self.vote_type in POINT_VOTE_TYPES:
            return
        source = self.source
        start = source.tell()
        ballots = self._plain_votes(source.read())
        if ballots is None:
            source.seek(start)  # rows() goes on from the first VOTES row
            return
        self.ballots_at_once = ballots
        self.line = self.last_line = self.last_line + len(ballots)  # one row a line: no blank lines

    def _plain_votes(self, rest: str) -> list[Ballot] | None:
        """The ballots of a plain VOTES section (see read_votes_at_once), or None if it is not plain.

        Each line is split into at most three pieces, ``voter_id``, ``vote`` and the rest of the row
        (the extra cells, as one piece): the pieces of all lines make one flat list, and a column is
        a slice of it. If that list holds three pieces a line, every line has at least three cells;
        the rest of a row is split into its extra cells once per distinct rest, which checks that it
        has exactly as many as the header. Rows with the same rest (most files repeat a few hundred
        combinations of age, sex and district) share one ``extra`` dict, equal vote cells one tuple.

        The split is made on the UTF-8 bytes (``;`` and the line ends are single bytes that never
        occur inside a multi-byte character, so the cells are the same): the pieces thrown away after
        reading are then bytes objects, kept in other memory than the strings and ballots that stay,
        which keeps those close together (reading while an earlier election is still in memory, as
        the benchmark does, took half as long again with str pieces). The voter ids are decoded in
        one go; vote cells and rests once per distinct value.
        """
        if tuple(sorted((self.voter_at, self.vote_at))) != (0, 1):
            return None  # voter_id and vote come first in every known file; others go row by row
        if not rest or '"' in rest or "\0" in rest:
            return None
        try:
            data = rest.encode()
        except UnicodeEncodeError:  # a lone surrogate, from parse_pb() given such a str
            return None
        pieces = min(len(self.vote_columns), 3)
        if kernel.active is not None:
            # The split below in C: the voter ids decoded, vote cells and rests as their distinct
            # values and, per row, which one (so each row's bytes are not made objects at all).
            found = kernel.active.split_rows(data, pieces, self.voter_at)
            if found is None:
                return None
            voters, cells, cell_rows, rests, rest_rows = found
            return self._plain_ballots(
                voters, cells, memoryview(cell_rows).cast("i"), rests, memoryview(rest_rows).cast("i")
            )
        if b"\r" in data:
            data = data.replace(b"\r\n", b"\n")
            if b"\r" in data:
                return None  # a lone carriage return: a line end to csv
        lines = data.split(b"\n")
        del data
        if not lines[-1]:
            lines.pop()  # the last line's line end
        count = len(lines)
        flat = list(chain.from_iterable(map(bytes.split, lines, repeat(b";"), repeat(pieces - 1))))
        del lines
        if len(flat) != pieces * count:
            return None  # a blank line, or a row with too few cells
        voters = b"\n".join(flat[self.voter_at :: pieces]).decode().split("\n")
        cells, cell_rows = _distinct(flat[self.vote_at :: pieces])
        rests, rest_rows = _distinct(flat[2::3])  # none when pieces is 2
        return self._plain_ballots(voters, cells, cell_rows, rests, rest_rows)

    def _plain_ballots(
        self,
        voters: list[str],
        cells: list[bytes],
        cell_rows: Sequence[int],
        rests: list[bytes],
        rest_rows: Sequence[int],
    ) -> list[Ballot] | None:
        """_plain_votes after the split (in Python or in C): the voter ids, the distinct vote cells
        and rests (the extra cells of a row, as one piece), and per row the index of its cell and
        rest. Checks them, each distinct cell and rest once; None if anything is not plain."""
        count = len(voters)
        distinct = set(voters)
        if len(distinct) != count or "" in distinct:
            return None  # a repeated or missing voter id
        if not "".join(voters).isdigit() and not _plain_ids(distinct):
            return None
        names_of = self._names_at_once(cells)
        if names_of is None:
            return None
        names = list(map(names_of.__getitem__, cells))
        extras: Iterable[dict[str, str]]
        if len(self.vote_columns) == 2:
            extras = repeat({})
        else:
            made = _ExtrasByRest(self.extra_names)
            try:
                by_rest = list(map(made.__getitem__, rests))
            except _NotPlain:
                return None
            extras = map(by_rest.__getitem__, rest_rows)
        ballots = make_ballots(voters, map(names.__getitem__, cell_rows), repeat(None), extras, count)
        self.voter_ids = distinct
        return ballots

    def _names_at_once(self, cells: list[bytes]) -> dict[bytes, tuple[str, ...]] | None:
        """The projects of each distinct vote cell, found for all cells in whole-list operations, or
        None if one of them is not a plain list of project ids (an unknown project, an empty name,
        spaces around a name, a ``;`` from a row with a cell too many): the row-by-row path then
        reports or reads it."""
        texts = b"\n".join(cells).decode().split("\n")
        by_text = dict(zip(texts, cells, strict=True))  # one to one: UTF-8 decodes one way only
        names_of: dict[bytes, tuple[str, ...]] = {}
        for empty in ("", MISSING, MISSING.title(), MISSING.upper()):  # other spellings: row by row
            if empty in by_text:
                names_of[by_text.pop(empty)] = ()
        listed, listed_texts = list(by_text.values()), list(by_text)
        # Every name of every cell, in order; each replaced by the project's own id string, so a
        # file of 100,000 ballots refers to a few hundred id strings instead of holding a copy each.
        if not listed:
            return names_of
        ids = {pid: pid for pid in self.projects}
        joined = ",".join(listed_texts)
        if ";" in joined:
            return None
        try:
            names = list(map(ids.__getitem__, joined.split(",")))
        except KeyError:
            return None
        # Cut the names back into one tuple per cell: a cell with k commas has k + 1 names.
        sizes = map((1).__add__, map(str.count, listed_texts, repeat(",")))
        shared = iter(names)
        names_of.update(zip(listed, map(tuple, map(islice, repeat(shared), sizes)), strict=True))
        return names_of

    def set_vote_layout(self, header: list[str]) -> None:
        """Where each cell of a VOTES row is, found once from the header instead of a dict per row."""
        self.voter_at = header.index("voter_id")
        self.vote_at = header.index("vote")
        self.points_at = header.index("points") if "points" in header else None
        extra = [(i, name) for i, name in enumerate(header) if name not in ("voter_id", "vote", "points")]
        self.extra_names = [name for _i, name in extra]
        self.extra_at = [i for i, _name in extra]
        # The extra cells of a row as one tuple (itemgetter of one index gives the cell itself).
        self.extra_cells = itemgetter(*(i for i, _name in extra)) if extra else None
        # Rows with the same extra cells share one (read-only) dict: most files repeat a few values
        # (age, sex, district), and a dict per ballot cost a third of the reading time.
        self.extras_seen: dict[object, dict[str, str]] = {}

    def add_ballot(self, cells: list[str]) -> None:
        voter = cells[self.voter_at]
        if not voter or voter.lower() == MISSING:
            raise self.error("vote without a voter_id")
        if voter in self.voter_ids:
            raise self.error(f"duplicate voter id {voter!r}")
        self.voter_ids.add(voter)
        vote = cells[self.vote_at]
        names = self.votes_seen.get(vote)
        if names is None:
            names = self.votes_seen[vote] = self.vote_names(vote)
        # A project named twice in one vote is kept as written (Częstochowa 2020 has one); the engine
        # counts it once and, like the reference, keeps the last points given to it.
        points: tuple[Number, ...] | None = None
        raw_points = MISSING if self.points_at is None else cells[self.points_at]
        if raw_points.lower() != MISSING and raw_points:
            points = self.points_seen.get(raw_points)
            if points is None:
                parts = [p for p in raw_points.split(",") if p.strip()]
                points = tuple(self.number(p, "points") for p in parts)
                if any(p < 0 for p in points):
                    raise self.error("points must not be negative")
                self.points_seen[raw_points] = points
            if len(points) != len(names):
                raise self.error(f"{len(points)} points for {len(names)} projects")
        elif names and self.vote_type in ("cumulative", "scoring"):
            raise self.error(f"{self.vote_type} vote without points")
        if self.extra_cells is None:
            extra: dict[str, str] = {}
        else:
            found = self.extra_cells(cells)
            extra = self.extras_seen.get(found)  # type: ignore[assignment]
            if extra is None:
                values = (found,) if len(self.extra_names) == 1 else found
                extra = self.extras_seen[found] = {
                    k: v for k, v in zip(self.extra_names, values, strict=True) if v.lower() != MISSING
                }
        self.ballot_rows.append((voter, names, points, extra))

    def vote_names(self, vote: str) -> tuple[str, ...]:
        """The projects of a vote cell. They refer to each project's own id string instead of a copy
        each: a file of 100,000 ballots holds a few hundred id strings."""
        if vote.lower() == MISSING:
            return ()
        names = [n.strip() for n in vote.split(",") if n.strip()]
        projects = self.projects
        for pos, name in enumerate(names):
            project = projects.get(name)
            if project is None:
                raise self.error(f"vote for unknown project {name!r}")
            names[pos] = project.project_id
        return tuple(names)


class _NotPlain(Exception):
    """A VOTES section turns out not to be plain: read it row by row."""


class _ExtrasByRest(dict[bytes, dict[str, str]]):
    """The ``extra`` dict of a VOTES row by the rest of the row after ``voter_id`` and ``vote`` (its
    extra cells, as UTF-8 bytes), made on first use as the row-by-row path makes it. A rest with
    another number of cells than the header, or a cell with spaces around it, is not plain."""

    def __init__(self, names: list[str]) -> None:
        super().__init__()
        self.names = names

    def __missing__(self, rest: bytes) -> dict[str, str]:
        values = rest.decode().split(";")
        if len(values) != len(self.names) or list(map(str.strip, values)) != values:
            raise _NotPlain
        extra = self[rest] = {k: v for k, v in zip(self.names, values, strict=True) if v.lower() != MISSING}
        return extra


def _distinct(values: list[bytes]) -> tuple[list[bytes], list[int]]:
    """The distinct values in order of first appearance, and per value its index among them (what the
    kernel's split_rows gives for the vote cells and rests)."""
    index = {v: i for i, v in enumerate(dict.fromkeys(values))}
    return list(index), list(map(index.__getitem__, values))


def _plain_ids(voters: set[str]) -> bool:
    """Whether no voter id needs the row-by-row path: none has spaces around it or a ``;`` (from a
    row with a cell too many), is ``none`` or a section name (in any case). Voter ids hold no line end, so one joined string answers for all."""
    listed = list(voters)
    if list(map(str.strip, listed)) != listed or ";" in "".join(listed):
        return False
    lowered = "\n" + "\n".join(listed).lower() + "\n"
    return not any(f"\n{word}\n" in lowered for word in (MISSING, *SECTIONS))


def write_pb(election: Election) -> str:
    """Write an election as Pabulib text (LF line ends, ``;``-separated, CSV quoting where needed).

    Reading the result back gives an equal ``Election``. ``num_projects`` and ``num_votes`` in META are
    brought up to date.
    """
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", quotechar='"', lineterminator="\n")
    meta = dict(election.meta)
    if "num_projects" in meta or "num_votes" in meta:
        meta["num_projects"] = str(len(election.projects))
        meta["num_votes"] = str(len(election.ballots))
    writer.writerow(["META"])
    writer.writerow(["key", "value"])
    for key, value in meta.items():
        writer.writerow([key, value])
    writer.writerow(["PROJECTS"])
    writer.writerow(election.project_columns)
    for project in election.projects.values():
        row = []
        for column in election.project_columns:
            if column == "project_id":
                row.append(project.project_id)
            elif column == "cost":
                row.append(format_number(project.cost))
            else:
                row.append(project.extra.get(column, MISSING))
        writer.writerow(row)
    writer.writerow(["VOTES"])
    writer.writerow(election.vote_columns)
    for ballot in election.ballots:
        row = []
        for column in election.vote_columns:
            if column == "voter_id":
                row.append(ballot.voter_id)
            elif column == "vote":
                row.append(",".join(ballot.projects))
            elif column == "points":
                row.append(
                    MISSING if ballot.points is None else ",".join(format_number(p) for p in ballot.points)
                )
            else:
                row.append(ballot.extra.get(column, MISSING))
        writer.writerow(row)
    return out.getvalue()
