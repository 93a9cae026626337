from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from accounts.models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    fieldsets = (*BaseUserAdmin.fieldsets, ("Preferences", {"fields": ("time_zone",)}))
    list_display = ["username", "email", "is_active", "is_staff"]


from accounts.reminders import admin as reminders_admin  # noqa: E402,F401 - subscriptions and reminders
