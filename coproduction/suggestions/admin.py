from django.contrib import admin

from .models import Poster, Suggestion


@admin.register(Suggestion)
class SuggestionAdmin(admin.ModelAdmin):
    list_display = ["receipt_code", "centre", "source", "status", "screening", "received_on"]
    list_filter = ["centre", "status", "screening", "source"]
    search_fields = ["receipt_code"]
    raw_id_fields = ["owner", "duplicate_of"]


@admin.register(Poster)
class PosterAdmin(admin.ModelAdmin):
    list_display = ["centre", "state", "built_at", "item_count"]
    exclude = ["pdf"]
