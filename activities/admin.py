from django.contrib import admin

from .models import Activity, Room, Session, Term


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = ["name", "centre", "kind", "status"]
    list_filter = ["centre", "kind", "status"]
    search_fields = ["name"]


@admin.register(Session)
class SessionAdmin(admin.ModelAdmin):
    list_display = ["activity", "date", "start_time", "status"]
    list_filter = ["status"]
    raw_id_fields = ["activity", "schedule"]


admin.site.register(Room)
admin.site.register(Term)
