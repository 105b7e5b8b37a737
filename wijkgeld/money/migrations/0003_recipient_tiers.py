"""Tiers of recipients (resident-led, other local, outside) and the record of the "tenzij" question."""

import django.db.models.deletion
from django.db import migrations, models

REASONS = [
    ("no_local_expertise", "No local party has this expertise"),
    ("no_local_capacity", "No local party has the capacity"),
    ("legally_required", "A legally required provider"),
    ("existing_contract", "Continuation of an existing contract"),
    ("other", "Other reason"),
    ("booked_before_rule", "Booked before public bodies counted as outside the neighbourhood"),
]
TIERS = [
    ("resident_led", "Resident-led"),
    ("local_organisation", "Other local organisation"),
    ("outside", "Outside the neighbourhood"),
]


class Migration(migrations.Migration):
    dependencies = [
        ("areas", "0002_organisation_public_body_kinds"),
        ("money", "0002_budget_structure"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="commitment", name="commitment_non_local_has_reason"),
        migrations.AlterField(
            model_name="commitment",
            name="non_local_reason",
            field=models.CharField(
                blank=True,
                choices=REASONS,
                max_length=32,
                verbose_name="reason the money does not go to a resident-led recipient",
            ),
        ),
        migrations.AlterField(
            model_name="supportrequest",
            name="non_local_reason",
            field=models.CharField(
                blank=True, choices=REASONS, max_length=32, verbose_name="reason for a supplier outside the area"
            ),
        ),
        migrations.AddField(
            model_name="commitment",
            name="tier",
            field=models.CharField(choices=TIERS, default="outside", max_length=20, verbose_name="tier"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="posting",
            name="tier",
            field=models.CharField(blank=True, choices=TIERS, default="", max_length=20),
        ),
        migrations.AddField(
            model_name="supportrequest",
            name="consultations",
            field=models.JSONField(blank=True, default=list, verbose_name="collectives asked"),
        ),
        migrations.CreateModel(
            name="CollectiveConsultation",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "answer",
                    models.CharField(
                        choices=[
                            ("took_it_on", "Took it on (in part)"),
                            ("no_capacity", "Asked: no capacity"),
                            ("not_asked", "Not asked"),
                        ],
                        max_length=16,
                        verbose_name="answer",
                    ),
                ),
                ("why", models.CharField(blank=True, max_length=500, verbose_name="why")),
                (
                    "collective",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT, related_name="+", to="areas.organisation"
                    ),
                ),
                (
                    "commitment",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="consultations",
                        to="money.commitment",
                    ),
                ),
            ],
            options={
                "verbose_name": "question to a resident collective",
                "verbose_name_plural": "questions to resident collectives",
                "ordering": ["collective__name", "id"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("commitment", "collective"), name="consultation_once_per_collective"
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("answer", "took_it_on"), models.Q(("why", ""), _negated=True), _connector="OR"),
                        name="consultation_why_given",
                    ),
                ],
            },
        ),
    ]
