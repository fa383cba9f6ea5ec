"""Wagtail's own log-in and password-reset forms held to allauth's rules, so that no way into
an account is weaker than the members' log-in page:

- the same rate limits, counted in the same place (allauth's adapter: failed log-ins per address
  and per IP, password-reset e-mails per address and per IP);
- no session for an account whose e-mail address is not verified yet (a member who signed up
  and never followed the link); accounts with no address on record (editors created in the
  admin) are not members and log in as before.

Wagtail's front-end log-in (``/_util/login/``, for private pages) is not used at all: its URL
sends visitors to allauth's log-in page (network/urls.py, WAGTAIL_FRONTEND_LOGIN_URL).
"""

from allauth.account.adapter import get_adapter
from allauth.account.models import EmailAddress
from allauth.core import ratelimit
from wagtail.admin.forms.auth import LoginForm, PasswordResetForm


def awaiting_verification(user):
    """Whether the user signed up as a member and has not verified an address yet."""
    addresses = EmailAddress.objects.filter(user=user)
    return addresses.exists() and not addresses.filter(verified=True).exists()


class AdminLoginForm(LoginForm):
    """``WAGTAILADMIN_USER_LOGIN_FORM``."""

    def clean(self):
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

    def save(self, *args, request=None, **kwargs):
        email = self.cleaned_data["email"].lower()
        if ratelimit.consume(request, action="reset_password", key=email):
            super().save(*args, request=request, **kwargs)
