from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from talks import querysets
from talks.footnotes import Footnotes
from talks.models import Absence, DelegationMember, Demand, Party, Person, PersonRole, Track
from talks.readers import readers_page


@readers_page
def people_index(request):
    people = Person.objects.select_related("party").prefetch_related(
        Prefetch("roles", queryset=PersonRole.objects.order_by("started_on"))
    )
    parties = Party.objects.order_by("name")
    return render(request, "talks/people_index.html", {"people": people, "parties": parties})


@readers_page
def person_detail(request, slug):
    person = get_object_or_404(
        querysets.with_last_change(Person.objects.select_related("party")).prefetch_related(
            "aliases",
            Prefetch("roles", queryset=PersonRole.objects.select_related("organisation").order_by("started_on")),
        ),
        slug=slug,
    )
    rounds = querysets.visible_rounds(request.user)
    seats = (
        DelegationMember.objects.filter(person=person, delegation__meeting__in=rounds)
        .select_related("delegation__party", "delegation__meeting__track")
        .order_by("delegation__meeting__date", "delegation__meeting__sequence")
    )
    context = {
        "person": person,
        "notes": Footnotes(),
        "seats": seats,
        "absences": Absence.objects.filter(person=person, meeting__in=rounds).select_related("meeting__track"),
        "statements": querysets.visible_statements(request.user).filter(speaker=person).select_related("meeting"),
    }
    return render(request, "talks/person_detail.html", context)


@readers_page
def party_detail(request, slug):
    party = get_object_or_404(querysets.with_last_change(Party.objects.all()), slug=slug)
    rounds = querysets.visible_rounds(request.user)
    delegations = (
        querysets.delegations_with_members()
        .filter(party=party, meeting__in=rounds)
        .select_related("meeting__track")
        .order_by("meeting__date", "meeting__sequence")
    )
    demands = (
        Demand.objects.visible_to(request.user)
        .filter(track__in=Track.objects.visible_to(request.user))
        .filter(made_by=party)
        .select_related("track", "addressed_to")
        .prefetch_related("events")
    )
    context = {
        "party": party,
        "delegations": delegations,
        "demands": demands,
        "received": Demand.objects.visible_to(request.user)
        .filter(addressed_to=party, track__in=Track.objects.visible_to(request.user))
        .select_related("made_by", "track")
        .prefetch_related("events"),
        "tracks": party.track_roles.select_related("track").filter(track__in=Track.objects.visible_to(request.user)),
    }
    return render(request, "talks/party_detail.html", context)
