"""Invitations are signed links, valid for a few days and spent once an account holds their email address."""

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse

from accounts.models import User
from accounts.roles import ROLES

SALT = "accounts.invitation"


class InvalidInvitation(Exception):
    pass


def invitation_token(*, email: str, role: str) -> str:
    return signing.dumps({"email": email.lower(), "role": role}, salt=SALT)


def read_invitation(token: str) -> dict:
    """The invitation's email and role; InvalidInvitation if it was tampered with, has expired or was used."""
    try:
        data = signing.loads(token, salt=SALT, max_age=settings.INVITATION_DAYS * 86400)
    except signing.SignatureExpired:
        raise InvalidInvitation("This invitation has expired: ask for a new one.") from None
    except signing.BadSignature:
        raise InvalidInvitation("This invitation link is not valid.") from None
    if data.get("role") not in ROLES or not data.get("email"):
        raise InvalidInvitation("This invitation link is not valid.")
    if User.objects.filter(email__iexact=data["email"]).exists():
        raise InvalidInvitation("This invitation has been used: log in instead.")
    return data


def send_invitation(*, request, email: str, role: str, invited_by) -> None:
    link = request.build_absolute_uri(
        reverse("signup-invited", kwargs={"token": invitation_token(email=email, role=role)})
    )
    context = {"link": link, "role": role, "invited_by": invited_by, "days": settings.INVITATION_DAYS}
    subject = render_to_string("registration/invitation_subject.txt", context).strip()
    body = render_to_string("registration/invitation_email.txt", context)
    send_mail(subject, body, None, [email])
