"""Members' photos, shown to the public only while a profile using them is public.

Wagtail serves images as files under MEDIA_URL, to anyone who has the address, whatever the page
that uses them. A member's photo is therefore kept under a random name (nobody can guess its
file's address, nor its sizes', which Wagtail names after it) and pages show it through
:class:`MemberPhotoView`, which answers only while a live, unrestricted profile uses it; the
member who uploaded it and the admin's users (moderators reviewing a profile) see it too. A
profile hidden or never approved leaves its photo unreachable to the public: its file's name was
never on a public page.
"""

import secrets
from pathlib import PurePath

from django.http import Http404
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.html import format_html
from wagtail.images.utils import generate_signature
from wagtail.images.views.serve import ServeView

from members.models import MemberPage
from network.images import rendition as prepared_rendition
from network.models import top_level_collection

PHOTO_NAME_PREFIX = "member-photo-"
# Where members' uploads go, apart from the images editors chose for pages (stored: the
# collection's name is data, shown in the admin in one language).
COLLECTION_NAME = "Member photos"
# How long a browser or proxy may keep a public photo: a profile hidden since is out of sight
# within this time.
PUBLIC_PHOTO_SECONDS = 300


def private_photo_name(uploaded_name):
    """A random file name, keeping only the extension of the member's own (which says the
    format)."""
    extension = PurePath(uploaded_name).suffix.lower()
    return f"{PHOTO_NAME_PREFIX}{secrets.token_hex(16)}{extension}"


def member_photos_collection():
    return top_level_collection(COLLECTION_NAME)


def is_public_photo(image_id):
    return MemberPage.objects.live().public().filter(photo_id=image_id).exists()


def may_see_unpublished(user, image):
    return user.is_authenticated and (
        image.uploaded_by_user_id == user.pk or user.has_perm("wagtailadmin.access_admin")
    )


def member_photo_url(rendition):
    """The view's address, ending in a neutral file name with the rendition's extension (so a
    static copy of the site stores it as an image), never the file's own."""
    filter_spec = rendition.filter_spec
    signature = generate_signature(rendition.image_id, filter_spec)
    filename = f"photo{PurePath(rendition.file.name).suffix}"
    return reverse("member_photo", args=(signature, rendition.image_id, filter_spec, filename))


def member_photo_tag(image, filter_spec, **attributes):
    """An ``<img>`` of the photo through the view, sized as Wagtail's ``{% image %}`` would."""
    rendition = prepared_rendition(image, filter_spec)
    extra = format_html(
        "".join(f' {name.replace("_", "-")}="{{}}"' for name in attributes),
        *attributes.values(),
    )
    return format_html(
        '<img src="{}" width="{}" height="{}"{}>',
        member_photo_url(rendition),
        rendition.width,
        rendition.height,
        extra,
    )


class MemberPhotoView(ServeView):
    """Wagtail's signed image view (the signature fixes the sizes anyone may ask for), answering
    only for photos that :func:`is_public_photo`, or to those who may see unpublished ones."""

    def get(self, request, signature, image_id, filter_spec, filename):
        image = self.model.objects.filter(pk=image_id).first()
        if image is None:
            raise Http404
        if is_public_photo(image_id):
            response = super().get(request, signature, image_id, filter_spec)
            patch_cache_control(response, public=True, max_age=PUBLIC_PHOTO_SECONDS)
            return response
        if may_see_unpublished(request.user, image):
            response = super().get(request, signature, image_id, filter_spec)
            # Wagtail's view marks its answers public: this one is for this user only.
            del response["Cache-Control"]
            patch_cache_control(response, private=True, no_store=True)
            return response
        raise Http404
