"""The register of resident collectives and bewonersbedrijven, built on `areas.Organisation`."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wijkgeld.core.languages import CONTENT_LANGUAGE_CHOICES


class CollectiveProfile(models.Model):
    """What a resident collective or bewonersbedrijf does, where, and how it meets LSA's four principles.

    Anyone may register a collective (no account needed); it stays unverified and invisible to the
    public until programme staff or a resident delegate of the area verifies it.
    """

    class Status(models.TextChoices):
        UNVERIFIED = "unverified", _("Not yet verified")
        VERIFIED = "verified", _("Verified")
        REJECTED = "rejected", _("Not accepted")

    organisation = models.OneToOneField(
        "areas.Organisation", on_delete=models.PROTECT, related_name="collective_profile"
    )
    area = models.ForeignKey("areas.Area", on_delete=models.PROTECT, related_name="collectives")
    themes = models.ManyToManyField("money.Theme", blank=True, related_name="collectives")
    activities = models.TextField(_("what you do"))
    # The language the person wrote the text in (WCAG 3.1.2: pages mark it with lang=...).
    content_language = models.CharField(
        _("language of the text"), max_length=8, choices=CONTENT_LANGUAGE_CHOICES, default="nl"
    )
    contact_name = models.CharField(_("contact person"), max_length=150, blank=True)
    contact_email = models.EmailField(_("e-mail address"), blank=True)
    contact_phone = models.CharField(_("phone number"), max_length=30, blank=True)
    contact_consent = models.BooleanField(_("show the contact details on the public page"), default=False)
    principle_area = models.TextField(_("An area that residents identify with"), blank=True)
    principle_independent = models.TextField(
        _("Independent; profit flows back to the neighbourhood"), blank=True
    )
    principle_resident_owned = models.TextField(_("Owned and run by residents"), blank=True)
    principle_cooperation = models.TextField(
        _("Works with the municipality, institutions and businesses"), blank=True
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.UNVERIFIED)
    registered_at = models.DateTimeField(_("registered at"))
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    status_note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        ordering = ["organisation__name"]
        indexes = [models.Index(fields=["area", "status"])]
        verbose_name = _("resident collective")
        verbose_name_plural = _("resident collectives")

    def __str__(self) -> str:
        return self.organisation.name

    @property
    def is_verified(self) -> bool:
        return self.status == self.Status.VERIFIED

    @property
    def principles(self) -> list[tuple[str, str]]:
        return [
            (str(self._meta.get_field(name).verbose_name), getattr(self, name))
            for name in (
                "principle_area",
                "principle_independent",
                "principle_resident_owned",
                "principle_cooperation",
            )
        ]
