from accounts.models.reminders import Reminder
from accounts.models.subscriptions import Subscription
from accounts.models.tokens import ApiToken
from accounts.models.users import User

__all__ = ["ApiToken", "Reminder", "Subscription", "User"]
