from accounts.models.tokens import ApiToken
from accounts.models.users import User

__all__ = ["ApiToken", "User"]
