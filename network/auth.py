"""Wagtail's own log-in and password-reset forms held to allauth's rules, so that no way into
an account is weaker than the members' log-in page:

- the same rate limits, counted in the same place (allauth's adapter: failed log-ins per address
  and per IP, password-reset e-mails per address and per IP);
- no session for an account whose e-mail address is not verified yet (a member who signed up
  and never followed the link); accounts with no address on record (editors created in the
  admin) are not members and log in as before.

- a second factor when the account has one: after the password, the admin's log-in goes on to
  allauth's code page (``mfa_authenticate``) as the members' log-in does, and opens the admin
  only once the code is right.

Wagtail's front-end log-in (``/_util/login/``, for private pages) is not used at all: its URL
sends visitors to allauth's log-in page (network/urls.py, WAGTAIL_FRONTEND_LOGIN_URL).
"""

from typing import Any

from allauth.account import app_settings as account_settings
from allauth.account.adapter import get_adapter
from allauth.account.models import EmailAddress
from allauth.account.utils import perform_login
from allauth.core import ratelimit
from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.http import HttpRequest, HttpResponse
from wagtail.admin.forms.auth import LoginForm, PasswordResetForm
from wagtail.admin.views.account import LoginView


def awaiting_verification(user: AbstractBaseUser) -> bool:
    """Whether the user signed up as a member and has not verified an address yet."""
    addresses = EmailAddress.objects.filter(user=user)
    return addresses.exists() and not addresses.filter(verified=True).exists()


class AdminLoginForm(LoginForm):
    """``WAGTAILADMIN_USER_LOGIN_FORM``."""

    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if username is not None and password:
            # Consumes the "login_failed" limits (and gives them back on success); past them it
            # raises allauth's "Too many failed login attempts" error.
            user = get_adapter(self.request).authenticate(
                self.request, username=username, password=password
            )
            if user is None or awaiting_verification(user):
                raise self.get_invalid_login_error()
            self.user_cache = user
            self.confirm_login_allowed(user)
        return self.cleaned_data


class AdminPasswordResetForm(PasswordResetForm):
    """``WAGTAILADMIN_USER_PASSWORD_RESET_FORM``: past allauth's "reset_password" limits, the
    page answers as always (no enumeration) but sends nothing."""

    def save(self, *args: Any, request: HttpRequest | None = None, **kwargs: Any) -> None:
        email = self.cleaned_data["email"].lower()
        if ratelimit.consume(request, action="reset_password", key=email):
            super().save(*args, request=request, **kwargs)


class AdminLoginView(LoginView):
    """``/admin/login/`` (network/urls.py puts it before Wagtail's own): Wagtail's page and form,
    with the log-in itself done by allauth, so that its stages run, the second factor first."""

    def form_valid(self, form: LoginForm) -> HttpResponse:
        # Wagtail's "remember me", set on the session that allauth's stages carry on with.
        expiry = settings.SESSION_COOKIE_AGE if form.cleaned_data.get("remember") else 0
        self.request.session.set_expiry(expiry)
        # The form has refused accounts awaiting verification already; editors created in the
        # admin have no address to verify.
        return perform_login(
            self.request,
            form.get_user(),
            email_verification=account_settings.EmailVerificationMethod.NONE,
            redirect_url=self.get_success_url(),
        )
