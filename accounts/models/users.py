import zoneinfo

from django.contrib.auth.models import AbstractUser
from django.db import models

from talks.models.meetings import validate_time_zone


class User(AbstractUser):
    """A reader, analyst, editor or admin; the role is the group they belong to (see accounts.roles)."""

    email = models.EmailField("email address", blank=True)
    time_zone = models.CharField(
        max_length=64,
        default="UTC",
        validators=[validate_time_zone],
        help_text="Times are shown in this zone beside the venue's.",
    )

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)
