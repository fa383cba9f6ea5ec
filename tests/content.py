"""Content that several test modules add on top of the demo."""

import io


def add_cover_image():
    """An image (a PNG named after Valparaíso) on the cover of the first live English resource,
    published; returns the image."""
    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from wagtail.images import get_image_model

    from resources.models import ResourcePage

    png = io.BytesIO()
    PILImage.new("RGB", (640, 480), (200, 30, 60)).save(png, "PNG")
    image = get_image_model()(title="Valparaíso", file=ImageFile(png, name="valparaiso.png"))
    image.save()
    resource = ResourcePage.objects.filter(locale__language_code="en").live().order_by("pk")[0]
    resource.cover_image = image
    resource.save_revision().publish()
    return image
