"""Admin: the budget structure and area settings are editable data; the ledger is read-only."""

from django.contrib import admin

from wijkgeld.money.models import (
    AreaFinanceSettings,
    BudgetLine,
    Commitment,
    Grant,
    LineChange,
    Payment,
    Posting,
    SupportRequest,
    Theme,
    Tranche,
    Transaction,
)


class ThemeInline(admin.TabularInline):
    model = Theme
    extra = 0


@admin.register(Tranche)
class TrancheAdmin(admin.ModelAdmin):
    list_display = ["number", "name", "first_year", "last_year", "regulation"]
    inlines = [ThemeInline]


@admin.register(AreaFinanceSettings)
class AreaFinanceSettingsAdmin(admin.ModelAdmin):
    list_display = ["area", "support_quorum", "payment_confirmation_above_cents"]


@admin.register(BudgetLine)
class BudgetLineAdmin(admin.ModelAdmin):
    list_display = ["name", "area", "year", "theme", "code", "controlled_by_delegates"]
    list_filter = ["year", "area", "controlled_by_delegates"]
    readonly_fields = ["area", "theme", "year", "code"]

    def has_add_permission(self, request):
        return False  # lines are made through the finance pages, which book their money

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyAdmin(admin.ModelAdmin):
    """The ledger is append-only, also for administrators: corrections go through reversing entries."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Transaction)
class TransactionAdmin(ReadOnlyAdmin):
    list_display = ["id", "created_at", "area", "kind", "description", "actor_label", "reverses"]
    list_filter = ["kind", "area"]


@admin.register(Posting)
class PostingAdmin(ReadOnlyAdmin):
    list_display = ["transaction", "area", "year", "theme", "line", "account", "amount_cents", "is_local"]
    list_filter = ["account", "year"]


@admin.register(Grant)
class GrantAdmin(ReadOnlyAdmin):
    list_display = ["area", "year", "theme", "funding_ministry", "amount_cents", "reference"]
    list_filter = ["year", "area", "funding_ministry"]


@admin.register(Commitment)
class CommitmentAdmin(ReadOnlyAdmin):
    list_display = ["recipient_name", "line", "amount_cents", "tier", "non_local_reason", "created_at"]
    list_filter = ["tier", "non_local_reason"]


@admin.register(Payment)
class PaymentAdmin(ReadOnlyAdmin):
    list_display = ["commitment", "amount_cents", "status", "created_at", "decided_by"]
    list_filter = ["status"]


@admin.register(LineChange)
class LineChangeAdmin(ReadOnlyAdmin):
    list_display = ["line", "kind", "amount_cents", "status", "approvals_needed", "created_at"]
    list_filter = ["status", "kind"]


@admin.register(SupportRequest)
class SupportRequestAdmin(ReadOnlyAdmin):
    list_display = ["title", "line", "amount_cents", "status", "proposed_by", "created_at"]
    list_filter = ["status"]
