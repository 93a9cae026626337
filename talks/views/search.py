from django.shortcuts import render
from django.urls import reverse

from talks.exports import absolute, csv_response
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


def search(request):
    query = request.GET.get("q", "").strip()
    groups = search_record(query, request.user) if query else []
    if request.GET.get("export") == "csv":
        rows = ([g.label, str(r), absolute(url_of(r))] for g in groups for r in g.results)
        return csv_response("search.csv", ["kind", "record", "url"], rows)
    return render(request, "talks/search.html", {"query": query, "groups": groups})
