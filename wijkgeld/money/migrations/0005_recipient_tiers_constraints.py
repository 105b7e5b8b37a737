from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("money", "0004_recipient_tiers_data")]

    operations = [
        migrations.AddConstraint(
            model_name="commitment",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("non_local_reason", ""), ("tier", "resident_led")),
                    ("tier", "local_organisation"),
                    models.Q(("tier", "outside"), models.Q(("non_local_reason", ""), _negated=True)),
                    _connector="OR",
                ),
                name="commitment_tier_reason",
            ),
        ),
        migrations.AddConstraint(
            model_name="commitment",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("is_local", False), ("tier", "outside")),
                    models.Q(("is_local", True), ("tier__in", ["resident_led", "local_organisation"])),
                    _connector="OR",
                ),
                name="commitment_is_local_matches_tier",
            ),
        ),
        migrations.RemoveIndex(model_name="posting", name="posting_report"),
        migrations.AddIndex(
            model_name="posting",
            index=models.Index(
                fields=["area", "year", "theme", "account", "tier", "amount_cents"], name="posting_report_tier"
            ),
        ),
    ]
