from django.contrib import admin

from wijkgeld.core.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read-only: the audit log is append-only, also for administrators."""

    list_display = ["created_at", "actor_label", "area", "action", "object_label"]
    list_filter = ["action", "area"]
    search_fields = ["actor_label", "object_label", "action"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
