"""Changes made in Django's admin go to the same audit log as changes made through the services."""

from __future__ import annotations

from django.contrib import admin

from wijkgeld.core.audit import audit_record


def _area_of(obj):
    from wijkgeld.areas.models import Area

    if isinstance(obj, Area):
        return obj
    return getattr(obj, "area", None)


class AuditedAdmin(admin.ModelAdmin):
    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        verb = "updated" if change else "created"
        audit_record(
            actor=request.user,
            action=f"{obj._meta.app_label}.{obj._meta.model_name}.{verb}",
            area=_area_of(obj),
            obj=obj,
            data={"fields": sorted(form.changed_data), "via": "admin"},
        )

    def delete_model(self, request, obj):
        audit_record(
            actor=request.user,
            action=f"{obj._meta.app_label}.{obj._meta.model_name}.deleted",
            area=_area_of(obj),
            obj=obj,
            data={"via": "admin"},
        )
        super().delete_model(request, obj)

    def save_formset(self, request, form, formset, change):
        instances = formset.save(commit=False)
        for deleted in formset.deleted_objects:
            audit_record(
                actor=request.user,
                action=f"{deleted._meta.app_label}.{deleted._meta.model_name}.deleted",
                area=_area_of(deleted),
                obj=deleted,
                data={"via": "admin"},
            )
            deleted.delete()
        for instance in instances:
            verb = "updated" if instance.pk else "created"
            instance.save()
            audit_record(
                actor=request.user,
                action=f"{instance._meta.app_label}.{instance._meta.model_name}.{verb}",
                area=_area_of(instance),
                obj=instance,
                data={"via": "admin"},
            )
        formset.save_m2m()
