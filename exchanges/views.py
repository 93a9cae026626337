from django import forms
from django.db.models import Q
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from exchanges import chart, querysets
from exchanges.models import Category, SwapAgreement, SwapStage
from talks.exports import csv_response
from talks.filters import DateRangeMixin, date_field
from talks.footnotes import Footnotes
from talks.models import Party
from talks.readers import readers_page


class SwapFilter(DateRangeMixin, forms.Form):
    party = forms.ModelChoiceField(
        queryset=Party.objects.order_by("name"), required=False, to_field_name="slug", empty_label="Any party"
    )
    status = forms.ChoiceField(required=False, choices=[("", "Any status"), *SwapAgreement.Status.choices])
    category = forms.ChoiceField(required=False, choices=[("", "Any category"), *Category.choices])
    date_from = date_field("Agreed from")
    date_to = date_field("Agreed to")

    def apply(self, agreements):
        data = self.cleaned_data
        if data["party"]:
            agreements = agreements.filter(Q(side_a=data["party"]) | Q(side_b=data["party"]))
        if data["status"]:
            agreements = agreements.filter(status=data["status"])
        if data["category"]:
            agreements = agreements.filter(quotas__category=data["category"]).distinct()
        if data["date_from"]:
            agreements = agreements.filter(meeting__date__gte=data["date_from"])
        if data["date_to"]:
            agreements = agreements.filter(meeting__date__lte=data["date_to"])
        return agreements


def series_for(agreements) -> list[chart.Series]:
    """Per releasing side, the agreed total and each carried-out stage's low and high figures."""
    by_party: dict[int, chart.Series] = {}
    for agreement in agreements:
        for side in agreement.progress():
            by_party.setdefault(side.party.pk, chart.Series(name=str(side.party))).agreed += side.agreed
        for stage in agreement.stages.all():
            if stage.status != SwapStage.Status.CARRIED_OUT or not stage.date:
                continue
            totals: dict[int, list[int]] = {}
            for (side_id, _category), (low, high) in stage.figures().items():
                pair = totals.setdefault(side_id, [0, 0])
                pair[0], pair[1] = pair[0] + low, pair[1] + high
            for side_id, (low, high) in totals.items():
                if side_id in by_party:
                    by_party[side_id].steps.append((stage.date, low, high))
    return sorted(by_party.values(), key=lambda s: -s.agreed)


def start_of(agreements):
    days = [a.meeting.date for a in agreements if a.meeting and a.meeting.date]
    return min(days) if days else None


@readers_page
def swap_list(request):
    form = SwapFilter(request.GET or None)
    agreements = querysets.agreements_with_progress(request.user)
    status = 200
    if form.is_bound and form.is_valid():
        agreements = form.apply(agreements)
    elif form.is_bound:
        agreements, status = agreements.none(), 400
    agreements = list(agreements)
    if request.GET.get("export") == "csv" and status == 200:
        return csv_response("swaps.csv", *csv_table(agreements))
    today = timezone.localdate()
    context = {
        "form": form,
        "agreements": [{"agreement": a, "progress": a.progress()} for a in agreements],
        "chart": chart.build(series_for(agreements), start_of(agreements), today),
    }
    return render(request, "exchanges/swap_list.html", context, status=status)


def csv_table(agreements):
    header = [
        "agreement",
        "formula",
        "status",
        "date",
        "round",
        "releasing side",
        "agreed",
        "released (low)",
        "released (high)",
    ]
    rows = []
    for a in agreements:
        for side in a.progress():
            rows.append(
                [
                    str(a),
                    a.formula,
                    a.get_status_display(),
                    a.planned_date or a.get_date_status_display(),
                    str(a.meeting or ""),
                    str(side.party),
                    side.agreed,
                    side.released_low,
                    side.released_high,
                ]
            )
    return header, rows


@readers_page
def swap_detail(request, pk):
    agreement = get_object_or_404(querysets.agreements_with_progress(request.user), pk=pk)
    context = {
        "agreement": agreement,
        "progress": agreement.progress(),
        "stages": list(agreement.stages.all()),
        "notes": Footnotes(),
        "chart": chart.build(series_for([agreement]), start_of([agreement]), timezone.localdate()),
    }
    return render(request, "exchanges/swap_detail.html", context)
