"""Forms of the people pages. No free-text field next to a participant: a closed list for reasons."""

from __future__ import annotations

import datetime as dt
import re

from django import forms
from django.utils.translation import gettext_lazy as _

from wijkgeld.core.forms import EuroField
from wijkgeld.people.models import Appointment, Milestone, StopReason, WorkRole


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def date_field(label, **kwargs):
    return forms.DateField(label=label, widget=DateInput(), **kwargs)


class InterestForm(forms.Form):
    name = forms.CharField(
        label=_("Your name"), max_length=100, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = forms.EmailField(
        label=_("E-mail address"), required=False, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    phone = forms.CharField(
        label=_("Phone number"),
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )


class WorkRoleForm(forms.Form):
    enterprise = forms.ModelChoiceField(label=_("Bewonersbedrijf"), queryset=None, empty_label=None)
    title = forms.CharField(label=_("Title"), max_length=150)
    tasks = forms.CharField(label=_("Tasks"), widget=forms.Textarea(attrs={"rows": 3}))
    hours_min = forms.IntegerField(label=_("At least hours a week"), min_value=1, max_value=40)
    hours_max = forms.IntegerField(label=_("At most hours a week"), min_value=1, max_value=40)
    is_paid = forms.BooleanField(label=_("This is a paid role"), required=False)
    theme = forms.ModelChoiceField(label=_("Theme"), queryset=None, required=False)

    def __init__(self, *args, enterprises, **kwargs):
        from wijkgeld.money.models import Theme, Tranche

        super().__init__(*args, **kwargs)
        self.fields["enterprise"].queryset = enterprises
        latest = Tranche.objects.order_by("-number").first()
        self.fields["theme"].queryset = Theme.objects.filter(tranche=latest).exclude(is_fixed_amount=True)


class PlacementForm(forms.Form):
    role = forms.ModelChoiceField(label=_("Role"), queryset=WorkRole.objects.none(), empty_label=None)
    name = forms.CharField(label=_("Name of the participant"), max_length=150)
    email = forms.EmailField(label=_("E-mail address"), required=False)
    phone = forms.CharField(label=_("Phone number"), max_length=30, required=False)
    consent = forms.BooleanField(
        label=_("The participant agrees to be registered, and knows they can withdraw this at any time."),
        required=True,
    )
    consent_given_on = date_field(_("Consent given on"))
    started_on = date_field(_("Start date"))
    municipal_contact = forms.ModelChoiceField(
        label=_("Contact person at the municipality"),
        queryset=None,
        required=False,
        help_text=_("Only when the municipality is involved. This person can also see the name."),
    )
    interest = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, roles, contacts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].queryset = roles
        self.fields["municipal_contact"].queryset = contacts


class StepForm(forms.Form):
    hours_per_week = forms.IntegerField(label=_("Hours a week in the next step"), min_value=1, max_value=40)


class HoursForm(forms.Form):
    month = forms.CharField(
        label=_("Month"),
        max_length=7,
        help_text=_("Year and month, for example 2026-03."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "placeholder": "2026-03"}),
    )
    hours = forms.DecimalField(
        label=_("Hours worked"), min_value=0, max_value=744, decimal_places=1, max_digits=5
    )
    allowance = EuroField(label=_("Volunteer allowance paid this month"), required=False, allow_zero=True)
    confirm_over_maximum = forms.BooleanField(
        label=_("I know this passes the maximum volunteer allowance; save it anyway."), required=False
    )

    def clean_month(self) -> dt.date:
        value = self.cleaned_data["month"].strip()
        match = re.fullmatch(r"(\d{4})-(\d{1,2})", value)
        if not match or not 1 <= int(match.group(2)) <= 12:
            raise forms.ValidationError(_("Use year and month, for example 2026-03."))
        return dt.date(int(match.group(1)), int(match.group(2)), 1)


class MilestoneForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Milestone"), choices=[c for c in Milestone.Kind.choices if c[0] != Milestone.Kind.STARTED]
    )
    reached_on = date_field(_("Reached on"))
    stop_reason = forms.ChoiceField(
        label=_("Reason for stopping"),
        choices=[("", "—"), *StopReason.choices],
        required=False,
        help_text=_("Only when the participant stopped."),
    )


class ConfirmForm(forms.Form):
    confirm = forms.BooleanField(label=_("Yes, I am sure"), required=True)


class AppointmentForm(forms.Form):
    username = forms.CharField(
        label=_("Username"),
        max_length=150,
        help_text=_("An existing account, or a new one: then also fill in the name and e-mail address."),
    )
    display_name = forms.CharField(label=_("Name"), max_length=150, required=False)
    email = forms.EmailField(label=_("E-mail address"), required=False)
    kind = forms.ChoiceField(label=_("Task"), choices=Appointment.Kind.choices, widget=forms.RadioSelect)
    collective = forms.ModelChoiceField(
        label=_("For which collective"),
        queryset=None,
        required=False,
        help_text=_("Not needed for a municipal contact."),
    )

    def __init__(self, *args, collectives, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["collective"].queryset = collectives


class EndAppointmentForm(forms.Form):
    appointment = forms.IntegerField(widget=forms.HiddenInput)


class CommitForm(forms.Form):
    line = forms.ModelChoiceField(label=_("Budget line"), queryset=None, empty_label=None)
    # Declared on the class (not added in __init__) so that the euro-form tests find it.
    amount = EuroField(label=_("Amount in euros"))

    def __init__(self, *args, lines, with_amount: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["line"].queryset = lines
        if not with_amount:  # a commission's amount comes from the commission itself
            del self.fields["amount"]


class PayForm(forms.Form):
    amount = EuroField(label=_("Amount in euros"))
    description = forms.CharField(label=_("Description, for example the invoice number"), max_length=500)


class BuilderForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150)
    employer = forms.ModelChoiceField(
        label=_("Collective that employs or contracts them"), queryset=None, empty_label=None
    )
    lives_in_area = forms.BooleanField(label=_("Lives in the area"), required=False)
    works_in_area = forms.BooleanField(label=_("Works in the area"), required=False)
    started_on = date_field(_("Start date"))
    username = forms.CharField(
        label=_("Their account (username), to write reports themselves"), max_length=150, required=False
    )

    def __init__(self, *args, employers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["employer"].queryset = employers


class ProfileForm(forms.Form):
    public_profile = forms.BooleanField(label=_("Show a public profile on the area page"), required=False)
    public_first_name = forms.CharField(label=_("First name"), max_length=60, required=False)
    public_description = forms.CharField(
        label=_("What I do"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    photo = forms.FileField(
        label=_("Photo (JPEG, PNG or WebP, at most 5 MB)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    remove_photo = forms.BooleanField(label=_("Remove the photo"), required=False)


class TrainingForm(forms.Form):
    course = forms.CharField(label=_("Course"), max_length=200)
    provider = forms.CharField(label=_("Provider"), max_length=200)
    completed_on = date_field(_("Completed on"))
    certificate = forms.BooleanField(label=_("Certificate obtained"), required=False)


class LeaveForm(forms.Form):
    left_on = date_field(_("Left on"))


class CommissionForm(forms.Form):
    builder = forms.ModelChoiceField(label=_("Community builder"), queryset=None, empty_label=None)
    given_by = forms.ChoiceField(label=_("Who gives the commission"), widget=forms.RadioSelect)
    title = forms.CharField(label=_("Title"), max_length=200)
    aim = forms.CharField(
        label=_("How does this strengthen the community?"), widget=forms.Textarea(attrs={"rows": 3})
    )
    hours = forms.IntegerField(label=_("Hours"), min_value=1, max_value=100_000)
    starts_on = date_field(_("From"))
    ends_on = date_field(_("Until"))
    pay = EuroField(label=_("Pay in euros"))

    def __init__(self, *args, builders, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["builder"].queryset = builders
        self.fields["given_by"].choices = choices


class VoteForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Your decision"),
        widget=forms.RadioSelect,
        choices=[("approve", _("Approve")), ("decline", _("Decline"))],
    )


class ReportForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2020, max_value=2100)
    quarter = forms.ChoiceField(label=_("Quarter"), choices=[(q, f"Q{q}") for q in range(1, 5)])
    activities = forms.CharField(label=_("What did you do?"), widget=forms.Textarea(attrs={"rows": 4}))
    people_reached = forms.IntegerField(
        label=_("How many people did you reach?"), min_value=0, max_value=1_000_000
    )
    connections = forms.CharField(
        label=_("Which connections did you make?"), widget=forms.Textarea(attrs={"rows": 3})
    )


class ReportDecideForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Your decision"),
        widget=forms.RadioSelect,
        choices=[("accept", _("Accept")), ("send_back", _("Send back"))],
    )
    note = forms.CharField(label=_("Note (needed when you send it back)"), max_length=500, required=False)
