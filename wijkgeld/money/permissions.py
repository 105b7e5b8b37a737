"""Who may do what with money, per area. Public: the finance overview, the API, the accountability export."""

from wijkgeld.accounts.permissions import COMMITTEE, DELEGATE, FINANCE, OBSERVER, STAFF, register_actions

register_actions(
    {
        # The full ledger names recipients (sometimes residents), so it is for members, not the public.
        "money.view_ledger": {DELEGATE, COMMITTEE, STAFF, FINANCE, OBSERVER},
        "money.grant": {FINANCE},
        "money.budget": {FINANCE, STAFF},
        "money.commit": {FINANCE, STAFF},
        "money.pay": {FINANCE},
        "money.correct": {FINANCE},
        # Invoices and decisions can name residents and hold bank details: not for every member.
        "money.view_documents": {FINANCE, STAFF},
        # The residents' own support budget: delegates decide, staff and finance see, finance pays.
        "support.view": {DELEGATE, STAFF, FINANCE, OBSERVER},
        "support.propose": {DELEGATE},
        "support.decide": {DELEGATE},
    }
)
