"""Forms of the alliance pages. They only parse input; the services decide what is allowed."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from wijkgeld.alliance.models import Audience, Delegate, Meeting, Visibility
from wijkgeld.alliance.uploads import ALLOWED_TEXT
from wijkgeld.core.forms import EuroField

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format=DATETIME_FORMAT, **kwargs)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def _datetime_field(label):
    return forms.DateTimeField(
        label=label,
        widget=DateTimeLocalInput(),
        input_formats=[DATETIME_FORMAT, "%Y-%m-%d %H:%M", "%d-%m-%Y %H:%M"],
        help_text=_("For example 2026-03-14 19:30."),
    )


def _date_field(label, required=False):
    return forms.DateField(
        label=label,
        required=required,
        widget=DateInput(),
        input_formats=["%Y-%m-%d", "%d-%m-%Y"],
        help_text=_("For example 2026-03-14."),
    )


class ProposeItemForm(forms.Form):
    title = forms.CharField(label=_("What do you want to discuss?"), max_length=200)
    explanation = forms.CharField(
        label=_("Short explanation"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Why does this matter for the neighbourhood? A few sentences are enough."),
    )


class ChairDecisionForm(forms.Form):
    action = forms.ChoiceField(
        label=_("What happens with this item?"),
        widget=forms.RadioSelect,
        choices=[
            ("plan", _("Plan it for a meeting")),
            ("accept", _("Accept it, plan it later")),
            ("decline", _("Decline it (give a reason)")),
        ],
    )
    meeting = forms.ModelChoiceField(
        label=_("Meeting"),
        queryset=Meeting.objects.none(),
        required=False,
        help_text=_("Only needed when you plan the item."),
    )
    reason = forms.CharField(
        label=_("Reason or note for the delegates"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required when you decline. Every delegate can read it."),
    )

    def __init__(self, *args, meetings=None, **kwargs):
        super().__init__(*args, **kwargs)
        if meetings is not None:
            self.fields["meeting"].queryset = meetings


class QuestionForm(forms.Form):
    text = forms.CharField(
        label=_("Your question about this document"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class AnswerForm(forms.Form):
    answer = forms.CharField(label=_("Answer"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4}))


class MeetingForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of meeting"), choices=Meeting.Kind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    starts_at = _datetime_field(_("Starts at"))
    ends_at = _datetime_field(_("Ends at"))
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    online_url = forms.URLField(label=_("Online link"), required=False, assume_scheme="https")
    cancelled = forms.BooleanField(label=_("This meeting is cancelled"), required=False)


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(
        label=_("Summary in plain language (B1)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Three to five short sentences. Residents see this first."),
    )
    visibility = forms.ChoiceField(
        label=_("Who may read it?"),
        choices=Visibility.choices,
        initial=Visibility.MEMBERS,
        widget=forms.RadioSelect,
    )
    file = forms.FileField(label=_("File"), help_text=_("Allowed: %(kinds)s.") % {"kinds": ALLOWED_TEXT})
    share_with = forms.ChoiceField(
        label=_("Share now with"),
        widget=forms.RadioSelect,
        initial=Audience.ALL,
        choices=[(Audience.ALL, Audience.ALL.label), ("", _("Nobody yet, I will share it later"))],
        required=False,
    )


class ShareForm(forms.Form):
    audience = forms.ChoiceField(
        label=_("Share with"), widget=forms.RadioSelect, choices=Audience.choices, initial=Audience.ALL
    )
    partner = forms.ModelChoiceField(
        label=_("Which partner (only when sharing with one partner)"), queryset=None, required=False
    )

    def __init__(self, *args, alliance, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = alliance.partners.select_related("organisation")


class AllianceDocumentForm(forms.Form):
    """A document that belongs to no meeting."""

    kind = forms.ChoiceField(label=_("Kind of document"), choices=())
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(
        label=_("Summary in plain language (B1)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Three to five short sentences. Residents see this first."),
    )
    visibility = forms.ChoiceField(
        label=_("Who may read it?"),
        choices=Visibility.choices,
        initial=Visibility.MEMBERS,
        widget=forms.RadioSelect,
    )
    file = forms.FileField(label=_("File"), help_text=_("Allowed: %(kinds)s.") % {"kinds": ALLOWED_TEXT})

    def __init__(self, *args, kinds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = kinds
        if len(kinds) == 1:
            self.fields["kind"].initial = kinds[0][0]
            self.fields["kind"].widget = forms.HiddenInput()


class MinutesForm(forms.Form):
    minutes_summary = forms.CharField(
        label=_("Minutes in plain language (B1)"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    minutes = forms.CharField(label=_("Full minutes"), widget=forms.Textarea(attrs={"rows": 12}))
    visibility = forms.ChoiceField(
        label=_("Who may read the minutes?"), choices=Visibility.choices, widget=forms.RadioSelect
    )


class DecisionForm(forms.Form):
    number = forms.CharField(label=_("Number"), max_length=20)
    title = forms.CharField(label=_("What was decided"), max_length=300)
    summary = forms.CharField(
        label=_("Summary in plain language (B1)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    text = forms.CharField(label=_("Full text"), required=False, widget=forms.Textarea(attrs={"rows": 5}))
    decided_by = forms.CharField(label=_("Decided by"), max_length=200)
    agenda_item = forms.ModelChoiceField(label=_("On agenda item"), queryset=None, required=False)
    amount = EuroField(label=_("Amount in euros"), required=False, help_text=_("Only if money is involved."))
    money_reference = forms.CharField(
        label=_("Money reference"),
        max_length=200,
        required=False,
        help_text=_("For example the budget line or commitment number."),
    )
    visibility = forms.ChoiceField(
        label=_("Who may read it?"),
        choices=Visibility.choices,
        initial=Visibility.PUBLIC,
        widget=forms.RadioSelect,
    )

    budget_lines = forms.ModelMultipleChoiceField(
        label=_("Budget lines this decision is about"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    commitments = forms.ModelMultipleChoiceField(
        label=_("Commitments this decision is about"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        from wijkgeld.money.models import BudgetLine, Commitment

        area = meeting.alliance.area
        self.fields["agenda_item"].queryset = meeting.agenda_items.all()
        self.fields["budget_lines"].queryset = BudgetLine.objects.filter(area=area).order_by("-year", "name")
        self.fields["commitments"].queryset = Commitment.objects.filter(line__area=area).select_related(
            "line"
        )
        self.fields["commitments"].label_from_instance = lambda c: f"{c.public_recipient}: {c.description}"[
            :120
        ]


class AllianceForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    documents_days_before = forms.IntegerField(
        label=_("Documents at least this many days before a meeting"), min_value=0, max_value=60, initial=7
    )
    chair = forms.ModelChoiceField(
        label=_("Designated chair"),
        queryset=None,
        required=False,
        help_text=_("Programme staff of the area can always act as chair."),
    )

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["chair"].queryset = members


class PartnerForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=None)
    since = _date_field(_("Since"))
    until = _date_field(_("Until"))

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class RepresentativeForm(forms.Form):
    partner = forms.ModelChoiceField(label=_("Partner"), queryset=None)
    name = forms.CharField(label=_("Name"), max_length=150)
    function = forms.CharField(label=_("Function"), max_length=150, required=False)
    since = _date_field(_("Since"))
    until = _date_field(_("Until"))

    def __init__(self, *args, partners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = partners


class DelegateForm(forms.Form):
    user = forms.ModelChoiceField(label=_("Resident delegate"), queryset=None)
    chosen_how = forms.ChoiceField(label=_("How chosen"), choices=Delegate.Chosen.choices)
    chosen_note = forms.CharField(label=_("More about how"), max_length=300, required=False)
    since = _date_field(_("Since"), required=True)
    until = _date_field(_("Until"))

    def __init__(self, *args, users, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = users
