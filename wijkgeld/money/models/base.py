"""A base for rows that are written once and never changed or deleted (the ledger's history), and
where their documents live."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from wijkgeld.core.storage import PrivateStorage, random_name

# Invoices and decisions can name residents and bank accounts: private, served by `money:document`.
money_storage = PrivateStorage("money")


class AppendOnlyModel(models.Model):
    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            raise RuntimeError(f"{type(self).__name__} is append-only: correct it with a reversing entry.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise RuntimeError(f"{type(self).__name__} is append-only and cannot be deleted.")


def document_path(instance, filename: str) -> str:
    """A random name: the original name (often a resident's name or an invoice number) is not kept."""
    return random_name(instance._meta.model_name, filename)


def DocumentField():  # noqa: N802 - reads as a field class in the models
    return models.FileField(
        _("document"), storage=money_storage, upload_to=document_path, blank=True, max_length=255
    )
