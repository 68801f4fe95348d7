from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import AuditEvent, Centre, Membership, OutboxMessage, User


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0


@admin.register(User)
class CentreUserAdmin(UserAdmin):
    inlines = [MembershipInline]


@admin.register(Centre)
class CentreAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "target_women", "caseload_warning_threshold"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ["created_at", "actor", "centre", "action", "object_type", "object_id"]
    list_filter = ["action", "centre"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    list_display = ["scheduled_for", "purpose", "channel", "status", "attempts", "sent_at"]
    list_filter = ["status", "channel", "purpose"]
    readonly_fields = [f.name for f in OutboxMessage._meta.fields]
