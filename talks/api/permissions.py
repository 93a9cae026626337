"""Anyone reads what is published; editors write; publishing is an editor's act (talks.permissions decides)."""

from rest_framework import permissions

from talks.permissions import can_edit, can_publish


class RecordPermission(permissions.BasePermission):
    message = "Writing the record is for editors."

    def has_permission(self, request, view):
        return request.method in permissions.SAFE_METHODS or can_edit(request.user)


def may_publish(user) -> bool:
    return can_publish(user)
