from django.utils.translation import gettext_lazy as _

from wijkgeld.core.audit import register_texts

register_texts(
    {
        "accounts.role.granted": _("{actor} gave {object} the role {role}"),
        "accounts.role.revoked": _("{actor} took the role {role} from {object}"),
        "accounts.user.created": _("{actor} made an account for {object}"),
        "accounts.user.link_sent": _("{actor} had the link to choose a password sent to {object} again"),
        "accounts.login.succeeded": _("{actor} logged in"),
        "accounts.twofactor.enabled": _("{actor} switched on two-step login"),
    }
)
