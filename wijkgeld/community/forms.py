from __future__ import annotations

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from wijkgeld.areas.models import Organisation
from wijkgeld.money.models import Theme, Tranche


class CollectiveForm(forms.Form):
    name = forms.CharField(label=_("Name of your collective"), max_length=200)
    kind = forms.ChoiceField(
        label=_("What are you?"),
        widget=forms.RadioSelect,
        choices=[
            (Organisation.Kind.COLLECTIVE, _("A resident collective (a group of residents)")),
            (Organisation.Kind.ENTERPRISE, _("A bewonersbedrijf (an enterprise owned by residents)")),
        ],
    )
    legal_form = forms.ChoiceField(
        label=_("Legal form"),
        choices=Organisation.LegalForm.choices,
        help_text=_("Many collectives have no legal entity: choose “informal”."),
    )
    kvk_number = forms.CharField(
        label=_("KvK number"),
        max_length=8,
        required=False,
        validators=[RegexValidator(r"^\d{8}$", _("A KvK number has 8 digits."))],
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    activities = forms.CharField(label=_("What do you do?"), widget=forms.Textarea(attrs={"rows": 4}))
    themes = forms.ModelMultipleChoiceField(
        label=_("On which themes do you work?"),
        queryset=Theme.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    contact_name = forms.CharField(label=_("Contact person"), max_length=150, required=False)
    contact_email = forms.EmailField(label=_("E-mail address"), required=False)
    contact_phone = forms.CharField(label=_("Phone number"), max_length=30, required=False)
    contact_consent = forms.BooleanField(
        label=_("You may show these contact details on the public page"), required=False
    )
    principle_area = forms.CharField(
        label=_("How do you work for an area that residents identify with?"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
    principle_independent = forms.CharField(
        label=_("How are you independent, and does profit flow back to the neighbourhood?"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
    principle_resident_owned = forms.CharField(
        label=_("How are you owned and run by residents?"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
    principle_cooperation = forms.CharField(
        label=_("How do you work with the municipality, institutions and businesses?"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        latest = Tranche.objects.order_by("-number").first()
        self.fields["themes"].queryset = Theme.objects.filter(tranche=latest).exclude(is_fixed_amount=True)


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        widget=forms.RadioSelect,
        choices=[("verify", _("Verify: a real local collective")), ("reject", _("Do not accept"))],
    )
    reason = forms.CharField(
        label=_("Reason (needed when you do not accept)"), max_length=500, required=False
    )
