"""The admin's report of what visitors search for (Reports → Searches): each query with its
searches and those that found nothing over the last 7, 30 or 365 days, per language, most
frequent first; or only the queries that found nothing. Exportable as CSV or Excel."""

import datetime

import django_filters
from django.conf import settings
from django.db.models import Max, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from search.models import DailySearchCount

PERIODS = [("7", _("Last 7 days")), ("30", _("Last 30 days")), ("365", _("Last 365 days"))]
DEFAULT_PERIOD = "30"
NOTHING_FOUND = "nothing"


def language_name(code):
    return _(dict(settings.LANGUAGES).get(code, code))


class SearchReportFilterSet(WagtailFilterSet):
    period = django_filters.ChoiceFilter(
        label=_("Period"), choices=PERIODS, empty_label=None, method="filter_period"
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"),
        choices=lambda: [(code, language_name(code)) for code, _name in settings.LANGUAGES],
        empty_label=_("All languages"),
    )
    results = django_filters.ChoiceFilter(
        label=_("Results"),
        choices=[(NOTHING_FOUND, _("Found nothing"))],
        empty_label=_("All searches"),
        method="filter_results",
    )

    class Meta:
        model = DailySearchCount
        fields = ["period", "language", "results"]

    def __init__(self, data=None, *args, **kwargs):
        """Always a period, the last 30 days unless one of the three is asked for, and a value
        no filter offers is ignored: Wagtail applies no filter at all to a form with an error,
        which would sum every day kept."""
        data = data.copy() if data is not None else {}
        for name, declared in self.base_filters.items():
            choices = declared.extra["choices"]
            offered = {
                str(value) for value, _label in (choices() if callable(choices) else choices)
            }
            if data.get(name) not in offered:
                data.pop(name, None)
        data.setdefault("period", DEFAULT_PERIOD)
        super().__init__(data, *args, **kwargs)

    def filter_period(self, counts, name, value):
        since = timezone.localdate() - datetime.timedelta(days=int(value) - 1)
        return counts.filter(day__gte=since)

    def filter_results(self, counts, name, value):
        return counts.filter(without_results__gt=0) if value == NOTHING_FOUND else counts


class SearchReportView(ReportView):
    page_title = _("Searches")
    header_icon = "search"
    index_url_name = "search_report"
    index_results_url_name = "search_report_results"
    filterset_class = SearchReportFilterSet
    context_object_name = "rows"
    model = DailySearchCount
    # Each row is a query in one language, summed over the period's days.
    verbose_name = _("query")
    verbose_name_plural = _("queries")
    permission_policy = ModelPermissionPolicy(DailySearchCount)
    permission_required = "view"
    columns = [
        Column("query", label=_("Query")),
        Column(
            "language", label=_("Language"), accessor=lambda row: language_name(row["language"])
        ),
        Column("total_searches", label=_("Searches")),
        Column("total_without_results", label=_("Found nothing")),
        Column("last_day", label=_("Last searched")),
    ]
    list_export = ["query", "language", "total_searches", "total_without_results", "last_day"]
    export_headings = {
        "query": _("Query"),
        "language": _("Language"),
        "total_searches": _("Searches"),
        "total_without_results": _("Searches that found nothing"),
        "last_day": _("Last searched"),
    }

    def get_base_queryset(self) -> QuerySet[DailySearchCount]:
        return DailySearchCount.objects.all()

    def get_filtered_queryset(self):
        """The day's rows the filters keep, summed per query and language: the most searched
        first, or, when only searches that found nothing are asked for, the most of those."""
        counts = self.filter_queryset(self.get_base_queryset())
        nothing_found = self.filters.form.cleaned_data.get("results") == NOTHING_FOUND
        order = "-total_without_results" if nothing_found else "-total_searches"
        return (
            counts.values("query", "language")
            .annotate(
                total_searches=Sum("searches"),
                total_without_results=Sum("without_results"),
                last_day=Max("day"),
            )
            .order_by(order, "query", "language")
        )

    def get_filename(self):
        return "searches"
