import secrets

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from accounts.models import User
from accounts.roles import EDITOR
from exchanges.demo import load_swap
from talks.demo import load_round

DEMO_EDITOR = "demo-editor"


class Command(BaseCommand):
    help = (
        "Load the demo record (the first Istanbul round of 2025) and a demo editor; running it again changes nothing."
    )

    def handle(self, *args, **options):
        record = load_round()
        load_swap(record)
        self.stdout.write(f"Demo record ready: {record.meeting} (round page /rounds/{record.meeting.pk}/)")
        password = self._demo_editor_password()
        self.stdout.write(self.style.SUCCESS(f"Demo editor: user {DEMO_EDITOR}, password {password}"))

    def _demo_editor_password(self) -> str:
        """The password is made once and kept in the data folder, so every run can print it again."""
        kept = settings.DATA_DIR / "demo-editor-password"
        if User.objects.filter(username=DEMO_EDITOR).exists() and kept.exists():
            return kept.read_text().strip()
        password = secrets.token_urlsafe(12)
        editor, _ = User.objects.get_or_create(
            username=DEMO_EDITOR, defaults={"email": "editor@example.org", "is_staff": True}
        )
        editor.set_password(password)
        editor.save()
        editor.groups.add(Group.objects.get(name=EDITOR))
        kept.parent.mkdir(parents=True, exist_ok=True)
        kept.write_text(password)
        return password
