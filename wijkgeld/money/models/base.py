"""A base for rows that are written once and never changed or deleted (the ledger's history)."""

from __future__ import annotations

from django.db import models


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
    return f"money/{instance._meta.model_name}/{filename}"
