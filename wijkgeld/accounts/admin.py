from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from wijkgeld.accounts.models import Role, User
from wijkgeld.core.admin_audit import AuditedAdmin


class RoleInline(admin.TabularInline):
    model = Role
    extra = 0
    autocomplete_fields = ["area"]


@admin.register(User)
class UserAdmin(AuditedAdmin, BaseUserAdmin):
    inlines = [RoleInline]
    list_display = ["username", "display_name", "email", "is_active"]
    fieldsets = (*BaseUserAdmin.fieldsets, ("Wijkgeld", {"fields": ["display_name"]}))


@admin.register(Role)
class RoleAdmin(AuditedAdmin):
    list_display = ["user", "name", "area"]
    list_filter = ["name", "area"]
