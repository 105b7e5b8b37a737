"""Form helpers shared by every app: an amount field in euros, and showing service errors on forms."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django import forms
from django.utils.translation import gettext_lazy as _

from wijkgeld.core.errors import DomainError
from wijkgeld.core.money import AmountError, format_amount_input, parse_euros

T = TypeVar("T")

# AmountError reason -> error code of the field.
_REASON_CODES = {
    "more than two decimals": "decimals",
    "english notation": "english",
    "digits": "digits",
    "too large": "too_large",
    "zero": "zero",
    "negative": "negative",
}


class EuroField(forms.CharField):
    """An amount in euros as a resident writes it; cleans to integer cents (docs/money.md has the grammar).

    A stored amount (integer cents, e.g. a ModelForm's instance value) is shown back in the same Dutch
    notation ('10.000', '1.250,50'), so that saving a form unchanged keeps the amount.
    """

    default_error_messages = {
        "invalid": _("Enter an amount in euros, for example 1250 or 1.250,50."),
        "decimals": _("Use at most two decimals (whole cents). Separate thousands with a dot: 10.000."),
        "english": _(
            "Write the amount the Dutch way: a dot between thousands, a comma before the cents, "
            "for example 10.000,50."
        ),
        "digits": _("Use the digits 0 to 9."),
        "zero": _("The amount must be more than zero."),
        "negative": _("The amount cannot be negative."),
        "too_large": _("This amount is too large."),
    }

    MAX_TEXT_LENGTH = 32

    def __init__(self, *args, allow_zero: bool = False, max_cents: int = 10**13, **kwargs):
        # No CharField max_length: its validator would run on the cleaned integer. The text length is
        # checked in to_python instead, and the browser gets a maxlength attribute.
        kwargs.pop("max_length", None)
        super().__init__(*args, **kwargs)
        self.allow_zero = allow_zero
        self.max_cents = max_cents
        self.widget.attrs.setdefault("inputmode", "decimal")
        self.widget.attrs.setdefault("autocomplete", "off")
        self.widget.attrs.setdefault("maxlength", str(self.MAX_TEXT_LENGTH))

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        if len(value) > self.MAX_TEXT_LENGTH:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        try:
            return parse_euros(value, allow_zero=self.allow_zero, max_cents=self.max_cents)
        except AmountError as exc:
            code = _REASON_CODES.get(str(exc), "invalid")
            raise forms.ValidationError(self.error_messages[code], code=code) from exc

    def prepare_value(self, value):
        """Cents (an initial or instance value) are shown in euros; typed text is shown back as typed."""
        if isinstance(value, int) and not isinstance(value, bool):
            return format_amount_input(value)
        return value


def add_domain_error(form: forms.Form, error: DomainError) -> None:
    """Show a service's DomainError next to the field it names, or above the form when it names none."""
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.message)


def call_service(form: forms.Form, service: Callable[..., T], **kwargs: Any) -> T | None:
    """Run one service; on a DomainError put it on the form and return None (nothing was changed)."""
    try:
        return service(**kwargs)
    except DomainError as error:
        add_domain_error(form, error)
        return None
