from django.urls import path
from django.utils.translation import gettext_lazy as _

from members import views

# Under the account address of each language (network/urls.py): /en/account/profile/,
# /es/cuenta/perfil/.
urlpatterns = [
    path("", views.account, name="members_account"),
    path(_("privacy/"), views.privacy_notice, name="members_privacy_notice"),
    path(_("data/"), views.export_data, name="members_export_data"),
    path(_("delete/"), views.delete_account, name="members_delete_account"),
    path(_("profile/"), views.edit_profile, name="members_edit_profile"),
    path(
        _("profile/visibility/"),
        views.profile_visibility,
        name="members_profile_visibility",
    ),
]
