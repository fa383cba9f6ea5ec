from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page
from wagtail.permissions import policy_registry

from network.admin_reports import report_urls
from translations.views import TranslationStatusReportView, UpdateTranslationsView


# Before every other app's admin URLs (hooks run by their order, then INSTALLED_APPS order), so
# that this view answers wagtail-localize's own address (wagtail_localize:update_translations,
# which reverse() still finds). Delete it, and UpdateTranslationsView, when wagtail-localize's
# "Publish immediately" checks that the user may publish each translation it publishes.
@hooks.register("register_admin_urls", order=-1)
def take_over_wagtail_localize_update_view():
    return [
        path("localize/update/<int:translation_source_id>/", UpdateTranslationsView.as_view()),
    ]


@hooks.register("register_admin_urls")
def register_translation_admin_urls():
    return report_urls(
        "translation-status", TranslationStatusReportView, "translation_status_report"
    )


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
