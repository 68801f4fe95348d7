from django.contrib import admin

from .models import Suggestion


@admin.register(Suggestion)
class SuggestionAdmin(admin.ModelAdmin):
    list_display = ["receipt_code", "centre", "source", "status", "screening", "received_on"]
    list_filter = ["centre", "status", "screening", "source"]
    search_fields = ["receipt_code"]
    raw_id_fields = ["owner", "duplicate_of"]
