"""The image sizes the templates ask for, made as soon as an image is saved so that no visitor's
page waits for them (a large photo takes seconds to resize)."""

import logging

logger = logging.getLogger(__name__)

# Every filter spec used by an {% image %} tag in templates/ (tests/test_page_cache.py checks).
RENDITION_FILTERS = (
    "fill-1200x630",
    "width-1200",
    "width-480",
    "fill-200x200",
    "fill-300x400",
    "fill-96x96",
)


def prepare_renditions(image):
    try:
        image.get_renditions(*RENDITION_FILTERS)
    except Exception:  # noqa: BLE001 - a page still renders; its first visitor makes them
        logger.exception("Could not prepare the renditions of image %s", image.pk)
