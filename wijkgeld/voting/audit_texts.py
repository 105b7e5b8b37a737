from django.utils.translation import gettext_lazy as _

from wijkgeld.core.audit import register_texts

register_texts(
    {
        "voting.codes.generated": _("{actor} made {count} voting codes for {object}"),
        "voting.batch.requested": _("{actor} asked for a batch of {count} voting codes for {object}"),
        "voting.batch.issued": _(
            "{actor} issued and downloaded a batch of {count} voting codes for {object}"
        ),
        "voting.batch.cancelled": _("{actor} cancelled a request for {count} voting codes for {object}"),
        "voting.code.replaced": _("{actor} revoked a voting code for {object} and made a new one"),
        "voting.desk.opened": _("{actor} opened a help desk for {object}"),
        "voting.desk.closed": _("{actor} closed a help desk for {object}"),
        "voting.paper.first": _("{actor} entered paper ballot {number} for the first time"),
        "voting.paper.matched": _("{actor} entered paper ballot {number} a second time; both entries match"),
        "voting.paper.mismatch": _("{actor} entered paper ballot {number} a second time; the entries differ"),
        "voting.paper.resolved": _("{actor} resolved the difference in paper ballot {number}"),
        "voting.paper.invalid": _(
            "{actor} confirmed paper ballot {number} as invalid (too many crosses or unreadable)"
        ),
        "voting.paper.set_aside": _(
            "{actor} set paper ballot {number} aside: its code had already voted online"
        ),
    }
)
