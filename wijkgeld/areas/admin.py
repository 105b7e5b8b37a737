from django.contrib import admin

from wijkgeld.areas.models import Area, Neighbourhood, Organisation
from wijkgeld.core.admin_audit import AuditedAdmin


class NeighbourhoodInline(admin.TabularInline):
    model = Neighbourhood
    extra = 1


@admin.register(Area)
class AreaAdmin(AuditedAdmin):
    list_display = ["name", "municipality", "cbs_code", "cbs_reference_year"]
    search_fields = ["name", "municipality"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [NeighbourhoodInline]


@admin.register(Organisation)
class OrganisationAdmin(AuditedAdmin):
    list_display = ["name", "kind", "legal_form"]
    list_filter = ["kind", "legal_form", "local_areas"]
    search_fields = ["name"]
    filter_horizontal = ["local_areas"]
