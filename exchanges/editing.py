"""Editors add a stage (a tranche of an exchange) to an agreement, with each side's figures and a source."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render

from exchanges.models import Category, SwapAgreement, SwapClaim, SwapStage
from talks.editing.access import editor_required, posted
from talks.editing.fields import CiteForm, DateInput, ErrorsByTheField, NoteForm
from talks.services import record_add


class StageForm(NoteForm, ErrorsByTheField, CiteForm, forms.ModelForm):
    """A stage between the agreement's two sides; each side's figure for what it released, as announced."""

    released_by_a = forms.IntegerField(min_value=0, required=False)
    released_by_b = forms.IntegerField(min_value=0, required=False)
    category = forms.ChoiceField(choices=Category.choices, initial=Category.PRISONERS_OF_WAR)

    class Meta:
        model = SwapStage
        fields = ["status", "date", "handover_place", "handover_country", "mediator", "note"]
        widgets = {"date": DateInput(), "note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, agreement: SwapAgreement, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.agreement = agreement
        self.instance.side_a = agreement.side_a
        self.instance.side_b = agreement.side_b
        self.fields["released_by_a"].label = f"{agreement.side_a} released (as announced)"
        self.fields["released_by_b"].label = f"{agreement.side_b} released (as announced)"

    def clean(self):
        data = super().clean()
        counted = data.get("released_by_a") is not None or data.get("released_by_b") is not None
        if counted and data.get("status") != SwapStage.Status.CARRIED_OUT:
            self.add_error("status", "Figures of people released belong to a stage carried out.")
        return data

    def claims(self, stage: SwapStage, claimant) -> list[SwapClaim]:
        figures = {
            stage.side_a: self.cleaned_data.get("released_by_a"),
            stage.side_b: self.cleaned_data.get("released_by_b"),
        }
        return [
            SwapClaim(
                stage=stage, claimant=claimant, releasing_side=side, category=self.cleaned_data["category"], count=n
            )
            for side, n in figures.items()
            if n is not None
        ]


@editor_required
def add_stage(request, pk):
    agreement = get_object_or_404(SwapAgreement.objects.live().select_related("side_a", "side_b", "meeting"), pk=pk)
    form = StageForm(posted(request), agreement=agreement)
    context = {"agreement": agreement, "form": form}
    if request.method != "POST":
        return render(request, "exchanges/stage_add.html", context)
    if form.is_valid():
        try:
            _save_stage(form, request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Added a stage to {agreement}.")
            return redirect("edit-round", pk=agreement.meeting_id) if agreement.meeting_id else redirect(agreement)
    return render(request, "exchanges/stage_add.html", context, status=400)


def _save_stage(form: StageForm, user) -> SwapStage:
    """The figures are each side's own claim; without a named claimant they are recorded as announced by side A."""
    with transaction.atomic():
        note = form.cleaned_data["edit_note"]
        stage = record_add(record=form.instance, cite=form.cite(), user=user, note=note)
        for claim in form.claims(stage, claimant=stage.side_a):
            record_add(record=claim, user=user, note=note)
    return stage
