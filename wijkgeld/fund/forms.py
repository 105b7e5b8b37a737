"""Forms of the fund: they only check shape; the services check the rules."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from wijkgeld.areas.models import Organisation
from wijkgeld.core.forms import EuroField
from wijkgeld.fund.models import Round
from wijkgeld.fund.photos import MAX_PHOTOS

THEMES = [
    ("", _("Choose a theme")),
    ("groen", _("Green and nature")),
    ("spelen", _("Play and sport")),
    ("ontmoeten", _("Meeting each other")),
    ("veilig", _("Safety and cleanliness")),
    ("cultuur", _("Culture and events")),
    ("leren", _("Learning and work")),
    ("anders", _("Something else")),
]
SUMMARY_MAX = 300


def theme_label(code: str) -> str:
    """The theme's label in the active language (the code itself for an unknown one)."""
    return str(dict(THEMES).get(code, code))


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class PhotosField(forms.FileField):
    """Up to three files; the service checks type and size and strips metadata."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}))
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            files = [single(item, initial) for item in data if item]
        else:
            files = [single(data, initial)] if data else []
        if len(files) > MAX_PHOTOS:
            raise forms.ValidationError(_("You can add at most 3 photos."))
        return files


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class RoundForm(forms.ModelForm):
    budget_cents = EuroField(label=_("Budget in euros"))

    class Meta:
        model = Round
        fields = [
            "title",
            "year",
            "budget_cents",
            "ideas_start",
            "assessment_start",
            "voting_start",
            "voting_end",
            "results_date",
            "execution_end",
            "min_age",
            "ballot_type",
            "max_projects",
            "limit_to_budget",
            "points_total",
            "min_projects",
            "rule",
            "completion",
            "tie_break",
            "lottery_seed",
            "min_votes",
            "comparison",
        ]
        help_texts = {
            "min_votes": _(
                "Only with “most votes”: an idea with fewer votes is not chosen, even if it fits."
            ),
            "comparison": _(
                "Only with equal shares: if most voters prefer the outcome of “most votes”, that outcome counts."
            ),
        }
        widgets = {
            name: DateTimeInput()
            for name in (
                "ideas_start",
                "assessment_start",
                "voting_start",
                "voting_end",
                "results_date",
                "execution_end",
            )
        }


class SubAreasForm(forms.Form):
    """A budget per neighbourhood of the area (0 or empty: no budget), and what happens to money left."""

    leftover = forms.ChoiceField(
        label=_("Money that a neighbourhood does not spend"),
        choices=Round.Leftover.choices,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, neighbourhoods=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.neighbourhoods = list(neighbourhoods)
        for n in self.neighbourhoods:
            label = f"{n.name} ({n.postcode_range})" if n.postcode_range else n.name
            self.fields[f"budget-{n.pk}"] = EuroField(
                label=_("Budget for %(name)s in euros") % {"name": label}, required=False, allow_zero=True
            )

    def budgets(self) -> dict[int, int]:
        return {n.pk: self.cleaned_data.get(f"budget-{n.pk}") or 0 for n in self.neighbourhoods}


LEFTOVER_PER_THEME = [
    (Round.Leftover.FUND, _("Money left in a theme stays in the fund")),
    (Round.Leftover.POOLED, _("Money left goes to the ideas with most votes that still fit, of any theme")),
]


class CategoryBudgetsForm(forms.Form):
    """A budget per idea theme (0 or empty: no budget), and what happens to money left."""

    leftover = forms.ChoiceField(
        label=_("Money that a theme does not spend"), choices=LEFTOVER_PER_THEME, widget=forms.RadioSelect
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code, label in THEMES:
            if code:
                self.fields[f"budget-{code}"] = EuroField(
                    label=_("Budget for %(name)s in euros") % {"name": label}, required=False, allow_zero=True
                )

    def budgets(self) -> dict[str, int]:
        return {code: self.cleaned_data.get(f"budget-{code}") or 0 for code, _label in THEMES if code}


class ContactForm(forms.Form):
    contact = forms.CharField(
        label=_("How residents reach the committee"),
        max_length=300,
        required=False,
        help_text=_(
            "Printed on the voting letters and paper ballots. For example an e-mail address and a phone number."
        ),
    )


class IdeaForm(forms.Form):
    title = forms.CharField(label=_("Name of your idea"), max_length=120)
    summary = forms.CharField(
        label=_("Your idea in one or two sentences"),
        max_length=SUMMARY_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "At most 300 characters. Write short sentences and everyday words, as if you tell a neighbour."
        ),
    )
    description = forms.CharField(
        label=_("Describe your idea"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=5000,
        help_text=_("What do you want to do, for whom, and who helps?"),
    )
    estimated_cost_cents = EuroField(
        label=_("What will it cost, in euros?"), help_text=_("For example 1250 or 1.250,50.")
    )
    location = forms.CharField(label=_("Where in the neighbourhood?"), max_length=200, required=False)
    theme = forms.ChoiceField(label=_("Theme"), choices=THEMES)
    photos = PhotosField(
        label=_("Photos"),
        help_text=_("Up to 3 photos (JPEG, PNG or WebP, at most 5 MB each). We remove location data."),
    )
    on_behalf_of = forms.ModelChoiceField(
        label=_("On behalf of a resident collective"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("No, I submit it myself"),
    )
    contact_name = forms.CharField(
        label=_("Your name"), max_length=120, help_text=_("Only the committee sees this.")
    )
    contact_email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        help_text=_(
            "Give an e-mail address or a phone number: one of the two is needed. Only the committee sees it. "
            "By e-mail you also get your private link and news about your idea."
        ),
    )
    contact_phone = forms.RegexField(
        label=_("Phone number"),
        regex=r"^[0-9 +()-]{6,20}$",
        required=False,
        help_text=_("Needed if you give no e-mail address. Only the committee sees it."),
        error_messages={"invalid": _("Enter a phone number with digits only, for example 010 123 4567.")},
    )
    confirm_plain = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, area=None, editing: bool = False, round=None, **kwargs):  # noqa: A002
        super().__init__(*args, **kwargs)
        if round is not None and round.by_neighbourhood and not editing:
            # A round with a budget per neighbourhood: residents of that neighbourhood vote on the idea.
            self.fields["sub_area"] = forms.ModelChoiceField(
                label=_("For which neighbourhood is your idea?"),
                queryset=round.sub_areas.all(),
                help_text=_(
                    "Each neighbourhood has its own budget. Residents of that neighbourhood vote on it."
                ),
            )
        if area is not None:
            self.fields["on_behalf_of"].queryset = Organisation.objects.filter(
                local_areas=area,
                kind__in=[Organisation.Kind.COLLECTIVE, Organisation.Kind.ENTERPRISE],
            )
        self.fields["contact_email"].widget.attrs["autocomplete"] = "email"
        self.fields["contact_name"].widget.attrs["autocomplete"] = "name"
        self.fields["contact_phone"].widget.attrs.update({"autocomplete": "tel", "inputmode": "tel"})
        if editing:
            self.fields["photos"].label = _("Add photos")

    def service_values(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("confirm_plain", None)
        data.pop("photos", None)
        return data


class ConflictForm(forms.Form):
    explanation = forms.CharField(label=_("How are you involved?"), max_length=300)


class AssessmentForm(forms.Form):
    within_area = forms.BooleanField(label=_("It takes place within the area"), required=False)
    for_the_public = forms.BooleanField(label=_("It is for the public, not for one person"), required=False)
    legal = forms.BooleanField(label=_("It is legal"), required=False)
    realistic_cost = forms.BooleanField(label=_("The cost is realistic"), required=False)
    doable_in_a_year = forms.BooleanField(label=_("It can be done within a year"), required=False)
    note = forms.CharField(
        label=_("Note for the committee"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class DecisionForm(forms.Form):
    admitted = forms.TypedChoiceField(
        label=_("Decision"),
        choices=[("yes", _("Admit to the vote")), ("no", _("Do not admit"))],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
    )
    final_cost_cents = EuroField(label=_("Final cost in euros"), required=False)
    public_reason = forms.CharField(
        label=_("Reason (shown to everyone)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )


class RevisionRequestForm(forms.Form):
    request = forms.CharField(
        label=_("What should the proposer change?"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )


class ReceiptForm(forms.Form):
    receipt = forms.CharField(
        label=_("Your receipt code"),
        max_length=64,
        help_text=_("You saw this code after voting."),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "spellcheck": "false", "autocapitalize": "characters"}
        ),
    )


class UpdateForm(forms.Form):
    text = forms.CharField(
        label=_("What happened?"), widget=forms.Textarea(attrs={"rows": 5}), max_length=5000
    )
    photos = PhotosField(
        label=_("Photos or receipts"), help_text=_("Up to 3 photos (JPEG, PNG or WebP, at most 5 MB each).")
    )
    final = forms.BooleanField(label=_("This is the final account: the project is finished"), required=False)
    spent_cents = EuroField(label=_("Money spent in total, in euros"), required=False, allow_zero=True)
