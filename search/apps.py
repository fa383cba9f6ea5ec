from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Site search")

    def ready(self) -> None:
        from search import signal_handlers  # noqa: F401 - connects the receivers
