"""Services of the alliance: typed, keyword-only, atomic, audit-logged. Views call exactly one."""

from wijkgeld.alliance.services.agenda import agenda_item_add, agenda_item_decide, agenda_item_propose
from wijkgeld.alliance.services.documents import (
    document_share,
    document_upload,
    document_upload_advice,
    question_answer,
    question_ask,
)
from wijkgeld.alliance.services.meetings import decision_record, meeting_create, meeting_update, minutes_save
from wijkgeld.alliance.services.membership import (
    alliance_create,
    alliance_update,
    delegate_add,
    partner_add,
    representative_add,
)

__all__ = [
    "agenda_item_add",
    "agenda_item_decide",
    "agenda_item_propose",
    "alliance_create",
    "alliance_update",
    "decision_record",
    "delegate_add",
    "document_share",
    "document_upload",
    "document_upload_advice",
    "meeting_create",
    "meeting_update",
    "minutes_save",
    "partner_add",
    "question_answer",
    "question_ask",
    "representative_add",
]
