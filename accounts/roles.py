"""Roles are Django groups holding permissions; talks.permissions asks the permissions, never the group names."""

from django.apps import apps as global_apps

ANALYST = "Analyst"
EDITOR = "Editor"
ADMIN = "Admin"
ROLES = (ANALYST, EDITOR, ADMIN)

RECORD_APPS = ("talks", "exchanges")


def sync_roles(apps=global_apps) -> None:
    """Create the three groups with their permissions; safe to run again (a data migration and tests call it)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    record_permissions = Permission.objects.filter(content_type__app_label__in=RECORD_APPS)
    account_permissions = Permission.objects.filter(content_type__app_label__in=("accounts", "auth"))

    analyst, _ = Group.objects.get_or_create(name=ANALYST)
    editor, _ = Group.objects.get_or_create(name=EDITOR)
    admin, _ = Group.objects.get_or_create(name=ADMIN)
    analyst.permissions.set([])
    editor.permissions.set(record_permissions)
    admin.permissions.set(record_permissions | account_permissions)


STAFF_ROLES = (EDITOR, ADMIN)


def staff_follows_role(user) -> None:
    """Editors and admins may use the admin site, others not; superusers keep their access whatever their group."""
    if user.is_superuser:
        return
    is_staff = user.groups.filter(name__in=STAFF_ROLES).exists()
    if user.is_staff != is_staff:
        type(user).objects.filter(pk=user.pk).update(is_staff=is_staff)
        user.is_staff = is_staff
