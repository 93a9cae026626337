from accounts.models.users import User

__all__ = ["User"]
