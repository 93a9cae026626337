from django.apps import AppConfig


class TalksConfig(AppConfig):
    name = "talks"
    verbose_name = "Negotiation record"

    def ready(self):
        from talks import record_version, signals

        signals.connect()
        record_version.connect()
