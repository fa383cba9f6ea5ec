from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StaticArchiveConfig(AppConfig):
    """The site as plain files with a client-side search, for when it stops being a live CMS."""

    name = "static_archive"
    verbose_name = _("Static archive")
