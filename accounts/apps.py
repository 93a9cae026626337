from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _sync_roles(sender, **kwargs):
    from accounts.roles import sync_roles

    sync_roles()


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        # Permissions exist only after migrate has run, so the role groups are synced after it, every time.
        post_migrate.connect(_sync_roles, sender=self, dispatch_uid="accounts.sync_roles")
        from accounts.reminders import signals as reminder_signals

        reminder_signals.connect()  # reminders follow the record
