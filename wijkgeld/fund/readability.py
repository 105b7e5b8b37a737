"""A simple plain-language check (server-side, no JavaScript): long sentences and long words.

It never blocks; it gives the proposer a nudge towards B1 Dutch before the idea is sent.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

MAX_WORDS_PER_SENTENCE = 20
MAX_WORD_LENGTH = 18  # Dutch compounds are long; longer than this is usually hard to read.

_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_WORD = re.compile(r"[\w'-]+", re.UNICODE)


def readability_warnings(text: str) -> list[str]:
    warnings: list[str] = []
    sentences = [s for s in _SENTENCE.split(text.strip()) if s]
    long_sentences = [s for s in sentences if len(_WORD.findall(s)) > MAX_WORDS_PER_SENTENCE]
    if long_sentences:
        warnings.append(
            _("%(count)s sentence(s) have more than %(max)s words. Shorter sentences are easier to read.")
            % {"count": len(long_sentences), "max": MAX_WORDS_PER_SENTENCE}
        )
    long_words = sorted({w for w in _WORD.findall(text) if len(w) > MAX_WORD_LENGTH and not w.isdigit()})
    if long_words:
        warnings.append(
            _("Some words are long and may be hard to read: %(words)s.")
            % {"words": ", ".join(long_words[:5])}
        )
    return warnings
