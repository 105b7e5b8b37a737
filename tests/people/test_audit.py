"""Every change in the people app is in the audit log, as a sentence, and never with a participant's name."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from wijkgeld.core.audit import audit_text
from wijkgeld.core.models import AuditEntry
from wijkgeld.people.models import ParticipantData


@pytest.mark.django_db
def test_demo_changes_are_logged_as_sentences_without_names():
    call_command("demo", quiet=True)
    entries = list(AuditEntry.objects.filter(action__startswith="people."))
    actions = {entry.action for entry in entries}
    assert {
        "people.appointment.created",
        "people.role.created",
        "people.interest.received",
        "people.placement.created",
        "people.step.added",
        "people.hours.recorded",
        "people.milestone.recorded",
        "people.builder.registered",
        "people.builder.profile_changed",
        "people.training.recorded",
        "people.commission.given",
        "people.commission.proposed",
        "people.commission.approved_by",
        "people.report.submitted",
        "people.report.accepted",
    } <= actions
    names = list(ParticipantData.objects.values_list("name", flat=True))
    assert names
    for entry in entries:
        text = audit_text(entry)
        assert entry.action not in text, f"no sentence registered for {entry.action}"
        for name in names:
            assert name not in f"{text} {entry.data} {entry.object_label}"
    assert AuditEntry.objects.filter(
        action="money.commitment.created", data__source__startswith="people:"
    ).exists()
