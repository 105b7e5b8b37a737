"""The site administrator's admin. Roles are granted and taken away only through the services, so the
rules on who may grant what, separation of duties and the audit log hold here too."""

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from wijkgeld.accounts import role_rules, services
from wijkgeld.accounts.models import Role, User
from wijkgeld.core.admin_audit import AuditedAdmin
from wijkgeld.core.errors import DomainError


class RoleInline(admin.TabularInline):
    """Read-only here: add or remove roles under "Roles", where the services check every grant."""

    model = Role
    fk_name = "user"
    extra = 0
    can_delete = False
    fields = ["name", "area", "chosen_by", "chosen_reference", "since", "until"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class UserChangeForm(BaseUserAdmin.form):
    def clean(self):
        data = super().clean()
        if data.get("is_superuser") and self.instance.pk:
            # A superuser is a site administrator: separation of duties holds as for the role.
            residents = Role.objects.current().filter(
                user_id__in=role_rules.same_person(self.instance), name__in=role_rules.CHOSEN_BY_RESIDENTS
            )
            if residents.exists():
                raise ValidationError(
                    _(
                        "This person is a delegate or committee member; a site administrator cannot be one too."
                    )
                )
        return data


@admin.register(User)
class UserAdmin(AuditedAdmin, BaseUserAdmin):
    form = UserChangeForm
    inlines = [RoleInline]
    list_display = ["username", "display_name", "email", "is_active"]
    fieldsets = (*BaseUserAdmin.fieldsets, ("Wijkgeld", {"fields": ["display_name"]}))


class RoleAdminForm(forms.ModelForm):
    class Meta:
        model = Role
        fields = ["user", "area", "name", "chosen_by", "chosen_reference", "until"]

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        try:
            services.role_grant_check(
                actor=self.request.user,
                user=data["user"],
                area=data.get("area"),
                name=data["name"],
                chosen_by=data.get("chosen_by") or "",
                chosen_reference=data.get("chosen_reference") or "",
                until=data.get("until"),
            )
        except DomainError as exc:
            field = {"role": "name", "username": "user"}.get(exc.field or "", exc.field)
            if field in self.fields:
                raise ValidationError({field: exc.message}) from exc
            raise ValidationError(exc.message) from exc
        return data


@admin.register(Role)
class RoleAdmin(admin.ModelAdmin):
    """Add and delete only. A changed role is a new grant: take the old one away and give the new one."""

    form = RoleAdminForm
    list_display = ["user", "name", "area", "chosen_by", "until"]
    list_filter = ["name", "area"]
    autocomplete_fields = ["area"]
    actions = None  # no bulk delete: every removal goes through the service one by one

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)

        class WithRequest(form):
            def __init__(self, *args, **inner):
                super().__init__(*args, request=request, **inner)

        return WithRequest

    def has_change_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        granted = services.role_grant(
            actor=request.user,
            user=data["user"],
            area=data.get("area"),
            name=data["name"],
            chosen_by=data.get("chosen_by") or "",
            chosen_reference=data.get("chosen_reference") or "",
            until=data.get("until"),
        )
        obj.pk = granted.pk
        obj._state.adding = False

    def has_delete_permission(self, request, obj=None):
        if obj is None:
            return super().has_delete_permission(request)
        try:
            services.role_revoke_check(actor=request.user, role=obj)
        except DomainError:
            return False
        return super().has_delete_permission(request, obj)

    def delete_model(self, request, obj):
        services.role_revoke(actor=request.user, role=obj)
