from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    """What every app shares: the base page, StreamField blocks, template tags, the sitemap."""

    name = "network"
    verbose_name = _("Network")

    def ready(self) -> None:
        from network import signal_handlers  # noqa: F401 - connects the receivers
        from network.wagtail_localize_dates import apply as localize_translation_dates
        from network.workflow_notifications import connect as connect_workflow_notifications

        connect_workflow_notifications()
        localize_translation_dates()
