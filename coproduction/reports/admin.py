from django.contrib import admin

from .models import QuarterlyReport


@admin.register(QuarterlyReport)
class QuarterlyReportAdmin(admin.ModelAdmin):
    """Read-only: a report is asked for on /reports/ and built as a platform document."""

    list_display = ["quarter", "centre", "status", "built_at"]
    list_filter = ["centre"]
    readonly_fields = ["centre", "quarter", "document"]

    def has_add_permission(self, request):
        return False
