from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from network.admin_reports import report_urls
from search.reports import SearchReportView


@hooks.register("register_admin_urls")
def register_search_report_urls():
    return report_urls("searches", SearchReportView, "search_report")


class SearchReportMenuItem(MenuItem):
    def is_shown(self, request):
        return SearchReportView.permission_policy.user_has_permission(request.user, "view")


@hooks.register("register_reports_menu_item")
def register_search_report_menu_item():
    return SearchReportMenuItem(
        _("Searches"), reverse("search_report"), name="searches", icon_name="search", order=1100
    )
