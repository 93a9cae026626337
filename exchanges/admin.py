from django.contrib import admin

from exchanges import models
from talks.admin import CitationInline, InlineRecordAdmin, PublishableAdmin


class QuotaInline(InlineRecordAdmin, admin.TabularInline):
    model = models.SwapQuota
    extra = 0


class ClaimInline(InlineRecordAdmin, admin.TabularInline):
    model = models.SwapClaim
    extra = 0
    autocomplete_fields = ["source"]


@admin.register(models.SwapAgreement)
class SwapAgreementAdmin(PublishableAdmin):
    list_display = ["__str__", "meeting", "date_status", "planned_date", "status", "publication"]
    list_filter = ["status", "date_status", "publication"]
    search_fields = ["formula", "note"]
    autocomplete_fields = ["meeting", "side_a", "side_b"]
    filter_horizontal = ["mediators"]
    inlines = [QuotaInline, CitationInline]


@admin.register(models.SwapStage)
class SwapStageAdmin(PublishableAdmin):
    list_display = ["__str__", "agreement", "status", "date", "publication"]
    list_filter = ["status", "publication"]
    search_fields = ["handover_place", "note"]
    autocomplete_fields = ["side_a", "side_b", "mediator"]
    inlines = [ClaimInline, CitationInline]
