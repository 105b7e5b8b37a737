"""Who may verify resident collectives: programme staff and resident delegates of the area."""

from wijkgeld.accounts.permissions import DELEGATE, OBSERVER, STAFF, register_actions

register_actions(
    {
        "community.review": {STAFF, DELEGATE, OBSERVER},
        "community.verify": {STAFF, DELEGATE},
    }
)
