"""Who may manage accounts: admins, through the same Django permissions their group holds."""


def can_manage_users(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active and user.has_perm("accounts.change_user"))
