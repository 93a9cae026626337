from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from accounts.models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    fieldsets = (*BaseUserAdmin.fieldsets, ("Preferences", {"fields": ("time_zone",)}))
    list_display = ["username", "email", "role", "is_active", "is_staff", "last_login"]
    list_filter = ["groups", "is_active", "is_staff"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups")

    @admin.display(description="Role")
    def role(self, user):
        # The role is the group (accounts.roles): admins change it under Permissions > Groups.
        return ", ".join(group.name for group in user.groups.all()) or "Reader"


from accounts.reminders import admin as reminders_admin  # noqa: E402,F401 - subscriptions and reminders
