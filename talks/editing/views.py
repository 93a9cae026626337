"""Editors log a round in one form, publish it when it is ready, and take records out of public view."""

from django.contrib import messages
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from talks.editing.access import editor_required, posted, publisher_required
from talks.editing.fields import NoteForm
from talks.editing.forms import RoundLogForm
from talks.editing.records import label_of, publishable_or_404
from talks.models import Meeting
from talks.services import RoundLogError, record_soft_delete, round_log, round_publish


@editor_required
def index(request):
    rounds = (
        Meeting.objects.live()
        .select_related("track")
        .annotate(outcome_count=Count("outcomes", distinct=True))
        .order_by("-updated_at")[:50]
    )
    return render(request, "editing/index.html", {"rounds": rounds})


@editor_required
def log_round(request):
    form = RoundLogForm(posted(request))
    note = NoteForm(posted(request))
    if request.method == "POST":
        if form.is_valid() and note.is_valid():
            try:
                meeting = round_log(log=form.log(), user=request.user, note=note.cleaned_data["edit_note"])
            except RoundLogError as error:
                form.add_problems(error.problems)
            else:
                messages.success(request, f"{meeting} is saved as a draft. Publish it when it is ready.")
                return redirect("edit-round", pk=meeting.pk)
        return render(request, "editing/log_round.html", {"form": form, "note": note}, status=400)
    return render(request, "editing/log_round.html", {"form": form, "note": note})


@require_POST
@publisher_required
def publish_round(request, pk):
    meeting = get_object_or_404(Meeting.objects.live(), pk=pk)
    note = NoteForm(request.POST)
    count = round_publish(
        meeting=meeting, user=request.user, note=note.cleaned_data["edit_note"] if note.is_valid() else ""
    )
    messages.success(request, f"Published {meeting} ({count} record{'s' if count != 1 else ''}).")
    return redirect("edit-round", pk=meeting.pk)


@editor_required
def delete_record(request, label, pk):
    """Soft deletion: the record leaves every public view and stays in the history, where it can be restored."""
    record = publishable_or_404(label, pk)
    note = NoteForm(posted(request))
    if request.method == "POST" and note.is_valid():
        record_soft_delete(record=record, user=request.user, note=note.cleaned_data["edit_note"])
        messages.success(request, f"Deleted {record}. It stays in the history, from where it can be restored.")
        return redirect("edit-index")
    status = 400 if request.method == "POST" else 200
    context = {"record": record, "note": note, "label": label_of(record)}
    return render(request, "editing/delete.html", context, status=status)
