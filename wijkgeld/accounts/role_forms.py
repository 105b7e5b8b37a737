from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from wijkgeld.accounts import role_rules
from wijkgeld.accounts.models import Role, User


def grantable_roles(actor) -> list[tuple[str, str]]:
    """The area roles this person may hand out: the site administrator all of them, programme staff
    only the residents' roles. Site administrators and observers hold for every area: admin only."""
    admin = role_rules.is_site_admin(actor)
    return [
        (name, label)
        for name, label in Role.Name.choices
        if name not in (Role.Name.ADMIN, Role.Name.OBSERVER)
        and (admin or name not in role_rules.GRANTED_BY_SITE_ADMIN)
        and (admin or name not in role_rules.GRANTED_BY_COMMITTEE)
    ]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class GrantRoleForm(forms.Form):
    username = forms.CharField(
        label=_("Username"),
        max_length=150,
        help_text=_("An existing account, or a new one: then also fill in the name and e-mail address."),
    )
    display_name = forms.CharField(label=_("Name"), max_length=150, required=False)
    email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        help_text=_("For a new account we send the link to choose a password to this address."),
    )
    role = forms.ChoiceField(label=_("Role"))
    chosen_by = forms.ChoiceField(
        label=_("How did the residents choose this person?"),
        required=False,
        choices=[("", _("— only for delegates and committee members —")), *Role.ChosenBy.choices],
    )
    chosen_reference = forms.CharField(
        label=_("Reference to the residents' decision"),
        max_length=200,
        required=False,
        help_text=_("For example: meeting of the residents' platform on 12 March 2026, decision 4."),
    )
    until = forms.DateField(
        label=_("End of the term"),
        required=False,
        widget=DateInput(),
        help_text=_("For delegates and committee members. Format: day-month-year, for example 31-12-2028."),
        input_formats=["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"],
    )

    def __init__(self, *args, actor=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = grantable_roles(actor)

    def clean(self):
        data = super().clean()
        username = data.get("username", "").strip()
        if username and not User.objects.filter(username=username).exists():
            if not data.get("display_name"):
                self.add_error("display_name", _("Fill in a name for the new account."))
            if not data.get("email"):
                self.add_error("email", _("Fill in an e-mail address for the new account."))
        return data


class RevokeRoleForm(forms.Form):
    role_id = forms.IntegerField(widget=forms.HiddenInput)


class ResendLinkForm(forms.Form):
    user_id = forms.IntegerField(widget=forms.HiddenInput)
