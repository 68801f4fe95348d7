from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import services
from .models import AuditEvent, Centre, Document, Invitation, Membership, OutboxMessage, User
from .outbox import outbox_failed_retry


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0


@admin.register(User)
class CentreUserAdmin(UserAdmin):
    """The organisation administrator (a superuser) resets the sign-in of people who work at
    more than one centre, which no single centre's manager may do. Both actions are audited and
    emailed to the person."""

    inlines = [MembershipInline]
    actions = ["reset_second_factor", "end_sessions"]

    @admin.action(description=gettext_lazy("Reset sign-in app and sign out everywhere"))
    def reset_second_factor(self, request, queryset):
        for person in queryset:
            try:
                services.second_factor_reset(user=person, changed_by=request.user)
            except ValidationError as error:
                self.message_user(request, error.messages[0], messages.ERROR)
            else:
                self.message_user(request, _("%(name)s: sign-in app reset.") % {"name": person})

    @admin.action(description=gettext_lazy("Sign out everywhere"))
    def end_sessions(self, request, queryset):
        for person in queryset:
            services.user_sessions_end(
                user=person,
                ended_by=request.user,
                centre=None,
                reason=_("An organisation administrator signed you out."),
            )
        self.message_user(request, _("Signed out: %(count)d.") % {"count": queryset.count()})


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "centre", "role", "created_at", "expires_at", "accepted_at"]
    list_filter = ["centre"]
    readonly_fields = [f.name for f in Invitation._meta.fields]

    def has_add_permission(self, request):
        return False  # invitations are sent from a centre's team page, so the email goes out


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
    actions = ["retry_failed"]

    @admin.action(description=gettext_lazy("Send the selected failed messages again"))
    def retry_failed(self, request, queryset):
        count = outbox_failed_retry(message_ids=list(queryset.values_list("pk", flat=True)))
        self.message_user(
            request,
            _("%(n)s failed message(s) queued again; sent messages are never resent.")
            % {"n": count},
        )


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
