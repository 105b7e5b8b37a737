"""Print-ready letters (PDF, one A4 page per code) and a CSV for mail merge.

Letters go to every household, so they are printed in the language the committee member picks when issuing
(Dutch unless chosen otherwise; docs/languages.md), whatever the language of their screen. Every letter also
says, in each of the five languages, where to vote in that language. Arabic is shaped and set right to left
(HarfBuzz through fpdf2; the DejaVu fonts have Arabic glyphs). The plaintext codes exist only in the response
that carries these files.
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
from pathlib import Path

import segno
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import override
from fpdf import FPDF

from wijkgeld.core.csv_export import csv_writer
from wijkgeld.core.money import format_euros
from wijkgeld.voting.codes import format_code

# fpdf2 subsets fonts with fontTools, which logs every glyph at INFO.
logging.getLogger("fontTools").setLevel(logging.WARNING)

FONT_DIRS = [Path("/usr/share/fonts/truetype/dejavu")]
# Unicode isolates (format_euros wraps Arabic amounts in them for web pages); fpdf2's own bidi places the
# amount, and the fonts have no glyph for these invisible marks.
_ISOLATES = dict.fromkeys(map(ord, "\u2066\u2067\u2068\u2069"), None)


# Scripts that need shaping and right-to-left ordering: Hebrew, Arabic (and their presentation forms).
_NEEDS_SHAPING = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_DECIMALS = re.compile(r"[.,]00(?=[^0-9]*$)")


def letter_language(language: str | None) -> str:
    """A language the letters can be printed in, Dutch when none (or an unknown one) is given."""
    return language if language in dict(settings.LANGUAGES) else "nl"


def ballot_url(base_url: str, code: str, language: str = "nl") -> str:
    lang = "" if language == "nl" else f"&lang={language}"
    return f"{base_url.rstrip('/')}{reverse('voting:start')}?code={format_code(code)}{lang}"


def entry_url(base_url: str, language: str = "nl") -> str:
    """Where to vote; ``?lang=`` shows the pages in that language and keeps it (no JavaScript needed)."""
    lang = "" if language == "nl" else f"?lang={language}"
    return f"{base_url.rstrip('/')}{reverse('voting:start')}{lang}"


def _when(value) -> str:
    """A moment in the active language: '3 maart 2026 om 17:00'."""
    if value is None:
        return ""
    moment = timezone.localtime(value)
    return _("%(date)s at %(time)s") % {"date": date_format(moment, "DATE_FORMAT"), "time": f"{moment:%H:%M}"}


def _period(round_) -> str:
    if round_.voting_start and round_.voting_end:
        return _("You can vote from %(start)s until %(end)s.") % {
            "start": _when(round_.voting_start),
            "end": _when(round_.voting_end),
        }
    if round_.voting_end:
        return _("You can vote until %(end)s.") % {"end": _when(round_.voting_end)}
    return _("The resident committee will tell you when you can vote.")


def _whole_euros(cents: int, language: str) -> str:
    """'€ 10.000' for the ideas on the letter and the ballot: whole euros (rounded down), in the letter's
    language: the language's amount without its decimals (',00' or '.00' after the last digit)."""
    return _DECIMALS.sub("", format_euros(cents - cents % 100, language=language))


def _every_language(base_url: str) -> list[tuple[str, str]]:
    """One line per language, each written in its own language: where to vote in that language."""
    lines = []
    for code, _name in settings.LANGUAGES:
        with override(code):
            # Always with ?lang=, Dutch too: it also switches back a device that had another language.
            url = f"{entry_url(base_url)}?lang={code}"
            lines.append((code, _("In English: vote at %(url)s") % {"url": url}))
    return lines


class _Letter(FPDF):
    def __init__(self, language: str = "nl") -> None:
        super().__init__(format="A4")
        self.set_auto_page_break(False)
        self.set_margins(20, 20, 20)
        self.rtl = language in settings.LANGUAGES_BIDI
        regular = next((d / "DejaVuSans.ttf" for d in FONT_DIRS if (d / "DejaVuSans.ttf").exists()), None)
        bold = next(
            (d / "DejaVuSans-Bold.ttf" for d in FONT_DIRS if (d / "DejaVuSans-Bold.ttf").exists()), None
        )
        mono = next(
            (d / "DejaVuSansMono-Bold.ttf" for d in FONT_DIRS if (d / "DejaVuSansMono-Bold.ttf").exists()),
            None,
        )
        if regular and bold and mono:
            self.add_font("Letter", "", str(regular))
            self.add_font("Letter", "B", str(bold))
            self.add_font("Code", "", str(mono))
            self.family, self.code_family, self.unicode = "Letter", "Code", True
            self.shaping = _shaping_available()
        else:  # the PDF core fonts only know Latin-1
            self.family, self.code_family, self.unicode, self.shaping = "Helvetica", "Courier", False, False

    @property
    def align(self) -> str:
        return "R" if self.rtl else "L"

    def text(self, value: str) -> str:  # type: ignore[override]
        value = value.translate(_ISOLATES)
        if self.unicode:
            return value
        value = value.replace("€", "EUR").replace("–", "-").replace("’", "'")
        return value.encode("latin-1", "replace").decode("latin-1")

    def para(self, value: str, size: float = 12, style: str = "", gap: float = 2, align: str = "") -> None:
        self.set_font(self.family, style, size)
        if self.shaping:
            # HarfBuzz joins Arabic letters and orders mixed right-to-left and left-to-right text (UAX #9).
            # Only where the text needs it: shaping every paragraph makes a batch of 1000 letters 3 times slower.
            self.set_text_shaping(bool(_NEEDS_SHAPING.search(value)))
        self.multi_cell(
            0, size * 0.5, self.text(value), align=align or self.align, new_x="LMARGIN", new_y="NEXT"
        )
        self.ln(gap)


def _shaping_available() -> bool:
    try:
        import uharfbuzz  # noqa: F401
    except ImportError:  # letters still print; Arabic letters would not join
        return False
    return True


def _where(sub_area) -> str:
    """The neighbourhood a letter is for: the committee sends it to the addresses with these postcodes."""
    if sub_area is None:
        return ""
    if sub_area.postcodes:
        return _(
            "For residents of %(name)s (postcodes %(postcodes)s). You vote on the ideas for your own "
            "neighbourhood."
        ) % {"name": sub_area.name, "postcodes": sub_area.postcodes}
    return _("For residents of %(name)s. You vote on the ideas for your own neighbourhood.") % {
        "name": sub_area.name
    }


def _budget_cents(round_, sub_area) -> int:
    return sub_area.budget_cents if sub_area is not None else round_.budget_cents


def letters_pdf(  # noqa: A002
    *,
    round,
    codes: list[str],
    base_url: str,
    language: str = "nl",
    sub_area=None,
    first_letter: int | None = None,
) -> bytes:
    """One page per code (and the ideas on the back). With `first_letter`, each letter shows its letter
    number (see VotingCode.letter_hash)."""
    language = letter_language(language)
    with override(language):
        pdf = _Letter(language)
        pdf.set_lang(language)
        pdf.set_title(_("Voting codes %(round)s") % {"round": round.title})
        pdf.set_creator("Wijkgeld")
        for index, code in enumerate(codes):
            number = None if first_letter is None else first_letter + index
            _letter_page(pdf, round, code, base_url, language, sub_area, number)
            _ideas_page(pdf, round, language, sub_area)
    return bytes(pdf.output())


def _letter_page(
    pdf: _Letter, round_, code: str, base_url: str, language: str, sub_area=None, number: int | None = None
) -> None:
    pdf.add_page()
    heading = _("Resident fund %(area)s") % {"area": round_.fund.area.name}
    if number is not None:
        heading += " · " + _("Letter number %(number)s") % {"number": number}
    pdf.para(heading, size=11)
    pdf.para(_("Vote: %(round)s") % {"round": round_.title}, size=20, style="B", gap=4)
    pdf.para(
        _(
            "Dear resident,\nYou may help decide about money for your neighbourhood. Residents have come up "
            "with ideas. Choose which ideas get money. Voting is secret: nobody knows which code you have."
        ),
    )
    if sub_area is not None:
        pdf.para(_where(sub_area), style="B", gap=2)
    pdf.para(_period(round_), style="B", gap=4)
    pdf.para(_("Your voting code:"), size=12, style="B", gap=1)
    pdf.set_font(pdf.code_family, "", 26)
    pdf.cell(0, 16, format_code(code), border=1, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    y = pdf.get_y()
    qr = io.BytesIO()
    segno.make(ballot_url(base_url, code, language), error="m").save(qr, kind="png", scale=6, border=2)
    qr.seek(0)
    # The QR code sits where a line ends: on the right, or on the left in a right-to-left letter.
    pdf.image(qr, x=20 if pdf.rtl else pdf.w - 20 - 45, y=y, w=45, h=45)
    if pdf.rtl:
        pdf.set_left_margin(20 + 50)
        pdf.set_x(20 + 50)
    else:
        pdf.set_right_margin(20 + 50)
    pdf.para(_("How to vote:"), style="B", gap=1)
    pdf.para(
        _(
            "1. Scan the QR code with your phone, or go to %(url)s\n"
            "2. Type your voting code. Capital letters and dashes do not matter.\n"
            "3. Choose the ideas you like and confirm your choice.\n"
            "4. You get a receipt code. With it you can later see that your vote was counted."
        )
        % {"url": entry_url(base_url, language)},
        gap=3,
    )
    pdf.set_margins(20, 20, 20)
    pdf.set_y(max(pdf.get_y(), y + 50))
    pdf.para(
        _(
            "Use the code once. Want to change your choice? Type the code again while voting is open. The last "
            "choice counts. Would you rather vote on paper? Ask the resident committee for a paper ballot and "
            "write this code on it. A code counts only once: on paper or online."
        ),
    )
    pdf.para(
        _(
            "Need help? Ask the resident committee, a neighbour, or the community centre. Lost the letter, or "
            "did someone else see your code? Tell the resident committee."
        ),
    )
    if contact := _contact(round_):
        pdf.para(
            _("You can reach the resident committee like this: %(contact)s") % {"contact": contact}, style="B"
        )
    for code_language, line in _every_language(base_url):
        # Each line in its own language and direction, whatever the language of the letter.
        pdf.para(line, size=9, gap=0.5, align="R" if code_language in settings.LANGUAGES_BIDI else "L")


def _contact(round_) -> str:
    return (getattr(round_.fund, "contact", "") or "").strip()


def _ideas(round_, sub_area=None):
    from wijkgeld.fund.models import Proposal

    ideas = round_.proposals.filter(status=Proposal.Status.ADMITTED)
    if sub_area is not None:
        ideas = ideas.filter(sub_area=sub_area)
    return list(ideas.order_by("number"))


def _ideas_page(pdf: _Letter, round_, language: str, sub_area=None) -> None:
    """The back of the letter: the ideas on the ballot, so residents can choose before they go online."""
    ideas = _ideas(round_, sub_area)
    if not ideas:
        return
    pdf.add_page()
    if sub_area is not None:
        heading = _("The ideas of %(round)s in %(name)s") % {"round": round_.title, "name": sub_area.name}
    else:
        heading = _("The ideas of %(round)s") % {"round": round_.title}
    pdf.para(heading, size=16, style="B", gap=3)
    budget = _budget_cents(round_, sub_area)
    pdf.para(_("There is %(amount)s to share out.") % {"amount": _whole_euros(budget, language)}, gap=3)
    for idea in ideas:
        # Each idea stays in the language it was written in; it is set on the side of the page (and of the
        # box) where the letter's lines start, and HarfBuzz orders its words in their own direction.
        pdf.para(idea.title, size=11, style="B", gap=0)
        pdf.para(_whole_euros(idea.cost_cents, language), size=11, style="B", gap=0)
        pdf.para(idea.summary, size=10, gap=2)


def paper_ballot_pdf(*, round, language: str = "nl", sub_area=None) -> bytes:  # noqa: A002
    """A printable paper ballot (the same for everyone, or per neighbourhood): the voter writes their code on it."""
    language = letter_language(language)
    with override(language):
        pdf = _Letter(language)
        pdf.set_lang(language)
        pdf.set_title(_("Paper ballot %(round)s") % {"round": round.title})
        pdf.set_creator("Wijkgeld")
        _paper_ballot(pdf, round, language, sub_area)
    return bytes(pdf.output())


def _paper_ballot(pdf: _Letter, round_, language: str, sub_area=None) -> None:
    pdf.add_page()
    pdf.para(_("Resident fund %(area)s") % {"area": round_.fund.area.name}, size=11)
    pdf.para(_("Ballot: %(round)s") % {"round": round_.title}, size=18, style="B", gap=3)
    if sub_area is not None:
        pdf.para(_where(sub_area), style="B", gap=2)
    pdf.para(_period(round_), style="B", gap=2)
    rules = [_("Put a cross next to the ideas you want to give money.")]
    if round_.max_projects:
        rules.append(_("Choose at most %(number)s.") % {"number": round_.max_projects})
    if round_.limit_to_budget:
        rules.append(
            _("Together they may cost at most %(amount)s.")
            % {"amount": _whole_euros(_budget_cents(round_, sub_area), language)}
        )
    pdf.para(" ".join(rules), gap=3)
    pdf.para(_("Your voting code (from your letter):"), style="B", gap=1)
    pdf.cell(0, 12, "", border=1, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    box_x = pdf.w - pdf.r_margin - 6 if pdf.rtl else pdf.l_margin
    for idea in _ideas(round_, sub_area):
        y = pdf.get_y()
        pdf.rect(box_x, y + 0.5, 6, 6)
        # The text runs beside the box: after it, or before it in a right-to-left ballot.
        if pdf.rtl:
            pdf.set_right_margin(20 + 10)
        else:
            pdf.set_left_margin(20 + 10)
        pdf.set_x(pdf.l_margin)
        # Each idea stays in the language it was written in; it is set on the side of the page (and of the
        # box) where the letter's lines start, and HarfBuzz orders its words in their own direction.
        pdf.para(idea.title, size=11, style="B", gap=0)
        pdf.para(_whole_euros(idea.cost_cents, language), size=11, style="B", gap=0)
        pdf.para(idea.summary, size=10, gap=2)
        pdf.set_margins(20, 20, 20)
    pdf.ln(2)
    pdf.para(
        _(
            "Hand in the ballot to the resident committee. A code counts only once: on paper or online. "
            "Two committee members enter each ballot separately."
        ),
        size=10,
    )
    if contact := _contact(round_):
        pdf.para(
            _("You can reach the resident committee like this: %(contact)s") % {"contact": contact},
            size=10,
            style="B",
        )


def letters_csv(  # noqa: A002
    *,
    round,
    codes: list[str],
    base_url: str,
    language: str = "nl",
    sub_area=None,
    first_letter: int | None = None,
) -> str:
    """One row per code: code, ballot URL with the code, round, area, voting start and end, letter number;
    for a neighbourhood also its name and postcodes, to address the letters.

    For mail merge: the committee keeps which letter number went to which address on its own list,
    outside Wijkgeld, to find a lost letter again (docs/voting.md, "Replacement code")."""
    out = io.StringIO()
    writer = csv_writer(out, lineterminator="\n")
    header = ["code", "url", "ronde", "gebied", "stemmen_vanaf", "stemmen_tot", "briefnummer"]
    writer.writerow(header + (["buurt", "postcodes"] if sub_area is not None else []))
    for index, code in enumerate(codes):
        writer.writerow(
            [
                format_code(code),
                ballot_url(base_url, code, letter_language(language)),
                round.title,
                round.fund.area.name,
                _when_nl(round.voting_start),
                _when_nl(round.voting_end),
                "" if first_letter is None else first_letter + index,
                *([sub_area.name, sub_area.postcodes] if sub_area is not None else []),
            ]
        )
    return out.getvalue()


def _when_nl(value) -> str:
    """The mail-merge CSV has Dutch column names and Dutch dates, whatever the letter's language."""
    with override("nl"):
        return _when(value)


def letters_zip(  # noqa: A002
    *,
    round,
    codes: list[str],
    base_url: str,
    language: str = "nl",
    sub_area=None,
    first_letter: int | None = None,
) -> bytes:
    """Both files in one download, so the committee gets them in the one response that has the codes."""
    numbered = {
        "round": round,
        "codes": codes,
        "base_url": base_url,
        "language": language,
        "sub_area": sub_area,
        "first_letter": first_letter,
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(
            "brieven.pdf",
            letters_pdf(**numbered),
        )
        zf.writestr("codes.csv", letters_csv(**numbered))
        zf.writestr("stembiljet.pdf", paper_ballot_pdf(round=round, language=language, sub_area=sub_area))
        zf.writestr(
            "LEESMIJ.txt",
            "Deze codes staan nergens anders. Wijkgeld bewaart alleen een versleutelde vingerafdruk.\n"
            "Druk de brieven af, verstuur ze en verwijder daarna dit bestand.\n",
        )
    return buf.getvalue()
