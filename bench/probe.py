"""The benchmark's URLs for one database, and what each costs in queries (Django's test client with
CaptureQueriesContext). Run by bench.run in a subprocess: `python -m bench.probe` prints JSON.

It also touches 1% of the rounds, as an editor's day of changes would, so the sync page has a fresh
`updated_since` to read from.
"""

import datetime
import json
import os

PAGE = 50  # the API's default page size (ROUNDTABLE_API["PAGE_SIZE"])
DETAIL_INCLUDE = "sessions,agenda,delegations,absences,demands,outcomes,statements,citations"


def cursor_after(row_id: int) -> str:
    from talks.api.pagination import encode

    return encode([row_id])


def urls() -> dict[str, str]:
    from django.db.models import Max

    from talks.api.visibility import published
    from talks.models import Demand, Meeting, Track

    ids = list(published(Meeting.objects.all()).order_by("id").values_list("id", flat=True))
    page = max(2, min(100, len(ids) // PAGE))
    touched = ids[:: max(1, len(ids) // max(PAGE * 2, len(ids) // 100))]
    # Every touched row is newer than any other, whenever the data was made; the filter takes whole seconds.
    newest = Meeting.objects.aggregate(newest=Max("updated_at"))["newest"]
    since = newest.replace(microsecond=0) + datetime.timedelta(seconds=2)
    Meeting.objects.filter(id__in=touched).update(updated_at=since + datetime.timedelta(milliseconds=500))
    middle = ids[len(ids) // 2]
    track = Track.objects.get(meetings__id=middle)
    demand_track = Demand.objects.filter(category="territorial").order_by("id").values_list("track_id", flat=True)[0]
    return {
        "api_list_p100": f"/api/v1/meetings/?cursor={cursor_after(ids[(page - 1) * PAGE - 1])}"
        "&include=delegations,demands",
        "api_detail": f"/api/v1/meetings/{middle}/?include={DETAIL_INCLUDE}",
        "api_first": "/api/v1/meetings/",
        "api_deep": f"/api/v1/meetings/?cursor={cursor_after(ids[-PAGE - 1])}",
        "api_sync": f"/api/v1/meetings/?updated_since={since.strftime('%Y-%m-%dT%H:%M:%SZ')}",
        "api_csv": f"/api/v1/demands/?format=csv&track={demand_track}&category=territorial",
        "page_track": f"/tracks/{track.slug}/",
        "page_round": f"/rounds/{middle}/",
        "page_search": "/search/?q=ceasefire",
    }, {"list_page": page, "rounds": len(ids), "touched": len(touched)}


def costs(found: dict[str, str]) -> dict[str, dict]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    out = {}
    for name, url in found.items():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
            body = b"".join(response.streaming_content) if response.streaming else response.content
        out[name] = {"status": response.status_code, "queries": len(queries), "bytes": len(body)}
    return out


def main():
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
    django.setup()
    found, facts = urls()
    print(json.dumps({"urls": found, "facts": facts, "costs": costs(found)}))


if __name__ == "__main__":
    main()
