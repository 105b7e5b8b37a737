from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from wijkgeld.accounts.models import Role, User

# Roles that programme staff may hand out within their own area. Site administrators and national
# observers are appointed by a site administrator in the admin.
AREA_ROLES = [
    (name, label) for name, label in Role.Name.choices if name not in (Role.Name.ADMIN, Role.Name.OBSERVER)
]


class GrantRoleForm(forms.Form):
    username = forms.CharField(
        label=_("Username"),
        max_length=150,
        help_text=_("An existing account, or a new one: then also fill in the name and e-mail address."),
    )
    display_name = forms.CharField(label=_("Name"), max_length=150, required=False)
    email = forms.EmailField(label=_("E-mail address"), required=False)
    role = forms.ChoiceField(label=_("Role"), choices=AREA_ROLES)

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
