"""The people services: keyword-only, atomic, audit-logged, raising DomainError."""

from wijkgeld.people.services.appointments import appointment_create, appointment_end
from wijkgeld.people.services.builders import (
    builder_leave,
    builder_profile_update,
    builder_register,
    may_edit_builder,
    training_record,
)
from wijkgeld.people.services.commissions import (
    commission_commit,
    commission_create,
    commission_vote,
    may_decide_report,
    may_submit_report,
    report_decide,
    report_pay,
    report_submit,
)
from wijkgeld.people.services.fees import placement_fee_commit, placement_fee_pay
from wijkgeld.people.services.placements import (
    allowance_warning,
    consent_withdraw,
    interest_delete,
    interest_register,
    milestone_record,
    month_record,
    placement_create,
    rhythm_step_add,
    work_role_create,
    work_role_set_open,
)

__all__ = [
    "allowance_warning",
    "appointment_create",
    "appointment_end",
    "builder_leave",
    "builder_profile_update",
    "builder_register",
    "commission_commit",
    "commission_create",
    "commission_vote",
    "consent_withdraw",
    "interest_delete",
    "interest_register",
    "may_decide_report",
    "may_edit_builder",
    "may_submit_report",
    "milestone_record",
    "month_record",
    "placement_create",
    "placement_fee_commit",
    "placement_fee_pay",
    "report_decide",
    "report_pay",
    "report_submit",
    "rhythm_step_add",
    "training_record",
    "work_role_create",
    "work_role_set_open",
]
