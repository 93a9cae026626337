"""Sign-up, invitation and profile forms."""

from django import forms
from django.contrib.auth.forms import UserCreationForm

from accounts.models import User
from accounts.roles import ANALYST, ROLES
from talks.editing.fields import time_zone_field


class SignupForm(UserCreationForm):
    email = forms.EmailField(help_text="For resetting your password. Never shown to others.")
    time_zone = time_zone_field(initial="UTC", help_text="Times are shown in this zone beside the venue's.")

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ["username", "email", "time_zone"]

    def __init__(self, *args, invited_email: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.invited_email = invited_email
        if invited_email:
            self.initial["email"] = invited_email
            self.fields["email"].disabled = True

    def clean_email(self):
        email = (self.invited_email or self.cleaned_data["email"]).lower()
        if User.objects.filter(email__iexact=email).exists():
            # Saying so would tell anyone which addresses hold an account; the reset page is the way back in.
            raise forms.ValidationError("Use another address, or reset your password if you already have an account.")
        return email


class InviteForm(forms.Form):
    email = forms.EmailField()
    role = forms.ChoiceField(choices=[(role, role) for role in ROLES], initial=ANALYST)

    def clean_email(self):
        email = self.cleaned_data["email"].lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError("An account already uses this address.")
        return email


class ProfileForm(forms.ModelForm):
    time_zone = time_zone_field(help_text="Times are shown in this zone beside the venue's.")

    class Meta:
        model = User
        fields = ["first_name", "last_name", "email", "time_zone"]

    def clean_email(self):
        email = self.cleaned_data["email"].lower()
        if email and User.objects.filter(email__iexact=email).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError("Another account uses this address.")
        return email
