from django.urls import path

from members.photos import MemberPhotoView

# Outside the language prefixes (network/urls.py): a photo's signed address is the same in every
# language.
urlpatterns = [
    path(
        "<str:signature>/<int:image_id>/<str:filter_spec>/<str:filename>",
        MemberPhotoView.as_view(),
        name="member_photo",
    ),
]
