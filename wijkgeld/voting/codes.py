"""Letter codes and receipt codes: generation, normalisation, check character and keyed hashing.

A letter code is 15 random characters from a 30-character alphabet plus one check character,
shown as XXXX-XXXX-XXXX-XXXX: 15 × log2(30) ≈ 73.6 bits of entropy. The alphabet leaves out the
characters people confuse (0/O, 1/I/L, U/V), so what is printed can be typed back without doubt.

Only an HMAC-SHA256 of the normalised code is stored. A keyed fast hash is the right tool here (not
a slow password hash): the code is long and random, so nobody can try enough codes to find one, and
the key (derived from SECRET_KEY) means a copy of the database alone is not enough to test codes.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from functools import lru_cache

from django.conf import settings

ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
assert len(ALPHABET) == 30 and len(set(ALPHABET)) == 30
_INDEX = {ch: i for i, ch in enumerate(ALPHABET)}
RANDOM_CHARS = 15
CODE_LENGTH = RANDOM_CHARS + 1
GROUP = 4
RECEIPT_LENGTH = 10  # 10 × log2(30) ≈ 49 bits: unguessable enough for a public list, short to note down
# Characters people type by mistake that can only mean one thing in our alphabet.
_LOOKALIKES = str.maketrans({"U": "V"})


def check_char(body: str) -> str:
    """Luhn mod N check character: catches every single wrong character and most swaps of neighbours."""
    factor = 2
    total = 0
    n = len(ALPHABET)
    for ch in reversed(body):
        addend = factor * _INDEX[ch]
        factor = 1 if factor == 2 else 2
        total += addend // n + addend % n
    return ALPHABET[(n - total % n) % n]


def generate_code() -> str:
    body = "".join(secrets.choice(ALPHABET) for _ in range(RANDOM_CHARS))
    return body + check_char(body)


def format_code(code: str) -> str:
    """XXXX-XXXX-XXXX-XXXX for letters and screens."""
    code = normalise(code)
    return "-".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))


def normalise(raw: str) -> str:
    """Upper case, without spaces, dashes and dots; U is read as V (U is not used)."""
    cleaned = "".join(ch for ch in (raw or "") if not ch.isspace() and ch not in "-–._")
    return cleaned.upper().translate(_LOOKALIKES)


class CodeFormatError(ValueError):
    """The typed text cannot be a code: wrong length, a character we never use, or a typo."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason  # "length", "character" or "check"


def parse(raw: str) -> str:
    """The normalised code, or CodeFormatError. Does not say whether the code exists."""
    code = normalise(raw)
    if len(code) != CODE_LENGTH:
        raise CodeFormatError("length")
    if any(ch not in _INDEX for ch in code):
        raise CodeFormatError("character")
    if check_char(code[:-1]) != code[-1]:
        raise CodeFormatError("check")
    return code


@lru_cache(maxsize=4)
def _key(secret: str) -> bytes:
    return hashlib.sha256(b"wijkgeld.voting.code-hash\x00" + secret.encode()).digest()


def code_key() -> bytes:
    """The server-side HMAC key: VOTING_CODE_KEY if set, otherwise derived from SECRET_KEY."""
    return _key(getattr(settings, "VOTING_CODE_KEY", "") or settings.SECRET_KEY)


def code_hash(code: str) -> str:
    """HMAC-SHA256 of the normalised code (hex). The only thing stored about a code."""
    return hmac.new(code_key(), normalise(code).encode(), hashlib.sha256).hexdigest()


def letter_hash(round_id: int, number: int) -> str:
    """HMAC of a letter number within its round: to find a lost letter's code by the printed number."""
    return hmac.new(code_key(), f"letter:{round_id}:{number}".encode(), hashlib.sha256).hexdigest()


def generate_receipt() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(RECEIPT_LENGTH))


def format_receipt(receipt: str) -> str:
    receipt = normalise(receipt)
    return f"{receipt[:5]}-{receipt[5:]}" if len(receipt) == RECEIPT_LENGTH else receipt
