from django.contrib import admin

from wijkgeld.community.models import CollectiveProfile


@admin.register(CollectiveProfile)
class CollectiveProfileAdmin(admin.ModelAdmin):
    """Verification goes through the area pages (audit-logged), so status fields are read-only here."""

    list_display = ["organisation", "area", "status", "registered_at", "verified_at", "verified_by"]
    list_filter = ["status", "area"]
    readonly_fields = ["status", "verified_at", "verified_by", "registered_at", "status_note"]
    filter_horizontal = ["themes"]
