"""Print-ready letters (PDF, one A4 page per code) and a CSV for mail merge.

Letters are in plain Dutch with one English line, whatever the language of the committee's screen:
they go to every household. The plaintext codes exist only in the response that carries these files.
"""

from __future__ import annotations

import io
import logging
import zipfile
from pathlib import Path

import segno
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import override
from fpdf import FPDF

from wijkgeld.core.csv_export import csv_writer
from wijkgeld.voting.codes import format_code

# fpdf2 subsets fonts with fontTools, which logs every glyph at INFO.
logging.getLogger("fontTools").setLevel(logging.WARNING)

FONT_DIRS = [Path("/usr/share/fonts/truetype/dejavu")]


def ballot_url(base_url: str, code: str) -> str:
    return f"{base_url.rstrip('/')}{reverse('voting:start')}?code={format_code(code)}"


def entry_url(base_url: str) -> str:
    return f"{base_url.rstrip('/')}{reverse('voting:start')}"


def _when(value) -> str:
    if value is None:
        return ""
    with override("nl"):
        return date_format(timezone.localtime(value), "j F Y \\o\\m H:i")


def _period(round_) -> str:
    if round_.voting_start and round_.voting_end:
        return f"Stemmen kan van {_when(round_.voting_start)} tot {_when(round_.voting_end)}."
    if round_.voting_end:
        return f"Stemmen kan tot {_when(round_.voting_end)}."
    return "De bewonerscommissie laat weten wanneer u kunt stemmen."


def _english(round_, url: str) -> str:
    until = f" until {timezone.localtime(round_.voting_end):%d-%m-%Y %H:%M}" if round_.voting_end else ""
    return f"English: vote on projects for your neighbourhood at {url} with the code above{until}."


class _Letter(FPDF):
    def __init__(self) -> None:
        super().__init__(format="A4")
        self.set_auto_page_break(False)
        self.set_margins(20, 20, 20)
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
        else:  # the PDF core fonts only know Latin-1
            self.family, self.code_family, self.unicode = "Helvetica", "Courier", False

    def text(self, value: str) -> str:  # type: ignore[override]
        if self.unicode:
            return value
        value = value.replace("€", "EUR").replace("–", "-").replace("’", "'")
        return value.encode("latin-1", "replace").decode("latin-1")

    def para(self, value: str, size: float = 12, style: str = "", gap: float = 2) -> None:
        self.set_font(self.family, style, size)
        self.multi_cell(0, size * 0.5, self.text(value), new_x="LMARGIN", new_y="NEXT")
        self.ln(gap)


def letters_pdf(*, round, codes: list[str], base_url: str, first_letter: int | None = None) -> bytes:  # noqa: A002
    """One page per code. With `first_letter`, each letter shows its letter number (see VotingCode)."""
    pdf = _Letter()
    pdf.set_title(f"Stemcodes {round.title}")
    pdf.set_creator("Wijkgeld")
    area = round.fund.area.name
    start = entry_url(base_url)
    for index, code in enumerate(codes):
        pretty = format_code(code)
        url = ballot_url(base_url, code)
        pdf.add_page()
        number = "" if first_letter is None else f" · Briefnummer {first_letter + index}"
        pdf.para(f"Bewonersfonds {area}{number}", size=11)
        pdf.para(f"Stem mee: {round.title}", size=20, style="B", gap=4)
        pdf.para(
            "Beste bewoner,\nU mag meebeslissen over geld voor uw wijk. Bewoners hebben ideeën bedacht. "
            "Kies welke ideeën geld krijgen. Stemmen is geheim: niemand weet welke code u heeft.",
        )
        pdf.para(_period(round), style="B", gap=4)
        pdf.para("Uw stemcode:", size=12, style="B", gap=1)
        pdf.set_font(pdf.code_family, "", 26)
        pdf.cell(0, 16, pretty, border=1, align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(6)
        y = pdf.get_y()
        qr = io.BytesIO()
        segno.make(url, error="m").save(qr, kind="png", scale=6, border=2)
        qr.seek(0)
        pdf.image(qr, x=pdf.w - 20 - 45, y=y, w=45, h=45)
        pdf.set_right_margin(20 + 50)
        pdf.para("Zo stemt u:", style="B", gap=1)
        pdf.para(
            f"1. Scan de QR-code met uw telefoon, of ga naar {start}\n"
            "2. Typ uw stemcode. Hoofdletters en streepjes maken niet uit.\n"
            "3. Kies de ideeën die u goed vindt en bevestig uw keuze.\n"
            "4. U krijgt een ontvangstcode. Daarmee ziet u later dat uw stem is meegeteld.",
            gap=3,
        )
        pdf.set_right_margin(20)
        pdf.set_y(max(pdf.get_y(), y + 50))
        pdf.para(
            "Gebruik de code één keer. Wilt u uw keuze veranderen? Typ de code opnieuw in zolang de stemming "
            "open is. De laatste keuze telt. Stemt u liever op papier? Vraag de bewonerscommissie om een "
            "papieren stembiljet en schrijf deze code erop. "
            "Een code telt maar één keer: op papier of online.",
        )
        pdf.para(
            "Hulp nodig? Vraag het de bewonerscommissie, een buurman of buurvrouw, of het buurthuis. "
            "Bent u de brief kwijt of heeft iemand anders uw code gezien? Meld het bij de bewonerscommissie.",
        )
        if contact := _contact(round):
            pdf.para(f"De bewonerscommissie bereikt u zo: {contact}", style="B")
        pdf.para(_english(round, start), size=10, style="")
        _ideas_page(pdf, round)
    return bytes(pdf.output())


def _contact(round_) -> str:
    return (getattr(round_.fund, "contact", "") or "").strip()


def _ideas(round_):
    from wijkgeld.fund.models import Proposal

    return list(round_.proposals.filter(status=Proposal.Status.ADMITTED).order_by("number"))


def _ideas_page(pdf: _Letter, round_) -> None:
    """The back of the letter: the ideas on the ballot, so residents can choose before they go online."""
    ideas = _ideas(round_)
    if not ideas:
        return
    pdf.add_page()
    pdf.para(f"De ideeën van {round_.title}", size=16, style="B", gap=3)
    pdf.para(f"Er is € {round_.budget_cents // 100:,} te verdelen.".replace(",", "."), gap=3)
    for idea in ideas:
        cost = f"€ {idea.cost_cents // 100:,}".replace(",", ".")
        pdf.para(f"{idea.title} – {cost}", size=11, style="B", gap=0)
        pdf.para(idea.summary, size=10, gap=2)


def paper_ballot_pdf(*, round) -> bytes:  # noqa: A002
    """A printable paper ballot (the same for everyone): the voter writes their own code on it."""
    pdf = _Letter()
    pdf.set_title(f"Papieren stembiljet {round.title}")
    pdf.set_creator("Wijkgeld")
    pdf.add_page()
    pdf.para(f"Bewonersfonds {round.fund.area.name}", size=11)
    pdf.para(f"Stembiljet: {round.title}", size=18, style="B", gap=3)
    pdf.para(_period(round), style="B", gap=2)
    rules = "Zet een kruisje bij de ideeën die u geld wilt geven."
    if round.max_projects:
        rules += f" Kies er hoogstens {round.max_projects}."
    if round.limit_to_budget:
        rules += f" Samen mogen ze hoogstens € {round.budget_cents // 100:,} kosten.".replace(",", ".")
    pdf.para(rules, gap=3)
    pdf.para("Uw stemcode (van uw brief):", style="B", gap=1)
    pdf.cell(0, 12, "", border=1, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    for idea in _ideas(round):
        cost = f"€ {idea.cost_cents // 100:,}".replace(",", ".")
        y = pdf.get_y()
        pdf.rect(pdf.l_margin, y + 0.5, 6, 6)
        pdf.set_x(pdf.l_margin + 10)
        pdf.set_font(pdf.family, "B", 11)
        pdf.multi_cell(0, 5.5, pdf.text(f"{idea.title} – {cost}"), new_x="LMARGIN", new_y="NEXT")
        pdf.set_x(pdf.l_margin + 10)
        pdf.set_font(pdf.family, "", 10)
        pdf.multi_cell(0, 5, pdf.text(idea.summary), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    pdf.ln(2)
    pdf.para(
        "Geef het stembiljet af bij de bewonerscommissie. Een code telt maar één keer: op papier of online. "
        "Twee commissieleden voeren elk stembiljet apart in.",
        size=10,
    )
    if contact := _contact(round):
        pdf.para(f"De bewonerscommissie bereikt u zo: {contact}", size=10, style="B")
    return bytes(pdf.output())


def letters_csv(*, round, codes: list[str], base_url: str, first_letter: int | None = None) -> str:  # noqa: A002
    """One row per code: letter number, code, ballot URL with the code, round, area, voting start and end.

    For mail merge: the committee keeps which letter number went to which address on its own list,
    outside Wijkgeld, to find a lost letter again (docs/voting.md, "Replacement code")."""
    out = io.StringIO()
    writer = csv_writer(out, lineterminator="\n")
    writer.writerow(["code", "url", "ronde", "gebied", "stemmen_vanaf", "stemmen_tot", "briefnummer"])
    for index, code in enumerate(codes):
        writer.writerow(
            [
                format_code(code),
                ballot_url(base_url, code),
                round.title,
                round.fund.area.name,
                _when(round.voting_start),
                _when(round.voting_end),
                "" if first_letter is None else first_letter + index,
            ]
        )
    return out.getvalue()


def letters_zip(*, round, codes: list[str], base_url: str, first_letter: int | None = None) -> bytes:  # noqa: A002
    """Both files in one download, so the committee gets them in the one response that has the codes."""
    buf = io.BytesIO()
    numbered = {"round": round, "codes": codes, "base_url": base_url, "first_letter": first_letter}
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("brieven.pdf", letters_pdf(**numbered))
        zf.writestr("codes.csv", letters_csv(**numbered))
        zf.writestr("stembiljet.pdf", paper_ballot_pdf(round=round))
        zf.writestr(
            "LEESMIJ.txt",
            "Deze codes staan nergens anders. Wijkgeld bewaart alleen een versleutelde vingerafdruk.\n"
            "Druk de brieven af, verstuur ze en verwijder daarna dit bestand.\n",
        )
    return buf.getvalue()
