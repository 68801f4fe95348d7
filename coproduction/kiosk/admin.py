from django.contrib import admin

from .models import Tablet


@admin.register(Tablet)
class TabletAdmin(admin.ModelAdmin):
    list_display = ["name", "centre", "enrolled_at", "revoked_at"]
    list_filter = ["centre"]
    exclude = ["enrolment_code_hash", "device_key"]
