"""Sign up (open, or by an admin's invitation, as settings.SIGNUP_MODE says), invitations and the profile."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import Group
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect, render

from accounts.forms import InviteForm, ProfileForm, SignupForm
from accounts.invitations import InvalidInvitation, read_invitation, send_invitation
from accounts.permissions import can_manage_users
from accounts.roles import ANALYST

BACKEND = "django.contrib.auth.backends.ModelBackend"


def signup(request):
    if settings.SIGNUP_MODE != "open":
        return render(request, "registration/signup_closed.html", status=403)
    return _signup(request, role=ANALYST, email=None)


def signup_invited(request, token):
    try:
        invitation = read_invitation(token)
    except InvalidInvitation as error:
        return render(request, "registration/signup_closed.html", {"error": str(error)}, status=400)
    return _signup(request, role=invitation["role"], email=invitation["email"])


def _signup(request, *, role: str, email: str | None):
    form = SignupForm(request.POST if request.method == "POST" else None, invited_email=email)
    if request.method == "POST":
        if form.is_valid():
            with transaction.atomic():
                user = form.save()
                user.groups.add(Group.objects.get(name=role))  # admin-site access follows (accounts.roles)
            login(request, user, backend=BACKEND)
            messages.success(request, f"Welcome, {user.username}.")
            return redirect("profile")
        return render(request, "registration/signup.html", {"form": form, "role": role}, status=400)
    return render(request, "registration/signup.html", {"form": form, "role": role})


def invite(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not can_manage_users(request.user):
        raise PermissionDenied
    form = InviteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if form.is_valid():
            send_invitation(request=request, invited_by=request.user, **form.cleaned_data)
            messages.success(request, f"Invitation sent to {form.cleaned_data['email']}.")
            return redirect("invite")
        return render(request, "registration/invite.html", {"form": form}, status=400)
    return render(request, "registration/invite.html", {"form": form})


@login_required
def profile(request):
    form = ProfileForm(request.POST if request.method == "POST" else None, instance=request.user)
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, "Your profile is saved.")
            return redirect("profile")
        return render(request, "registration/profile.html", {"form": form}, status=400)
    return render(request, "registration/profile.html", {"form": form})
