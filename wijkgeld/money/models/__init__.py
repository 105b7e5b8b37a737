"""Money models: the budget structure (data, not code), the append-only ledger, and support requests."""

from wijkgeld.money.models.budget import (
    AreaFinanceSettings,
    BudgetLine,
    Grant,
    Theme,
    Tranche,
    payment_confirmation_threshold,
)
from wijkgeld.money.models.ledger import (
    USER_REASONS,
    Account,
    CollectiveConsultation,
    Commitment,
    NonLocalReason,
    Payment,
    Posting,
    Transaction,
)
from wijkgeld.money.models.line_changes import LineChange, LineChangeVote
from wijkgeld.money.models.support import SupportRequest, SupportVote

__all__ = [
    "USER_REASONS",
    "Account",
    "CollectiveConsultation",
    "AreaFinanceSettings",
    "BudgetLine",
    "Commitment",
    "Grant",
    "LineChange",
    "LineChangeVote",
    "NonLocalReason",
    "Payment",
    "Posting",
    "SupportRequest",
    "SupportVote",
    "Theme",
    "Tranche",
    "Transaction",
    "payment_confirmation_threshold",
]
