"""Finding the record an editing URL names ("talks.outcome", 12), and showing a field's value to a person."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from talks.history import history_model
from talks.models.base import Citable, Publishable


def record_or_404(label: str, pk: int, *, kind=None):
    """A live record of the kind the label names; `kind` narrows it (Citable, Publishable)."""
    model = history_model(label)
    if kind is not None and not issubclass(model, kind):
        raise Http404("That kind of record cannot be changed this way")
    manager = model._default_manager
    queryset = manager.live() if issubclass(model, Publishable) else manager.all()
    return get_object_or_404(queryset, pk=pk)


def citable_or_404(label: str, pk: int):
    return record_or_404(label, pk, kind=Citable)


def publishable_or_404(label: str, pk: int):
    return record_or_404(label, pk, kind=Publishable)


def label_of(record) -> str:
    return record._meta.label_lower


def shown(record, name: str) -> str:
    """A field's value as a reader would say it: choice labels, related records' names, (empty)."""
    field = record._meta.get_field(name)
    value = getattr(record, name)
    if field.choices:
        value = dict(field.flatchoices).get(value, value)
    if value in (None, ""):
        return "(empty)"
    return str(value)
