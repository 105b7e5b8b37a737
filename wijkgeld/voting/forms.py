from django import forms
from django.utils.translation import gettext_lazy as _

WEB_MAX_CODES = 1000


class GenerateCodesForm(forms.Form):
    count = forms.IntegerField(
        label=_("How many codes?"),
        min_value=1,
        max_value=WEB_MAX_CODES,
        help_text=_("One code for each resident who may vote. At most 1000 at a time; make more in batches."),
    )

    def __init__(self, *args, round=None, **kwargs):  # noqa: A002
        super().__init__(*args, **kwargs)
        if round is not None and round.by_neighbourhood:
            self.fields["sub_area"] = forms.ModelChoiceField(
                label=_("For which neighbourhood?"),
                queryset=round.sub_areas.all(),
                help_text=_(
                    "The letters show the neighbourhood and its postcodes. Send them to those addresses."
                ),
            )


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=40,
        help_text=_("The code on the letter or paper ballot, for example ABCD-EFGH-JKMN-PQRS."),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )
