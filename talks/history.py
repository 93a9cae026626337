"""The change history of any record of the record: who changed what, when, field by field. Editors only."""

from django.apps import apps
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from talks.permissions import can_edit
from talks.services import record_restore

HISTORY_APPS = ("talks", "exchanges")
UNDIFFED = ("updated_at", "created_at")


def history_model(label: str):
    """The model named 'app_label.model_name', if it is one of the record's and keeps a history."""
    app_label, _, model_name = label.partition(".")
    if app_label not in HISTORY_APPS:
        raise Http404("No such kind of record")
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:
        raise Http404("No such kind of record") from None
    if not hasattr(model, "history"):
        raise Http404("This kind of record keeps no history")
    return model


def versions_with_changes(record) -> list[dict]:
    """Newest first: each version with the fields it changed against the one before."""
    versions = list(record.history.select_related("history_user").order_by("history_date", "history_id"))
    rows = []
    for before, after in zip([None, *versions], versions, strict=False):
        changes = []
        if before is not None:
            delta = after.diff_against(before, excluded_fields=UNDIFFED)
            changes = [{"field": c.field, "old": c.old, "new": c.new} for c in delta.changes]
        rows.append({"version": after, "changes": changes})
    return rows[::-1]


def _editors_only(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not can_edit(request.user):
        raise PermissionDenied
    return None


def record_history(request, label: str, pk: int, status: int = 200, error: str = ""):
    if refused := _editors_only(request):
        return refused
    model = history_model(label)
    record = get_object_or_404(model, pk=pk)
    return render(
        request,
        "talks/record_history.html",
        {
            "record": record,
            "label": label,
            "model_name": model._meta.verbose_name,
            "rows": versions_with_changes(record),
            "error": error,
        },
        status=status,
    )


@require_POST
def restore_version(request, label: str, pk: int, history_id: int):
    """Put the record back as it was at that version (soft-deleted records come back too)."""
    if refused := _editors_only(request):
        return refused
    model = history_model(label)
    record = get_object_or_404(model, pk=pk)
    version = get_object_or_404(record.history, history_id=history_id)
    note = request.POST.get("edit_note", "").strip()[:100]
    try:
        record_restore(version=version, user=request.user, note=note)
    except ValidationError as error:
        message = "That version cannot be restored: " + " ".join(error.messages)
        return record_history(request, label, pk, status=400, error=message)
    messages.success(request, f"Restored {record} to the version of {version.history_date:%Y-%m-%d %H:%M} UTC.")
    return redirect("record-history", label=label, pk=pk)
