from django import forms
from django.contrib import admin
from django.contrib.contenttypes.admin import GenericTabularInline
from django.db import models as db_models
from simple_history.admin import SimpleHistoryAdmin

from talks import models
from talks.permissions import can_edit, can_publish


class RecordForm(forms.ModelForm):
    edit_note = forms.CharField(
        required=False, max_length=100, help_text="Optional: why you changed it. Kept in the history."
    )


class RecordAdmin(SimpleHistoryAdmin):
    """Admin access follows talks.permissions, the same check the web views and the API use."""

    form = RecordForm
    formfield_overrides = {db_models.URLField: {"assume_scheme": "https"}}

    def save_model(self, request, obj, form, change):
        obj._change_reason = form.cleaned_data.get("edit_note") or None
        super().save_model(request, obj, form, change)

    def has_module_permission(self, request):
        return can_edit(request.user)

    def has_view_permission(self, request, obj=None):
        return can_edit(request.user)

    def has_add_permission(self, request):
        return can_edit(request.user)

    def has_change_permission(self, request, obj=None):
        return can_edit(request.user)

    def has_delete_permission(self, request, obj=None):
        return can_edit(request.user)


class InlineRecordAdmin:
    def has_view_permission(self, request, obj=None):
        return can_edit(request.user)

    has_add_permission = has_change_permission = has_delete_permission = has_view_permission


class CitationInline(InlineRecordAdmin, GenericTabularInline):
    model = models.Citation
    extra = 0
    autocomplete_fields = ["source", "via"]
    fields = ["source", "via", "attribution", "stance", "claim", "excerpt"]


class PublishableAdmin(RecordAdmin):
    actions = ["publish"]
    list_filter = ["publication"]
    readonly_fields = ["published_at", "deleted_at"]

    @admin.action(description="Publish the selected drafts")
    def publish(self, request, queryset):
        if not can_publish(request.user):
            self.message_user(request, "You may not publish.", level="error")
            return
        for record in queryset:
            record.publish()

    def delete_model(self, request, obj):
        """Published records are deleted softly: they leave public views and stay in history."""
        if obj.is_published:
            obj.soft_delete()
        else:
            obj.delete()

    def delete_queryset(self, request, queryset):
        # The bulk "delete selected" action too: one by one, so published records are only hidden.
        for obj in queryset:
            self.delete_model(request, obj)


@admin.register(models.Party)
class PartyAdmin(RecordAdmin):
    list_display = ["name", "kind", "country_code"]
    search_fields = ["name", "short_name"]
    prepopulated_fields = {"slug": ["name"]}


class PersonAliasInline(InlineRecordAdmin, admin.TabularInline):
    model = models.PersonAlias
    extra = 0


class PersonRoleInline(InlineRecordAdmin, admin.TabularInline):
    model = models.PersonRole
    fk_name = "person"
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(models.Person)
class PersonAdmin(RecordAdmin):
    list_display = ["name", "party"]
    search_fields = ["name", "native_name", "aliases__name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [PersonAliasInline, PersonRoleInline]


@admin.register(models.Area)
class AreaAdmin(RecordAdmin):
    list_display = ["name", "iso_code", "kind", "country_code"]
    search_fields = ["name", "iso_code"]
    prepopulated_fields = {"slug": ["name"]}


class TrackParticipantInline(InlineRecordAdmin, admin.TabularInline):
    model = models.TrackParticipant
    extra = 0
    autocomplete_fields = ["party"]


@admin.register(models.Track)
class TrackAdmin(PublishableAdmin):
    list_display = ["name", "status", "publication", "started_on"]
    list_filter = ["status", "publication"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [TrackParticipantInline]


class SessionInline(InlineRecordAdmin, admin.TabularInline):
    model = models.MeetingSession
    extra = 0


class AgendaInline(InlineRecordAdmin, admin.TabularInline):
    model = models.AgendaItem
    extra = 0


class DelegationInline(InlineRecordAdmin, admin.TabularInline):
    model = models.Delegation
    extra = 0
    show_change_link = True
    autocomplete_fields = ["party"]


class AbsenceInline(InlineRecordAdmin, admin.TabularInline):
    model = models.Absence
    extra = 0
    autocomplete_fields = ["person", "party"]


@admin.register(models.Meeting)
class MeetingAdmin(PublishableAdmin):
    list_display = ["__str__", "date", "status", "format", "level", "publication"]
    list_filter = ["track", "status", "format", "level", "publication"]
    search_fields = ["title", "summary", "venue_city"]
    date_hierarchy = "date"
    autocomplete_fields = ["follows"]
    inlines = [SessionInline, AgendaInline, DelegationInline, AbsenceInline, CitationInline]

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.status in models.Meeting.KEPT_FOREVER:
            return False  # a cancelled or postponed round stays on the record
        return super().has_delete_permission(request, obj)


class MemberInline(InlineRecordAdmin, admin.TabularInline):
    model = models.DelegationMember
    extra = 0
    autocomplete_fields = ["person"]


@admin.register(models.Delegation)
class DelegationAdmin(RecordAdmin):
    list_display = ["__str__", "meeting"]
    list_filter = ["party"]
    inlines = [MemberInline]


class DemandEventInline(InlineRecordAdmin, admin.TabularInline):
    model = models.DemandEvent
    extra = 0
    autocomplete_fields = ["meeting", "actor"]


@admin.register(models.Demand)
class DemandAdmin(PublishableAdmin):
    list_display = ["summary", "made_by", "addressed_to", "category", "kind", "publication"]
    list_filter = ["category", "kind", "made_by", "publication"]
    search_fields = ["summary", "text"]
    filter_horizontal = ["areas"]
    inlines = [DemandEventInline, CitationInline]


class ProgressInline(InlineRecordAdmin, admin.TabularInline):
    model = models.OutcomeProgress
    extra = 0


@admin.register(models.Outcome)
class OutcomeAdmin(PublishableAdmin):
    list_display = ["summary", "meeting", "kind", "category", "publication"]
    list_filter = ["kind", "category", "publication"]
    search_fields = ["summary", "text"]
    filter_horizontal = ["parties", "areas"]
    inlines = [ProgressInline, CitationInline]


@admin.register(models.Statement)
class StatementAdmin(PublishableAdmin):
    list_display = ["__str__", "side", "said_on", "publication"]
    list_filter = ["side", "is_quote", "publication"]
    search_fields = ["text", "speaker_description", "speaker__name"]
    autocomplete_fields = ["speaker", "side", "meeting"]
    inlines = [CitationInline]


@admin.register(models.Source)
class SourceAdmin(RecordAdmin):
    list_display = ["outlet", "title", "kind", "language", "published_at"]
    list_filter = ["kind", "language"]
    search_fields = ["outlet", "title", "url"]


@admin.register(models.Absence)
class AbsenceAdmin(RecordAdmin):
    list_display = ["__str__", "meeting"]
    inlines = [CitationInline]
