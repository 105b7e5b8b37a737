"""Who may do what with voting codes and paper ballots (per area)."""

from wijkgeld.accounts.permissions import COMMITTEE, DELEGATE, OBSERVER, STAFF, register_actions

register_actions(
    {
        # Make letter codes and letters, revoke and replace a code.
        "voting.manage_codes": {COMMITTEE},
        # Enter paper ballots (double entry) and resolve differences.
        "voting.enter_paper": {COMMITTEE},
        # See turnout numbers (never per person) and the committee voting page.
        "voting.view_turnout": {COMMITTEE, STAFF, DELEGATE, OBSERVER},
    }
)
