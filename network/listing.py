"""One way to serve every filterable list on the site (library, events, calls, directory), as
cfgov's FilterableListMixin does: a django-filter FilterSet validates the GET form, one query
path filters, counts and paginates."""

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Count
from django.utils.translation import gettext as _

PAGE_PARAMETER = "page"


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    name: str
    label: str
    options: list[FacetOption] = field(default_factory=list)


class FilterableListMixin:
    """For a page whose context lists items filtered by a GET form.

    Subclasses set ``filterset_class`` and ``facet_fields`` (each facet's field lookup), and
    implement ``get_listing_queryset`` (the unfiltered items the visitor may see). ``facets``
    maps each facet to the filters it sets; its counts are computed with every *other* filter
    applied, so that ticking one more box shows what it would add. A facet named like a choice
    filter lists that filter's choices; any other lists the values counted.
    """

    filterset_class = None
    facets = {}
    facet_fields = {}
    results_per_page = 12

    def get_listing_queryset(self, request):
        raise NotImplementedError

    def annotate_for_facets(self, queryset):
        """Add what ``facet_fields`` names that is not a field (e.g. a year)."""
        return queryset

    def get_facet_counts(self, name, queryset):
        """``{value: count}`` of one facet over a queryset."""
        field = self.facet_fields[name]
        rows = (
            self.annotate_for_facets(queryset)
            .order_by()
            .values(field)
            .annotate(count=Count("pk", distinct=True))
        )
        return {row[field]: row["count"] for row in rows if row[field] is not None}

    def prepare_results(self, results, request):
        """Decorate one page of results (e.g. with localised labels); called with a list."""
        return results

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        data = request.GET.copy()
        data.pop(PAGE_PARAMETER, None)
        base = self.get_listing_queryset(request)
        filterset = self.filterset_class(data, queryset=base, request=request)
        paginator = Paginator(filterset.qs, self.results_per_page)
        results = paginator.get_page(request.GET.get(PAGE_PARAMETER))
        results.object_list = self.prepare_results(list(results.object_list), request)
        context.update(
            filter_form=filterset.form,
            filter_errors=ignored_filter_messages(filterset.form),
            facets=self._facets(filterset, data, base, request),
            results=results,
            is_filtered=any(value for key, value in data.lists() if any(value)),
            querystring=data.urlencode(),
        )
        return context

    def _facets(self, filterset, data, base, request):
        facets = {}
        for name, parameters in self.facets.items():
            others = data.copy()
            for parameter in parameters:
                others.pop(parameter, None)
            counts = self.get_facet_counts(
                name, self.filterset_class(others, queryset=base, request=request).qs
            )
            form_field = filterset.form.fields.get(name)
            if form_field is not None and hasattr(form_field, "choices"):
                selected = {str(value) for value in filterset.form.cleaned_data.get(name) or []}
                options = [
                    FacetOption(str(value), label, counts.get(value, 0), str(value) in selected)
                    for value, label in form_field.choices
                    if counts.get(value) or str(value) in selected
                ]
                label = form_field.label
            else:
                options = [
                    FacetOption(str(value), str(value), count, False)
                    for value, count in sorted(counts.items(), reverse=True)
                ]
                label = name
            facets[name] = Facet(name, label, options)
        return facets


def ignored_filter_messages(form):
    """One message per invalid field of a filter form: the field is ignored, not fatal."""
    if form.is_valid():
        return []
    return [
        _("%(field)s: %(error)s This filter was ignored.")
        % {"field": form.fields[name].label, "error": " ".join(errors)}
        for name, errors in form.errors.items()
        if name in form.fields
    ]
