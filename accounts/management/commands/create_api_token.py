from django.core.management.base import BaseCommand, CommandError

from accounts.models import ApiToken, User


class Command(BaseCommand):
    help = "Create a named API token for a user and print its key (shown this once)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", required=True, help="What the token is for.")

    def handle(self, *args, username, name, **options):
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}.")
        if user.api_tokens.active().filter(name=name).exists():
            raise CommandError(f"{username} already has an active token named {name!r}.")
        token, key = ApiToken.issue(user, name)
        self.stderr.write(
            f"Token {token.name!r} for {username} ({token.prefix}…); keep the key, it is not shown again:"
        )
        self.stdout.write(key)
