from django.utils.translation import gettext_lazy as _

from wijkgeld.core.audit import register_texts

register_texts(
    {
        "community.collective.registered": _("{actor} registered the collective {object}"),
        "community.collective.verified": _("{actor} verified the collective {object}"),
        "community.collective.rejected": _("{actor} did not accept the collective {object}: {reason}"),
    }
)
