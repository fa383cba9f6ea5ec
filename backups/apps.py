from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BackupsConfig(AppConfig):
    """Backing the site up into one archive, and restoring it into an empty database."""

    name = "backups"
    verbose_name = _("Backups")
