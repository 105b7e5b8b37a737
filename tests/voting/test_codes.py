"""Letter code format: entropy, alphabet, check character, tolerant input, keyed hash."""

import math
import re

import pytest

from wijkgeld.voting import codes


def test_code_has_at_least_60_bits_and_no_ambiguous_characters():
    assert len(codes.ALPHABET) == 30
    assert codes.RANDOM_CHARS * math.log2(len(codes.ALPHABET)) >= 60
    for ch in "01ILOU":
        assert ch not in codes.ALPHABET
    sample = {codes.generate_code() for _ in range(2000)}
    assert len(sample) == 2000
    for code in list(sample)[:50]:
        assert re.fullmatch(r"[23456789ABCDEFGHJKMNPQRSTVWXYZ]{16}", code)
        assert re.fullmatch(r"(\w{4}-){3}\w{4}", codes.format_code(code))


def test_characters_are_spread_evenly():
    counts = dict.fromkeys(codes.ALPHABET, 0)
    for _ in range(3000):
        for ch in codes.generate_code()[:-1]:
            counts[ch] += 1
    expected = 3000 * 15 / 30
    assert all(abs(n - expected) < expected * 0.2 for n in counts.values())


def test_input_is_case_insensitive_and_tolerates_spaces_and_dashes():
    code = codes.generate_code()
    pretty = codes.format_code(code)
    for typed in (
        pretty,
        pretty.lower(),
        pretty.replace("-", " "),
        f"  {code.lower()} ",
        pretty.replace("-", ""),
    ):
        assert codes.parse(typed) == code
        assert codes.code_hash(typed) == codes.code_hash(code)


@pytest.mark.parametrize(
    ("typed", "reason"),
    [("ABCD", "length"), ("ABCD-EFGH-JKMN-PQR0", "character"), ("ABCD-EFGH-JKMN-PQ1S", "character")],
)
def test_bad_input_is_recognised(typed, reason):
    with pytest.raises(codes.CodeFormatError) as exc:
        codes.parse(typed)
    assert exc.value.reason == reason


def test_check_character_catches_single_typos_and_swaps():
    code = codes.generate_code()
    for i in range(15):
        wrong = code[:i] + ("2" if code[i] != "2" else "3") + code[i + 1 :]
        with pytest.raises(codes.CodeFormatError):
            codes.parse(wrong)
    for i in range(14):
        # Luhn mod N misses exactly one swap: the first and last character of the alphabet.
        if code[i] != code[i + 1] and {code[i], code[i + 1]} != {"2", "Z"}:
            swapped = code[:i] + code[i + 1] + code[i] + code[i + 2 :]
            with pytest.raises(codes.CodeFormatError):
                codes.parse(swapped)


def test_hash_is_keyed(settings):
    code = codes.generate_code()
    first = codes.code_hash(code)
    settings.VOTING_CODE_KEY = "another key"
    assert codes.code_hash(code) != first
    assert len(first) == 64
