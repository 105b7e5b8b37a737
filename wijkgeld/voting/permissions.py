"""Who may do what with voting codes and paper ballots (per area)."""

from wijkgeld.accounts.permissions import COMMITTEE, DELEGATE, HELP_DESK, OBSERVER, STAFF, register_actions

register_actions(
    {
        # Make letter codes and letters, revoke and replace a code.
        "voting.manage_codes": {COMMITTEE},
        # Open a help desk on a device (residents then vote on it) and see the help-desk page.
        "voting.help_desk": {COMMITTEE, HELP_DESK},
        # Ask for a replacement code for a lost letter; only a committee member who did not ask issues it.
        "voting.request_replacement": {COMMITTEE, HELP_DESK},
        # Enter paper ballots (double entry) and resolve differences.
        "voting.enter_paper": {COMMITTEE},
        # See turnout numbers (never per person) and the committee voting page.
        "voting.view_turnout": {COMMITTEE, STAFF, DELEGATE, OBSERVER},
    }
)
