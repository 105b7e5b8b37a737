from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEntry(models.Model):
    """One state change: who did what, where, to which object, with which data.

    Append-only: entries are never edited or deleted (see `save`/`delete`). Every service that
    writes calls `wijkgeld.core.audit.audit_record` inside its transaction, so the entry and the
    change it describes are committed together or not at all.
    """

    created_at = models.DateTimeField(_("time"), db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # Kept as text too, so the log stays readable for anonymous actors (a resident with a code).
    actor_label = models.CharField(_("actor"), max_length=200)
    area = models.ForeignKey(
        "areas.Area", null=True, blank=True, on_delete=models.PROTECT, related_name="audit_entries"
    )
    action = models.CharField(_("action"), max_length=100, db_index=True)
    object_type = models.CharField(max_length=100, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    object_label = models.CharField(max_length=300, blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["area", "-created_at"])]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_label} {self.action}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise RuntimeError("Audit entries are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise RuntimeError("Audit entries are append-only.")


class TaskMailSettings(models.Model):
    """Per person: whether the task e-mail is wanted, in which language, and what was last sent.

    The digest of the last mail is kept so the same list of tasks is not sent again every run.
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="task_mail")
    opted_out = models.BooleanField(_("no task e-mails"), default=False)
    language = models.CharField(_("language"), max_length=8, default="nl")
    last_digest = models.CharField(max_length=64, blank=True)
    last_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("task e-mail settings")
        verbose_name_plural = _("task e-mail settings")

    def __str__(self) -> str:
        return f"{self.user} – {'off' if self.opted_out else 'on'}"
