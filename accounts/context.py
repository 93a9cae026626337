"""What the signed-in person may do, for templates to show only the links that will work."""

from django.conf import settings

from accounts.permissions import can_manage_users
from talks.permissions import can_edit, can_publish


def roles(request):
    user = getattr(request, "user", None)
    return {
        "can_edit": can_edit(user),
        "can_publish": can_publish(user),
        "can_manage_users": can_manage_users(user),
        "signup_open": settings.SIGNUP_MODE == "open",
    }
