from django import forms

from accounts.models import Subscription
from accounts.models.subscriptions import MAX_LEAD_MINUTES, MAX_SUBSCRIPTIONS, validate_lead_minutes
from talks.models import Track

LEAD_CHOICES = [
    (7 * 24 * 60, "1 week"),
    (2 * 24 * 60, "2 days"),
    (24 * 60, "24 hours"),
    (12 * 60, "12 hours"),
    (6 * 60, "6 hours"),
    (3 * 60, "3 hours"),
    (60, "1 hour"),
    (30, "30 minutes"),
    (15, "15 minutes"),
]


class SubscriptionForm(forms.ModelForm):
    track = forms.ModelChoiceField(
        queryset=Track.objects.published().order_by("name"),
        required=False,
        empty_label="All tracks",
        help_text="Rounds of this track only, or of every track.",
    )
    leads = forms.TypedMultipleChoiceField(
        label="Remind me",
        choices=LEAD_CHOICES,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Before each round; pick one or more.",
    )
    other_lead = forms.IntegerField(
        label="Or also, minutes before",
        required=False,
        min_value=1,
        max_value=MAX_LEAD_MINUTES,
        help_text="Any other lead time, in minutes.",
    )

    webhook_url = forms.URLField(
        label="Webhook URL",
        required=False,
        assume_scheme="https",
        help_text="For the webhook channel: where to POST the signed JSON.",
    )

    class Meta:
        model = Subscription
        fields = ["track", "channel", "webhook_url"]
        widgets = {"channel": forms.RadioSelect}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.user = user
        presets = {value for value, _ in LEAD_CHOICES}
        current = self.instance.lead_minutes if self.instance.pk else Subscription().lead_minutes
        self.initial.setdefault("leads", [m for m in current if m in presets])
        others = [m for m in current if m not in presets]
        if others:
            self.initial.setdefault("other_lead", others[0])

    def clean(self):
        cleaned = super().clean()
        if Subscription.objects.at_limit_for(self.instance.user, besides=self.instance):
            raise forms.ValidationError(f"At most {MAX_SUBSCRIPTIONS} subscriptions: change or stop one first.")
        minutes = list(cleaned.get("leads") or [])
        other = cleaned.get("other_lead")
        if other and other not in minutes:
            minutes.append(other)
        if not minutes:
            self.add_error("leads", "Pick at least one lead time.")
            return cleaned
        try:
            validate_lead_minutes(sorted(minutes, reverse=True))
        except forms.ValidationError as error:
            self.add_error("leads", error)
        self.instance.lead_minutes = sorted(minutes, reverse=True)
        return cleaned
