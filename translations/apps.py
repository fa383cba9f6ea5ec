from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    """The translation status report in the Wagtail admin."""

    name = "translations"
    verbose_name = _("Translations")
