from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from accounts.models import Subscription
from accounts.reminders.planning import subscription_replan
from accounts.subscriptions.forms import SubscriptionForm


def _own(request, pk) -> Subscription:
    return get_object_or_404(Subscription.objects.filter(user=request.user, unsubscribed_at__isnull=True), pk=pk)


@login_required
def subscription_list(request):
    subscriptions = (
        Subscription.objects.filter(user=request.user, unsubscribed_at__isnull=True)
        .select_related("track")
        .order_by("track__name", "id")
    )
    return render(request, "accounts/subscriptions/list.html", {"subscriptions": subscriptions})


@login_required
def subscription_create(request):
    return _edit(request, Subscription(user=request.user), created=True)


@login_required
def subscription_edit(request, pk):
    return _edit(request, _own(request, pk), created=False)


def _edit(request, subscription, *, created: bool):
    form = SubscriptionForm(request.POST or None, instance=subscription, user=request.user)
    if request.method == "POST" and form.is_valid():
        subscription = form.save()
        subscription_replan(subscription=subscription)
        messages.success(request, "Subscription saved." if not created else "Subscribed.")
        return redirect("subscription-list")
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "subscription": subscription, "created": created}
    return render(request, "accounts/subscriptions/form.html", context, status=status)


@login_required
@require_POST
def subscription_stop(request, pk):
    subscription = _own(request, pk)
    subscription.unsubscribe()
    subscription_replan(subscription=subscription)
    messages.success(request, "Unsubscribed: no more reminders from that subscription.")
    return redirect("subscription-list")


@login_required
@require_POST
def subscription_rotate_secret(request, pk):
    subscription = _own(request, pk)
    subscription.rotate_secret()
    messages.success(request, "New signing secret made; the old one no longer signs anything.")
    return redirect(subscription)


# One-click unsubscribe (RFC 8058): mail clients POST here without a session or a CSRF token; the unguessable
# token in the link is the authorisation. A GET only asks, because link scanners follow links in mail.
@csrf_exempt
def subscription_unsubscribe(request, token):
    subscription = get_object_or_404(Subscription.objects.select_related("track"), unsubscribe_token=token)
    if request.method == "POST":
        if subscription.is_active:
            subscription.unsubscribe()
            subscription_replan(subscription=subscription)
        return render(request, "accounts/subscriptions/unsubscribed.html", {"subscription": subscription})
    return render(request, "accounts/subscriptions/unsubscribe.html", {"subscription": subscription})
