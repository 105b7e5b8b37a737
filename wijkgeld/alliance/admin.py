"""Read-only admin views: every change goes through the services (and so into the audit log)."""

from django.contrib import admin

from wijkgeld.alliance import models


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(models.Alliance)
class AllianceAdmin(ReadOnlyAdmin):
    list_display = ["name", "area", "documents_days_before", "chair"]


@admin.register(models.Meeting)
class MeetingAdmin(ReadOnlyAdmin):
    list_display = ["title", "alliance", "kind", "starts_at", "cancelled"]
    list_filter = ["kind", "alliance"]


@admin.register(models.Document)
class DocumentAdmin(ReadOnlyAdmin):
    list_display = ["title", "meeting", "visibility", "content_type", "size", "uploaded_at"]
    exclude = ["file"]


@admin.register(models.Decision)
class DecisionAdmin(ReadOnlyAdmin):
    list_display = ["number", "title", "alliance", "decided_on", "amount_cents", "visibility"]


@admin.register(models.AgendaItem)
class AgendaItemAdmin(ReadOnlyAdmin):
    list_display = ["title", "alliance", "status", "meeting", "from_residents"]
    list_filter = ["status", "from_residents"]
