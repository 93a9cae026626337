"""The demo swap: agreed at the first Istanbul round, 1,000 for 1,000, its date set but not disclosed."""

from django.db import transaction

from exchanges.models import Category, SwapAgreement, SwapQuota
from talks.demo import ATTR, DemoRecord, cite, published_once


@transaction.atomic
def load_swap(record: DemoRecord) -> SwapAgreement:
    agreement = published_once(
        SwapAgreement,
        {"meeting": record.meeting, "formula": "1,000 for 1,000"},
        {
            "outcome": record.swap_outcome,
            "side_a": record.ukraine,
            "side_b": record.russia,
            "date_status": SwapAgreement.DateStatus.SET_UNDISCLOSED,
            "status": SwapAgreement.Status.AGREED,
            "note": "Announced by Ukraine's head of delegation and confirmed by Russia's.",
        },
    )
    for side in (record.ukraine, record.russia):
        SwapQuota.objects.get_or_create(
            agreement=agreement, releasing_side=side, category=Category.UNSPECIFIED, defaults={"count": 1000}
        )
    report = record.sources["report"]
    cite(
        agreement,
        report,
        ATTR.ON_RECORD,
        "Umerov announced a \u201c1,000 for 1,000\u201d swap and said a date had been set, without disclosing it.",
    )
    return agreement
