"""Updating a round as news comes in. An edit saved over someone else's newer change is refused (409) and the
editor sees both versions; nothing is silently overwritten."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from talks.editing.access import editor_required, posted
from talks.editing.records import citable_or_404, label_of, shown
from talks.editing.update_forms import MeetingEditForm, ProgressForm, SessionForm, SourceForm, StatusForm
from talks.models import Meeting, Outcome
from talks.permissions import can_publish
from talks.services import StaleEdit, cite_fact, record_add, record_save, version_of


def _round(pk):
    outcomes = Outcome.objects.live().prefetch_related("implementation", "citations")
    return get_object_or_404(
        Meeting.objects.live()
        .select_related("track")
        .prefetch_related(
            "sessions",
            "citations",
            "delegations__party",
            "delegations__members__person",
            "absences__person",
            "absences__citations",
            "statements__citations",
            "statements__speaker",
            "demand_events__demand",
            "demand_events__citations",
            "swap_agreements",
            Prefetch("outcomes", queryset=outcomes),
        ),
        pk=pk,
    )


def _round_page(request, meeting, status=200, **forms):
    context = {
        "meeting": meeting,
        "status_form": forms.get("status_form") or StatusForm(instance=meeting, prefix="status"),
        "session_form": forms.get("session_form") or SessionForm(meeting=meeting, prefix="session"),
        "label": label_of(meeting),
        "can_publish": can_publish(request.user),
    }
    return render(request, "editing/round.html", context, status=status)


@editor_required
def round_page(request, pk):
    return _round_page(request, _round(pk))


def _versioned_save(request, form, invalid):
    """Save the form's record unless it changed since the form was loaded; on a conflict show both versions.

    Returns None when saved, else the response to send: `invalid(form)` for bad input, or the conflict page.
    """
    if not form.is_valid():
        return invalid(form)
    try:
        record_save(
            record=form.instance,
            version=form.cleaned_data["version"],
            user=request.user,
            note=form.cleaned_data["edit_note"],
        )
    except StaleEdit as stale:
        return _conflict(request, form, stale.current)
    except ValidationError as error:
        form.add_error(None, error)
        return invalid(form)
    return None


def _conflict(request, form, current):
    """Both versions side by side, and the editor's form again, now based on the current version."""
    names = [name for name in form.Meta.fields if name in form.cleaned_data]
    rows = [
        {"label": form.fields[name].label, "yours": shown(form.instance, name), "theirs": shown(current, name)}
        for name in names
    ]
    data = request.POST.copy()
    data[form.add_prefix("version")] = version_of(current)
    retry = type(form)(data, instance=type(current)._default_manager.get(pk=current.pk), prefix=form.prefix)
    latest = current.history.select_related("history_user").order_by("-history_date").first()
    context = {"record": current, "rows": rows, "form": retry, "latest": latest, "action": request.path}
    return render(request, "editing/conflict.html", context, status=409)


@editor_required
def edit_round(request, pk):
    meeting = get_object_or_404(Meeting.objects.live(), pk=pk)
    form = MeetingEditForm(posted(request), instance=meeting)
    if request.method != "POST":
        return render(request, "editing/round_edit.html", {"meeting": meeting, "form": form})

    def invalid(form):
        return render(request, "editing/round_edit.html", {"meeting": meeting, "form": form}, status=400)

    response = _versioned_save(request, form, invalid)
    if response:
        return response
    messages.success(request, f"Saved {meeting}.")
    return redirect("edit-round", pk=pk)


@editor_required
def change_status(request, pk):
    if request.method != "POST":
        return redirect("edit-round", pk=pk)
    meeting = _round(pk)
    form = StatusForm(request.POST, instance=meeting, prefix="status")
    response = _versioned_save(request, form, lambda form: _round_page(request, _round(pk), 400, status_form=form))
    if response:
        return response
    messages.success(request, f"{meeting} is now {meeting.get_status_display().lower()}.")
    return redirect("edit-round", pk=pk)


@editor_required
def add_session(request, pk):
    meeting = _round(pk)
    if request.method != "POST":
        return redirect("edit-round", pk=pk)
    form = SessionForm(request.POST, meeting=meeting, prefix="session")
    if not form.is_valid():
        return _round_page(request, meeting, status=400, session_form=form)
    record_add(record=form.instance, user=request.user, note=form.cleaned_data["edit_note"])
    messages.success(request, f"Added session {form.instance.sequence}.")
    return redirect("edit-round", pk=pk)


@editor_required
def add_progress(request, pk):
    outcome = get_object_or_404(Outcome.objects.live().select_related("meeting"), pk=pk)
    form = ProgressForm(posted(request), outcome=outcome)
    context = {"outcome": outcome, "form": form}
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "editing/progress.html", context, status=400)
        progress = record_add(
            record=form.instance, cite=form.cite(), user=request.user, note=form.cleaned_data["edit_note"]
        )
        messages.success(
            request, f"Recorded: {outcome} — {progress.get_status_display().lower()} as of {progress.as_of}."
        )
        return redirect("edit-round", pk=outcome.meeting_id)
    return render(request, "editing/progress.html", context)


@editor_required
def add_source(request, label, pk):
    fact = citable_or_404(label, pk)
    form = SourceForm(posted(request))
    context = {"fact": fact, "form": form, "citations": fact.citations.select_related("source")}
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "editing/source.html", context, status=400)
        cite_fact(fact=fact, cite=form.cite(), user=request.user, note=form.cleaned_data["edit_note"])
        messages.success(request, f"Added a source to {fact}.")
        return redirect(_back_to(fact))
    return render(request, "editing/source.html", context)


def _back_to(fact) -> str:
    """After citing a fact, back to the round it belongs to."""
    if isinstance(fact, Meeting):
        return reverse("edit-round", kwargs={"pk": fact.pk})
    meeting_id = getattr(fact, "meeting_id", None) or getattr(getattr(fact, "outcome", None), "meeting_id", None)
    return reverse("edit-round", kwargs={"pk": meeting_id}) if meeting_id else reverse("edit-index")
