from django.utils.translation import gettext_lazy as _

from wijkgeld.core.audit import register_texts

register_texts(
    {
        "money.grant.created": _("{actor} booked the grant {object} of €{amount}"),
        "money.line.created": _("{actor} created the budget line {object} with €{amount}"),
        "money.line.funded": _("{actor} added €{amount} to the budget line {object}"),
        "money.carry_over.created": _("{actor} carried €{amount} of {object} from {from_year} to {to_year}"),
        "money.commitment.created": _("{actor} committed €{amount} to {recipient} (local)"),
        "money.commitment.created_non_local": _(
            "{actor} committed €{amount} to {recipient} (not local, reason: {reason})"
        ),
        "money.commitment.released": _("{actor} released €{amount} of the commitment {object}: {reason}"),
        "money.payment.completed": _("{actor} paid €{amount} to {recipient}"),
        "money.payment.awaiting": _(
            "{actor} entered a payment of €{amount} to {recipient}; a second person must confirm"
        ),
        "money.payment.confirmed": _("{actor} confirmed the payment of €{amount} to {recipient}"),
        "money.payment.rejected": _("{actor} refused the payment of €{amount}: {reason}"),
        "money.transaction.reversed": _("{actor} corrected entry {object}: {reason}"),
        "money.support.proposed": _("{actor} proposed to hire support: {object} (€{amount} from {supplier})"),
        "money.support.approved_by": _("{actor} agreed with the support request {object}"),
        "money.support.declined_by": _("{actor} did not agree with the support request {object}"),
        "money.support.approved": _("The support request {object} was approved with {approvals} approvals"),
        "money.support.rejected": _("The support request {object} was not approved"),
        "money.support.withdrawn": _("{actor} withdrew the support request {object}"),
        "money.line_change.proposed": _(
            "{actor} proposed a change to the delegates' line {line}: {change} €{amount} ({reason})"
        ),
        "money.line_change.approved_by": _("{actor} agreed with the change {object}"),
        "money.line_change.declined_by": _("{actor} did not agree with the change {object}"),
        "money.line_change.applied": _("The change {object} took effect with {approvals} approvals"),
        "money.line_change.rejected": _("The change {object} was not approved"),
        "money.line_change.withdrawn": _("{actor} withdrew the change {object}"),
        "money.line.size_decision": _("{actor} tied the size of {object} to the decision {decision}"),
        "money.grants.imported": _("{actor} imported {count} grants for {year}"),
    }
)
