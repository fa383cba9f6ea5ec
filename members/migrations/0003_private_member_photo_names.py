"""Members' photos uploaded before photos were served through members/photos.py kept the name
they were uploaded with, so their files (and their sizes') had guessable addresses under
/media/. Each gets a random name, as new uploads do, and its sizes are made again under it.
Images an editor chose for a profile (uploaded by someone else) keep theirs."""

import secrets
from pathlib import PurePath

from django.db import migrations
from django.db.models import F


def rename_member_photos(apps, schema_editor):
    Image = apps.get_model("wagtailimages", "Image")
    Rendition = apps.get_model("wagtailimages", "Rendition")
    MemberPage = apps.get_model("members", "MemberPage")
    owned = MemberPage.objects.filter(photo__uploaded_by_user_id=F("user_id"))
    for image in Image.objects.filter(pk__in=owned.values("photo_id")).exclude(
        file__startswith="original_images/member-photo-"
    ):
        storage = image.file.storage
        old_name = image.file.name
        if not storage.exists(old_name):
            continue
        extension = PurePath(old_name).suffix.lower()
        with storage.open(old_name) as content:
            image.file.name = storage.save(
                f"original_images/member-photo-{secrets.token_hex(16)}{extension}", content
            )
        image.save(update_fields=["file"])
        for rendition in Rendition.objects.filter(image=image):
            rendition.file.storage.delete(rendition.file.name)
            rendition.delete()
        storage.delete(old_name)


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0002_memberindexpage_memberpage"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(rename_member_photos, migrations.RunPython.noop)]
