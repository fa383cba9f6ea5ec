"""A second factor (django-allauth's MFA: authenticator-app codes and recovery codes), made
compulsory for the groups whose permissions say so.

The setting is a permission, "Must use two-factor authentication", ticked under "Other
permissions" on a group's page in the admin, beside "Can access Wagtail admin" (it lives on the
same content type, wagtailadmin's ``Admin``, which is what puts it there). It is given by groups
only: a superuser in no such group is not held to it. A member of such a group who has no
authenticator app yet can still log in, and is then sent from every admin page to set one up.
"""

from collections.abc import Callable

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.contrib.auth.models import Permission, User
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

REQUIRE_TWO_FACTOR = "require_two_factor"
# Stored in English in the permission table; the group page passes it through {% trans %}.
REQUIRE_TWO_FACTOR_NAME = gettext_noop("Must use two-factor authentication")


def two_factor_permission() -> QuerySet[Permission]:
    return Permission.objects.filter(
        content_type__app_label="wagtailadmin",
        content_type__model="admin",
        codename=REQUIRE_TWO_FACTOR,
    )


def two_factor_required(user: User) -> bool:
    """Whether one of the user's groups makes a second factor compulsory."""
    return two_factor_permission().filter(group__user=user).exists()


def has_authenticator_app(user: User) -> bool:
    # Recovery codes alone are not a second factor: they are the way back when the app is lost.
    return is_mfa_enabled(user, [Authenticator.Type.TOTP])


class TwoFactorRequiredMiddleware:
    """Admin pages answer a user whose group requires a second factor, and who has none, with a
    redirect to setting up an authenticator app. Only the admin's log-in and log-out stay open."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self.needs_setting_up(request):
            messages.warning(
                request,
                _(
                    "Your role requires two-factor authentication. Set up an authenticator app "
                    "to go on using the admin."
                ),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)

    @staticmethod
    def needs_setting_up(request: HttpRequest) -> bool:
        path = request.path_info
        if not path.startswith(reverse("wagtailadmin_home")) or path in (
            reverse("wagtailadmin_login"),
            reverse("wagtailadmin_logout"),
        ):
            return False
        user = request.user
        return (
            user.is_authenticated and two_factor_required(user) and not has_authenticator_app(user)
        )
