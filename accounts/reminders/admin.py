"""Admin views of subscriptions and of every reminder's fate: failures and their errors are listed here."""

from django.contrib import admin
from django.db import models
from django.utils import timezone

from accounts.models import Reminder, Subscription


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ["user", "track", "channel", "lead_minutes", "created_at", "unsubscribed_at"]
    list_filter = ["channel", ("unsubscribed_at", admin.EmptyFieldListFilter)]
    list_select_related = ["user", "track"]
    search_fields = ["user__username", "user__email", "webhook_url"]
    readonly_fields = ["secret", "unsubscribe_token", "created_at"]
    raw_id_fields = ["user"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    list_display = ["kind", "user", "meeting", "due_at", "state", "attempts", "sent_at", "last_error", "skip_reason"]
    list_filter = ["state", "kind"]
    list_select_related = ["user", "meeting__track"]
    search_fields = ["user__username", "user__email", "key", "last_error"]
    date_hierarchy = "due_at"
    actions = ["send_again"]
    readonly_fields = [field.name for field in Reminder._meta.fields]

    def has_add_permission(self, request):
        return False  # rows are planned from the record, never typed in

    @admin.action(description="Send the selected failed reminders again")
    def send_again(self, request, queryset):
        count = queryset.filter(state=Reminder.State.FAILED).update(
            state=Reminder.State.PENDING, attempts=0, next_attempt_at=timezone.now(), updated_at=timezone.now()
        )
        self.message_user(request, f"{count} reminder(s) will be sent on the next dispatch.")
