"""Pages where a signed-in user creates, lists and revokes their own API tokens."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from accounts.models import ApiToken

SHOWN_ONCE = "api_token_shown_once"


class TokenForm(forms.Form):
    name = forms.CharField(max_length=100, help_text="What the token is for, e.g. 'newsroom importer'.")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if self.user.api_tokens.active().filter(name=name).exists():
            raise forms.ValidationError("You already have an active token with this name.")
        return name


@login_required
def token_list(request):
    form = TokenForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        token, key = ApiToken.issue(request.user, form.cleaned_data["name"])
        # The key goes through the session once, so a reload after the redirect cannot show it again.
        request.session[SHOWN_ONCE] = {"id": token.pk, "key": key}
        return redirect("api-tokens")
    context = {
        "form": form,
        "tokens": request.user.api_tokens.all(),
        "new_key": request.session.pop(SHOWN_ONCE, None),
    }
    return render(request, "accounts/tokens.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def token_revoke(request, pk: int):
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    token.revoke()
    messages.success(request, f"Token “{token.name}” revoked; clients using it are refused from now on.")
    return redirect("api-tokens")
