from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person with an account. We keep a display name and an e-mail address; never a BSN.

    Residents who only vote or submit an idea do not need an account at all.
    """

    display_name = models.CharField(_("display name"), max_length=150, blank=True)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.display_name or self.get_username()


class RoleQuerySet(models.QuerySet):
    def current(self, on: dt.date | None = None):
        """Roles that hold on this day: a term that has ended (or not begun) gives no rights."""
        on = on or timezone.localdate()
        return self.filter(models.Q(until__isnull=True) | models.Q(until__gte=on)).filter(
            models.Q(since__isnull=True) | models.Q(since__lte=on)
        )


class Role(models.Model):
    """What a user may do, per area. A role without an area holds in every area (site admin, the Rijk).

    Resident delegates and fund committee members are chosen by residents, not by the municipality:
    their grant records how they were chosen (`chosen_by`, `chosen_reference`) and when the term ends
    (`until`). Grants go through `accounts.services.role_grant`, which enforces who may grant what.
    """

    class Name(models.TextChoices):
        RESIDENT = "resident", _("Resident")
        DELEGATE = "resident_delegate", _("Resident delegate")
        COMMITTEE = "fund_committee", _("Fund committee member")
        STAFF = "programme_staff", _("Programme staff")
        FINANCE = "finance", _("Finance")
        OBSERVER = "observer", _("Observer (read-only)")
        # A person who speaks for an alliance partner (corporation, police, school...) in this area.
        PARTNER = "alliance_partner", _("Alliance partner")
        # Helps residents vote at a table in the buurthuis (docs/voting.md, "Help desk"). Given by the
        # area's fund committee, never by the volunteer to themselves.
        HELP_DESK = "help_desk", _("Help-desk volunteer")
        ADMIN = "site_admin", _("Site administrator")

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="roles")
    area = models.ForeignKey(
        "areas.Area", null=True, blank=True, on_delete=models.CASCADE, related_name="roles"
    )
    name = models.CharField(_("role"), max_length=32, choices=Name.choices)

    class ChosenBy(models.TextChoices):
        PLATFORM = "residents_platform", _("Nominated by the residents' platform")
        WIJKRAAD = "wijkraad", _("Nominated by the wijkraad")
        ELECTED = "elected", _("Elected by residents")

    since = models.DateField(_("since"), null=True, blank=True)
    until = models.DateField(_("until"), null=True, blank=True)
    chosen_by = models.CharField(_("chosen by"), max_length=32, choices=ChosenBy.choices, blank=True)
    chosen_reference = models.CharField(_("reference to the residents' decision"), max_length=200, blank=True)
    granted_at = models.DateTimeField(_("granted at"), null=True, blank=True)
    granted_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("granted by")
    )

    objects = RoleQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "area", "name"], name="role_unique_per_area"),
            models.UniqueConstraint(
                fields=["user", "name"], condition=models.Q(area__isnull=True), name="role_unique_global"
            ),
            models.CheckConstraint(
                condition=models.Q(area__isnull=False) | models.Q(name__in=["site_admin", "observer"]),
                name="role_global_only_admin_or_observer",
            ),
        ]
        verbose_name = _("role")
        verbose_name_plural = _("roles")

    def __str__(self) -> str:
        where = self.area.name if self.area_id else _("all areas")
        return f"{self.user} – {self.get_name_display()} ({where})"
