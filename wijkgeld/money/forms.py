"""Forms for money pages. They parse input; the services decide."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from wijkgeld.areas.models import Organisation
from wijkgeld.core.errors import DomainError
from wijkgeld.core.forms import EuroField
from wijkgeld.money.documents import check_document
from wijkgeld.money.models import BudgetLine, NonLocalReason, Theme

MINISTRIES = [("OCW", "OCW"), ("SZW", "SZW"), ("VRO", "VRO"), ("BZK", "BZK"), ("VWS", "VWS")]


class DocumentField(forms.FileField):
    """Checks the file as the service will (type by content, size), so the error shows next to the field."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Document (invoice, decision)"))
        kwargs.setdefault(
            "help_text",
            _("Optional. PDF, PNG or JPG, at most 5 MB. Only finance and programme staff can open it."),
        )
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        value = super().clean(data, initial)
        if value:
            try:
                check_document(value)
            except DomainError as exc:
                raise forms.ValidationError(exc.message, code="document") from exc
        return value


def reason_choices():
    return [("", _("— the recipient is local, no reason needed —")), *NonLocalReason.choices]


class OrganisationChoiceField(forms.ModelChoiceField):
    """Organisations local to the area first (neighbourhood first), then the others."""

    def __init__(self, *, area, **kwargs):
        super().__init__(queryset=Organisation.objects.all(), required=False, **kwargs)
        local = list(Organisation.objects.filter(local_areas=area).order_by("name"))
        local_ids = {o.pk for o in local}
        others = [o for o in Organisation.objects.order_by("name") if o.pk not in local_ids]
        self.choices = [
            ("", _("— no organisation (a person or a party not in the list) —")),
            (_("Local in this area"), [(o.pk, o.name) for o in local]),
            (_("Other organisations"), [(o.pk, o.name) for o in others]),
        ]


class GrantForm(forms.Form):
    theme = forms.ModelChoiceField(label=_("Theme"), queryset=Theme.objects.none())
    funding_ministry = forms.ChoiceField(label=_("Funding ministry"), choices=MINISTRIES)
    amount = EuroField(label=_("Amount in euros"))
    reference = forms.CharField(label=_("Reference (decision number)"), max_length=200, required=False)
    document = DocumentField()

    def __init__(self, *args, year: int, **kwargs):
        super().__init__(*args, **kwargs)
        from wijkgeld.money.reports import themes_for_year

        self.fields["theme"].queryset = themes_for_year(year)


class BudgetLineForm(forms.Form):
    theme = forms.ModelChoiceField(label=_("Theme"), queryset=Theme.objects.none())
    name = forms.CharField(label=_("Name"), max_length=200)
    code = forms.SlugField(
        label=_("Code"), max_length=64, help_text=_("Short, lower case, without spaces, e.g. bewonersfonds.")
    )
    amount = EuroField(label=_("Amount in euros from the theme's grant"), required=False)
    controlled_by_delegates = forms.BooleanField(
        label=_("The resident delegates decide on this line (residents' own support budget)"), required=False
    )
    description = forms.CharField(label=_("Description"), widget=forms.Textarea, required=False)

    def __init__(self, *args, year: int, **kwargs):
        super().__init__(*args, **kwargs)
        from wijkgeld.money.reports import themes_for_year

        self.fields["theme"].queryset = themes_for_year(year)


class AmountReasonForm(forms.Form):
    amount = EuroField(label=_("Amount in euros"))
    reason = forms.CharField(label=_("Reason"), max_length=500)


class CarryOverForm(AmountReasonForm):
    to_year = forms.TypedChoiceField(label=_("To year"), coerce=int, choices=())

    def __init__(self, *args, line: BudgetLine, **kwargs):
        super().__init__(*args, **kwargs)
        years = [y for y in line.theme.tranche.years if y > line.year]
        self.fields["to_year"].choices = [(y, str(y)) for y in years]


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=500)


class CommitmentForm(forms.Form):
    recipient_organisation = forms.Field(label=_("Recipient organisation"))
    recipient_name = forms.CharField(
        label=_("Name of the recipient"),
        max_length=200,
        required=False,
        help_text=_("Needed when the recipient is not in the list of organisations."),
    )
    recipient_is_resident = forms.BooleanField(
        label=_("The recipient is a resident of this area (counts as local)"), required=False
    )
    amount = EuroField(label=_("Amount in euros"))
    description = forms.CharField(label=_("What the money is for"), max_length=500)
    non_local_reason = forms.ChoiceField(
        label=_("If the recipient is not local: why not a party from the neighbourhood?"),
        required=False,
        choices=(),
        help_text=_("This reason is public."),
    )
    non_local_explanation = forms.CharField(
        label=_("Explanation (public)"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    document = DocumentField()

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recipient_organisation"] = OrganisationChoiceField(
            area=area, label=_("Recipient organisation")
        )
        self.fields["non_local_reason"].choices = reason_choices()


class PaymentForm(forms.Form):
    amount = EuroField(label=_("Amount in euros"))
    description = forms.CharField(label=_("Description, e.g. invoice number"), max_length=500)
    document = DocumentField()


class SupportRequestForm(forms.Form):
    title = forms.CharField(label=_("What support do you want to hire?"), max_length=200)
    reason = forms.CharField(
        label=_("Why do the residents need it?"), widget=forms.Textarea(attrs={"rows": 4})
    )
    supplier_organisation = forms.Field(label=_("From which organisation?"))
    supplier_name = forms.CharField(
        label=_("Or the name of the person or party"), max_length=200, required=False
    )
    supplier_is_resident = forms.BooleanField(
        label=_("The supplier is a resident of this area (counts as local)"), required=False
    )
    amount = EuroField(label=_("How much, in euros?"))
    non_local_reason = forms.ChoiceField(
        label=_("If the supplier is not local: why not a party from the neighbourhood?"),
        required=False,
        choices=(),
        help_text=_("This reason is public."),
    )
    non_local_explanation = forms.CharField(
        label=_("Explanation (public)"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["supplier_organisation"] = OrganisationChoiceField(
            area=area, label=_("From which organisation?")
        )
        self.fields["non_local_reason"].choices = reason_choices()


class VoteForm(forms.Form):
    approve = forms.TypedChoiceField(
        label=_("Your answer"),
        widget=forms.RadioSelect,
        coerce=lambda v: v == "yes",
        choices=[("yes", _("I agree")), ("no", _("I do not agree"))],
    )
    comment = forms.CharField(label=_("Comment"), max_length=500, required=False)
