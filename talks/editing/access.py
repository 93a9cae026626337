"""Who may open the editing pages: anonymous readers are sent to log in, everyone else asks talks.permissions."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from talks.permissions import can_edit, can_publish


def _requires(check):
    def decorator(view):
        @wraps(view)
        def guarded(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not check(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return guarded

    return decorator


editor_required = _requires(can_edit)
publisher_required = _requires(can_publish)


def posted(request):
    """The form data of a POST (even an empty one, so it is validated and its errors shown), else None."""
    return request.POST if request.method == "POST" else None
