"""The image sizes the templates ask for, made as soon as an image is saved so that no visitor's
page waits for them (a large photo takes seconds to resize)."""

import logging

from wagtail.images.models import AbstractImage, AbstractRendition, Filter

logger = logging.getLogger(__name__)

# Every filter spec used by an {% image %} or {% picture %} tag in templates/, {a,b} written
# out as Wagtail does (tests/test_page_cache.py checks). AVIF only for the small, many covers
# of listings: at 1200 px and more it takes seconds per size to encode, so large images come
# as WebP with a JPEG fallback. Members' photos have their own view (members/photos.py).
PICTURE_SPECS = (
    "format-{avif,webp,jpeg} fill-{300x400,600x800}",  # resource cards
    "format-{webp,jpeg} width-{480,960}",  # a resource's cover
    "format-{webp,jpeg} width-{800,1200,1600}",  # images in a page's body
    "format-{webp,jpeg} fill-{800x600,1200x900}",  # the home page's hero
)
RENDITION_FILTERS = (
    "fill-1200x630",
    "fill-200x200",
    "fill-96x96",
    *(spec for specs in PICTURE_SPECS for spec in Filter.expand_spec(specs)),
)


def prepare_renditions(image: AbstractImage) -> None:
    try:
        image.get_renditions(*RENDITION_FILTERS)
    except Exception:  # noqa: BLE001 - a page still renders; its first visitor makes them
        logger.exception("Could not prepare the renditions of image %s", image.pk)


def rendition(image: AbstractImage, filter_spec: str) -> AbstractRendition:
    """``image.get_rendition(filter_spec)``, without a write to the renditions' cache on every
    call: Wagtail's ``get_rendition`` (and its ``{% image %}`` tag) writes the rendition it found
    back to the cache even when it came prefetched with the image; ``get_renditions`` does not."""
    return image.get_renditions(filter_spec)[filter_spec]
