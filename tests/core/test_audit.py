import pytest
from django.utils import translation

from wijkgeld.core.audit import audit_record, audit_text
from wijkgeld.core.models import AuditEntry


@pytest.mark.django_db
def test_audit_record_keeps_actor_area_object_and_data(area, make_user):
    user = make_user(username="anna")
    entry = audit_record(actor=user, action="areas.area.updated", area=area, obj=area, data={"field": "name"})
    entry.refresh_from_db()
    assert entry.actor == user and entry.actor_label == "anna"
    assert entry.area == area and entry.object_type == "areas.area" and entry.object_id == str(area.pk)
    assert entry.data == {"field": "name"}


@pytest.mark.django_db
def test_audit_entries_cannot_be_changed_or_deleted(area):
    entry = audit_record(actor=None, action="core.demo.loaded", area=area)
    entry.action = "something.else"
    with pytest.raises(RuntimeError):
        entry.save()
    with pytest.raises(RuntimeError):
        entry.delete()
    assert AuditEntry.objects.get(pk=entry.pk).action == "core.demo.loaded"


@pytest.mark.django_db
def test_audit_text_reads_as_a_sentence_in_both_languages(area, make_user):
    entry = audit_record(actor=make_user(username="bram"), action="areas.area.updated", area=area, obj=area)
    with translation.override("en"):
        assert audit_text(entry) == "bram changed the area Testwijk Zuid"
    with translation.override("nl"):
        assert "bram" in audit_text(entry) and "Testwijk Zuid" in audit_text(entry)
        assert "changed" not in audit_text(entry)


@pytest.mark.django_db
def test_unknown_action_falls_back_to_code(area):
    entry = audit_record(actor=None, action="x.y.z", area=area, actor_label="resident")
    assert audit_text(entry) == "resident: x.y.z"


@pytest.mark.django_db
def test_amounts_read_as_people_write_them(area):
    from wijkgeld.core.audit import register_texts

    register_texts({"test.amount": "{actor} paid €{amount}"})
    entry = audit_record(actor=None, action="test.amount", area=area, data={"amount": "20000.50"})
    with translation.override("nl"):
        assert audit_text(entry) == "system paid €20.000,50"
    with translation.override("en"):
        assert audit_text(entry) == "system paid €20,000.50"
