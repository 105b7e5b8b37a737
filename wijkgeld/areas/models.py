from __future__ import annotations

from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wijkgeld.areas import tiers

cbs_code_validator = RegexValidator(r"^GM\d{4}$", _("A CBS municipality code looks like GM0599."))
postcode_validator = RegexValidator(r"^\d{4}$", _("Use the four digits of a postcode, for example 3083."))


class Area(models.Model):
    """An NPLV focus area. Not a CBS unit: a named set of neighbourhoods that an administrator edits."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    municipality = models.CharField(_("municipality"), max_length=120)
    # Municipality codes change with mergers, so the code is stored with the year it refers to.
    cbs_code = models.CharField(_("CBS municipality code"), max_length=6, validators=[cbs_code_validator])
    cbs_reference_year = models.PositiveSmallIntegerField(_("reference year of the code"), default=2024)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("area")
        verbose_name_plural = _("areas")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("public:area", kwargs={"slug": self.slug})


class Neighbourhood(models.Model):
    """A neighbourhood (buurt/wijk) that belongs to an area, with an optional postcode range."""

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="neighbourhoods")
    name = models.CharField(_("name"), max_length=120)
    postcode_from = models.CharField(
        _("postcode from"), max_length=4, blank=True, validators=[postcode_validator]
    )
    postcode_to = models.CharField(
        _("postcode to"), max_length=4, blank=True, validators=[postcode_validator]
    )

    class Meta:
        ordering = ["area", "name"]
        constraints = [models.UniqueConstraint(fields=["area", "name"], name="neighbourhood_unique_per_area")]
        verbose_name = _("neighbourhood")
        verbose_name_plural = _("neighbourhoods")

    def __str__(self) -> str:
        return self.name

    @property
    def postcode_range(self) -> str:
        if self.postcode_from and self.postcode_to and self.postcode_from != self.postcode_to:
            return f"{self.postcode_from}–{self.postcode_to}"
        return self.postcode_from or ""


class Organisation(models.Model):
    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("Municipality")
        HOUSING = "housing_corporation", _("Housing corporation")
        POLICE = "police", _("Police")
        PROVINCE = "province", _("Province")
        NATIONAL = "national_government", _("National government (Rijk)")
        PUBLIC_OTHER = "public_body", _("Other government body")
        CARE = "care_welfare", _("Care and welfare")
        SCHOOL = "school", _("School")
        EMPLOYER = "employer", _("Employer")
        COLLECTIVE = "resident_collective", _("Resident collective")
        ENTERPRISE = "bewonersbedrijf", _("Resident enterprise (bewonersbedrijf)")
        OTHER = "other", _("Other")

    class LegalForm(models.TextChoices):
        INFORMAL = "informal", _("Informal (no legal entity)")
        STICHTING = "stichting", _("Foundation (stichting)")
        VERENIGING = "vereniging", _("Association (vereniging)")
        COOPERATIE = "cooperatie", _("Cooperative (coöperatie)")
        BV = "bv", _("Private company (bv)")
        PUBLIC = "public_body", _("Public body")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    legal_form = models.CharField(_("legal form"), max_length=32, choices=LegalForm.choices)
    kvk_number = models.CharField(
        _("KvK number"),
        max_length=8,
        blank=True,
        validators=[RegexValidator(r"^\d{8}$", _("A KvK number has 8 digits."))],
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    # The areas where this organisation is local: rooted in and working from the neighbourhood.
    local_areas = models.ManyToManyField(Area, blank=True, related_name="local_organisations")

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["name", "kind"], name="organisation_unique_name_kind"),
            models.CheckConstraint(
                condition=~models.Q(kvk_number__gt="") | ~models.Q(legal_form="informal"),
                name="informal_has_no_kvk",
            ),
        ]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name

    @property
    def is_resident_led(self) -> bool:
        return self.kind in {self.Kind.COLLECTIVE, self.Kind.ENTERPRISE}

    @property
    def is_public_body(self) -> bool:
        """Municipality, police, province, Rijk or any government body: never "in de wijk"."""
        return tiers.is_public_body(kind=self.kind, legal_form=self.legal_form)

    def is_local_to(self, area: Area) -> bool:
        return self.local_areas.filter(pk=area.pk).exists()

    def tier_in(self, area: Area) -> str:
        """resident_led, local_organisation or outside (see `wijkgeld.areas.tiers`)."""
        return tiers.recipient_tier(
            kind=self.kind, legal_form=self.legal_form, local_to_area=self.is_local_to(area)
        )
