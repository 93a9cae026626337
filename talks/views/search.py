from django.shortcuts import render

from talks.search import search as search_record


def search(request):
    query = request.GET.get("q", "").strip()
    groups = search_record(query, request.user) if query else []
    return render(request, "talks/search.html", {"query": query, "groups": groups})
