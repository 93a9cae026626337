from django.apps import AppConfig


class TalksConfig(AppConfig):
    name = "talks"
    verbose_name = "Negotiation record"

    def ready(self):
        from talks import signals

        signals.connect()
