from django.shortcuts import render
from django.urls import reverse

from talks.exports import absolute, csv_response
from talks.readers import readers_page
from talks.search import KINDS
from talks.search import search as search_record


def url_of(record) -> str:
    """Where a result is read: outcomes and statements on their round's page."""
    if hasattr(record, "get_absolute_url"):
        return record.get_absolute_url()
    if getattr(record, "meeting_id", None):
        return record.meeting.get_absolute_url()
    if hasattr(record, "slug"):
        return reverse("person-detail", args=[record.slug])
    return record.url or ""


def _page(request) -> int:
    try:
        return int(request.GET.get("page", 1))
    except ValueError:
        return 1


@readers_page
def search(request):
    query = request.GET.get("q", "").strip()
    kind = request.GET.get("kind", "")
    page = _page(request)
    groups = search_record(query, request.user, kind=kind, page=page) if query else []
    if request.GET.get("export") == "csv":
        rows = ([g.label, str(r), absolute(url_of(r))] for g in groups for r in g.results)
        return csv_response("search.csv", ["kind", "record", "url"], rows)
    context = {"query": query, "groups": groups, "kind": kind if kind in KINDS else "", "page": page}
    return render(request, "talks/search.html", context)
