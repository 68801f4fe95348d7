from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import AuditEvent, Centre, Document, Membership, OutboxMessage, User


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


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    """Read-only: a document is built by its task and downloaded through its audited view (the
    file has no public URL, so the admin shows its name only)."""

    list_display = ["kind", "centre", "coverage", "status", "progress", "built_at"]
    list_filter = ["kind", "status", "centre"]
    exclude = ["file"]
    readonly_fields = [f.name for f in Document._meta.fields if f.name != "file"] + ["file_name"]

    @admin.display(description="file")
    def file_name(self, obj):
        return obj.file.name

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
