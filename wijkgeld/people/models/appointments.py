"""Who acts for a bewonersbedrijf, a resident collective or the municipality inside this app.

Not an area role: a coordinator acts for one bewonersbedrijf and must not see the participants of
another one in the same area, so the appointment names the collective.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Appointment(models.Model):
    class Kind(models.TextChoices):
        COORDINATOR = "coordinator", _("Coordinator at the bewonersbedrijf")
        REPRESENTATIVE = "representative", _("Representative of the resident collective")
        MUNICIPAL_CONTACT = "municipal_contact", _("Contact person at the municipality")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    area = models.ForeignKey("areas.Area", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("task"), max_length=20, choices=Kind.choices)
    collective = models.ForeignKey(
        "community.CollectiveProfile", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    appointed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    appointed_at = models.DateTimeField(_("appointed at"))
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)

    class Meta:
        ordering = ["kind", "appointed_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind="municipal_contact", collective__isnull=True)
                | ~models.Q(kind="municipal_contact") & models.Q(collective__isnull=False),
                name="people_appointment_collective_matches_kind",
            ),
            models.UniqueConstraint(
                fields=["user", "area", "kind", "collective"],
                condition=models.Q(ended_at__isnull=True),
                name="people_appointment_once_while_active",
            ),
        ]
        verbose_name = _("appointment")
        verbose_name_plural = _("appointments")

    def __str__(self) -> str:
        return f"{self.user} – {self.get_kind_display()}"
