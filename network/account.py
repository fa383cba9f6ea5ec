"""The admin's Account page, where first and last names may be left empty.

Wagtail's name form requires both, and the Account page saves all its panels at once, so an
account without names could change nothing there, not even the admin's language, until its
owner typed them in. ``createsuperuser`` makes such accounts (the operator's first one,
docs/operations.md). Editors added or changed under *Settings → Users* get names there, where
Wagtail's user forms still require them from the administrator.

Wagtail has no setting for this form, and its ``register_account_settings_panel`` hook adds
panels but cannot replace one, so the account URL is routed here (network/urls.py, as the
admin's log-in is to network/auth.py): Wagtail's own view, with its name panel given Wagtail's
form minus the requirement, and the decorators Wagtail gives every admin view.
"""

from typing import Any

from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.forms.account import NameEmailForm
from wagtail.admin.views.account import AccountView, NameEmailSettingsPanel

OPTIONAL_FIELDS = ("first_name", "last_name")


class OptionalNamesForm(NameEmailForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in OPTIONAL_FIELDS:
            self.fields[name].required = False


class OptionalNamesPanel(NameEmailSettingsPanel):
    form_class = OptionalNamesForm


class OptionalNamesAccountView(AccountView):
    def get_panels(self) -> list[Any]:
        return [
            OptionalNamesPanel(panel.request, panel.user, panel.profile)
            if isinstance(panel, NameEmailSettingsPanel)
            else panel
            for panel in super().get_panels()
        ]


account_view = never_cache(require_admin_access(OptionalNamesAccountView.as_view()))
