import django_filters
from django.utils.translation import gettext_lazy as _
from django_filters.constants import EMPTY_VALUES
from wagtail.admin.filters import WagtailFilterSet
from wagtail.coreutils import get_content_languages

from translations.status import Status, StatusRows


class RowChoiceFilter(django_filters.ChoiceFilter):
    """Keeps the report's rows (a list, not a queryset) whose ``field_name`` is the value."""

    def filter(self, rows, value):
        if value in EMPTY_VALUES:
            return rows
        return StatusRows(row for row in rows if getattr(row, self.field_name) == value)


class TranslationStatusFilterSet(WagtailFilterSet):
    target_language = RowChoiceFilter(
        label=_("Language"),
        choices=lambda: list(get_content_languages().items()),
        empty_label=_("All languages"),
    )
    section = RowChoiceFilter(label=_("Section"), empty_label=_("All sections"))
    status = RowChoiceFilter(label=_("Status"), choices=Status.choices, empty_label=_("Any status"))

    def filter_queryset(self, rows):
        # django-filter's own asserts that each filter returns a queryset.
        for name, value in self.form.cleaned_data.items():
            rows = self.filters[name].filter(rows, value)
        return rows

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        super().__init__(data, queryset, request=request, prefix=prefix)
        self.filters["section"].extra["choices"] = sorted(
            {(row.section, row.section_label) for row in queryset},
            key=lambda choice: choice[1].casefold(),
        )
