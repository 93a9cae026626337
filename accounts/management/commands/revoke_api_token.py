from django.core.management.base import BaseCommand, CommandError

from accounts.models import ApiToken


class Command(BaseCommand):
    help = "Revoke an API token, named by the visible start of its key (as the token pages show it)."

    def add_arguments(self, parser):
        parser.add_argument("prefix", help="e.g. rt_AbCdEfGh")

    def handle(self, *args, prefix, **options):
        tokens = list(ApiToken.objects.active().filter(prefix=prefix))
        if not tokens:
            raise CommandError(f"No active token starts {prefix!r}.")
        if len(tokens) > 1:
            raise CommandError(f"Several active tokens start {prefix!r}; revoke them on the tokens page.")
        tokens[0].revoke()
        self.stdout.write(f"Revoked {tokens[0]} of {tokens[0].user.username}.")
