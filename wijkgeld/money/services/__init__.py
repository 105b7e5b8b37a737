"""The public interface of the money app. Other apps (fund, alliance) import from here only.

All services are keyword-only, run in one database transaction, write the audit log and raise
`wijkgeld.core.errors.DomainError` when a rule says no. Amounts are integer cents.
"""

from wijkgeld.money.services.budget import (
    budget_line_create,
    budget_line_for,
    budget_line_fund,
    carry_over_create,
    grant_create,
)
from wijkgeld.money.services.commitments import (
    commitment_create,
    commitment_release,
    payment_confirm,
    payment_create,
    payment_reject,
)
from wijkgeld.money.services.ledger import (
    commitment_open_cents,
    commitment_paid_cents,
    commitment_payable_cents,
    line_available_cents,
    transaction_reverse,
    unallocated_cents,
)
from wijkgeld.money.services.line_changes import (
    budget_line_size_decision_set,
    line_change_propose,
    line_change_vote,
    line_change_withdraw,
)
from wijkgeld.money.services.support import (
    approvals_needed,
    support_request_propose,
    support_request_vote,
    support_request_withdraw,
)
from wijkgeld.money.services.tiers import Consultation, local_collectives_for, tier_check, tier_of

__all__ = [
    "Consultation",
    "approvals_needed",
    "budget_line_create",
    "budget_line_size_decision_set",
    "budget_line_for",
    "budget_line_fund",
    "carry_over_create",
    "commitment_create",
    "commitment_open_cents",
    "commitment_paid_cents",
    "commitment_payable_cents",
    "commitment_release",
    "grant_create",
    "line_available_cents",
    "line_change_propose",
    "line_change_vote",
    "line_change_withdraw",
    "local_collectives_for",
    "payment_confirm",
    "payment_create",
    "payment_reject",
    "tier_check",
    "tier_of",
    "support_request_propose",
    "support_request_vote",
    "support_request_withdraw",
    "transaction_reverse",
    "unallocated_cents",
]
