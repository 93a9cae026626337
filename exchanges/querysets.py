"""What the swap pages read, in a fixed number of queries."""

from django.db.models import OuterRef, Prefetch, Subquery

from exchanges.models import SwapAgreement, SwapClaim, SwapStage
from talks.models import Citation


def cited():
    return Prefetch("citations", queryset=Citation.objects.select_related("source", "via").order_by("id"))


def visible_stages(user):
    claims = SwapClaim.objects.select_related("claimant", "releasing_side", "source")
    return (
        SwapStage.objects.visible_to(user)
        .select_related("side_a", "side_b", "mediator")
        .prefetch_related(Prefetch("claims", queryset=claims), cited())
        .order_by("date", "id")
    )


def agreements_with_progress(user):
    last = SwapAgreement.history.model.objects.filter(id=OuterRef("pk")).order_by("-history_date", "-history_id")
    return (
        SwapAgreement.objects.visible_to(user)
        .select_related("side_a", "side_b", "meeting", "meeting__track", "outcome")
        .prefetch_related("quotas", "mediators", cited(), Prefetch("stages", queryset=visible_stages(user)))
        .annotate(last_changed_by=Subquery(last.values("history_user__username")[:1]))
    )
