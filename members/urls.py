from django.urls import path

from members import views

urlpatterns = [
    path("", views.account, name="members_account"),
    path("privacy/", views.privacy_notice, name="members_privacy_notice"),
    path("data/", views.export_data, name="members_export_data"),
    path("delete/", views.delete_account, name="members_delete_account"),
    path("profile/", views.edit_profile, name="members_edit_profile"),
    path("profile/visibility/", views.profile_visibility, name="members_profile_visibility"),
]
