"""The change history of any record of the record: who changed what, when, field by field. Editors only."""

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from talks.permissions import can_edit

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


def record_history(request, label: str, pk: int):
    if not can_edit(request.user):
        raise PermissionDenied
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
        },
    )
