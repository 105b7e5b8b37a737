import pytest
from django import forms

from wijkgeld.core.forms import EuroField


class AmountForm(forms.Form):
    amount = EuroField(label="Bedrag")
    optional = EuroField(label="Optioneel", required=False, allow_zero=True)


@pytest.mark.parametrize(
    ("raw", "cents"), [("1.250,50", 125050), ("1250", 125000), (" 12,5 ", 1250), ("€ 3", 300)]
)
def test_valid_amounts_become_cents(raw, cents):
    form = AmountForm({"amount": raw, "optional": ""})
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {"amount": cents, "optional": None}


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("12,345", "decimals"),
        ("0", "zero"),
        ("-3", "negative"),
        ("tien", "invalid"),
        ("9" * 40, "invalid"),
        ("999999999999", "too_large"),
    ],
)
def test_bad_amounts_get_a_clear_error(raw, code):
    form = AmountForm({"amount": raw})
    assert not form.is_valid()
    assert form.errors.as_data()["amount"][0].code == code


def test_zero_allowed_when_asked_and_maxlength_for_browsers():
    form = AmountForm({"amount": "1", "optional": "0"})
    assert form.is_valid() and form.cleaned_data["optional"] == 0
    assert 'maxlength="32"' in str(form["amount"])


def test_call_service_puts_domain_errors_on_the_form():
    from wijkgeld.core.errors import DomainError
    from wijkgeld.core.forms import call_service

    def refuse(*, field):
        raise DomainError("Nee.", field=field)

    on_field = AmountForm({"amount": "5"})
    assert on_field.is_valid()
    assert call_service(on_field, refuse, field="amount") is None
    assert on_field.errors["amount"] == ["Nee."]

    above = AmountForm({"amount": "5"})
    above.is_valid()
    assert call_service(above, refuse, field="no_such_field") is None
    assert above.non_field_errors() == ["Nee."]

    assert call_service(AmountForm(), lambda **kw: 42) == 42
