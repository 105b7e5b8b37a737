"""Put every existing commitment (and its postings) in its tier.

Before this, any organisation listed as local counted as "in de wijk", including the municipality and
the police. Now public bodies are outside whatever their address; a commitment that moves outside this
way gets the reason "booked before this rule", so the public page says why it has no reason of its own.
"""

from django.db import migrations

from wijkgeld.areas.tiers import Tier, recipient_tier, tier_is_in_area

BEFORE_RULE = "booked_before_rule"


def forwards(apps, schema_editor):
    Commitment = apps.get_model("money", "Commitment")
    Posting = apps.get_model("money", "Posting")
    for c in Commitment.objects.select_related("recipient_organisation", "line").iterator():
        org = c.recipient_organisation
        tier = recipient_tier(
            kind=org.kind if org else None,
            legal_form=org.legal_form if org else "",
            is_resident=c.recipient_is_resident,
            local_to_area=bool(org and org.local_areas.filter(pk=c.line.area_id).exists()),
        )
        is_local = tier_is_in_area(tier)
        reason = c.non_local_reason
        if tier == Tier.RESIDENT_LED:
            reason = ""
        elif tier == Tier.OUTSIDE and not reason:
            reason = BEFORE_RULE
        # Append-only rows are corrected here once, in the migration that changes their meaning.
        Commitment.objects.filter(pk=c.pk).update(tier=tier, is_local=is_local, non_local_reason=reason)
        Posting.objects.filter(commitment=c).update(tier=tier, is_local=is_local)
        Posting.objects.filter(transaction_id=c.transaction_id, commitment__isnull=True).update(
            tier=tier, is_local=is_local
        )


class Migration(migrations.Migration):
    dependencies = [("money", "0003_recipient_tiers")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
