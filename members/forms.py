from django import forms
from django.urls import reverse
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from members.models import PRIVACY_NOTICE_VERSION, Consent


def privacy_consent_label():
    return format_html(
        '{} <a href="{}">{}</a>',
        _("I have read and accept the"),
        reverse("members_privacy_notice"),
        _("privacy notice"),
    )


class PrivacyConsentForm(forms.Form):
    """Added to allauth's sign-up form (ACCOUNT_SIGNUP_FORM_CLASS)."""

    privacy_consent = forms.BooleanField(
        label=lazy(privacy_consent_label, SafeString)(),
        error_messages={"required": _("Please accept the privacy notice to create an account.")},
    )

    def signup(self, request, user):
        Consent.objects.create(user=user, notice_version=PRIVACY_NOTICE_VERSION)


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That is not your password."))
        return password
