from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page
from wagtail.permissions import policy_registry

from translations.views import TranslationStatusReportView, UpdateTranslationsView


@hooks.register("register_admin_urls")
def register_translation_admin_urls():
    return [
        # Answers wagtail-localize's own URL (wagtail_localize:update_translations) first: this
        # app's hooks run before wagtail_localize's (INSTALLED_APPS order).
        path(
            "localize/update/<int:translation_source_id>/",
            UpdateTranslationsView.as_view(),
        ),
        path(
            "reports/translation-status/",
            TranslationStatusReportView.as_view(),
            name="translation_status_report",
        ),
        path(
            "reports/translation-status/results/",
            TranslationStatusReportView.as_view(results_only=True),
            name="translation_status_report_results",
        ),
    ]


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request):
        return policy_registry.get_by_type(Page).user_has_any_permission(
            request.user, TranslationStatusReportView.any_permission_required
        )


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return TranslationStatusMenuItem(
        _("Translation status"),
        reverse("translation_status_report"),
        name="translation-status",
        icon_name="site",
        order=1000,
    )
