from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_migrate


def _sync_roles(sender, **kwargs):
    from accounts.roles import sync_roles

    sync_roles()


def _staff_follows_role(sender, instance, action, reverse, **kwargs):
    from accounts.roles import staff_follows_role

    if action in ("post_add", "post_remove", "post_clear") and not reverse:
        staff_follows_role(instance)


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        # Permissions exist only after migrate has run, so the role groups are synced after it, every time.
        post_migrate.connect(_sync_roles, sender=self, dispatch_uid="accounts.sync_roles")
        # An admin gives or takes a role by changing the user's group; admin-site access follows it.
        user_groups = self.get_model("User").groups.through
        m2m_changed.connect(_staff_follows_role, sender=user_groups, dispatch_uid="accounts.staff_follows_role")
        from accounts.reminders import signals as reminder_signals

        reminder_signals.connect()  # reminders follow the record
