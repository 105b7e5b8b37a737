"""Who may do what in the fund of an area (see wijkgeld.accounts.permissions)."""

from wijkgeld.accounts.permissions import COMMITTEE, FINANCE, OBSERVER, STAFF, register_actions

register_actions(
    {
        # The committee's pages, contact details of proposers, assessments: read-only for staff too.
        "fund.view": {COMMITTEE, STAFF, FINANCE, OBSERVER},
        # Create rounds, change settings, move phases, count, publish, award, accept final accounts.
        "fund.manage": {COMMITTEE},
        # Assess ideas and declare conflicts of interest.
        "fund.assess": {COMMITTEE},
        # Pay tranches of awarded projects (on the money pages).
        "fund.pay": {FINANCE},
    }
)
