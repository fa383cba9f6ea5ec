"""One way to serve every filterable list on the site (library, events, calls, directory), as
cfgov's FilterableListMixin does: a django-filter FilterSet validates the GET form, one query
path filters, counts and paginates. Also what lists and search share to offer content published
in one language only to the readers of the other (``UntranslatedItemsMixin``)."""

from dataclasses import dataclass, field
from typing import Any

from django.core.paginator import Paginator
from django.db import models
from django.db.models import CharField, Count, Q, QuerySet, Value
from django.db.models.functions import Cast
from django.forms import Form
from django.http import HttpRequest, QueryDict
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_filters import FilterSet
from wagtail.models import Locale, Page
from wagtail.query import PageQuerySet

from network.page_mixin import PageMixinBase
from network.restrictions import public

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


class FilterableListMixin(PageMixinBase):
    """For a page whose context lists items filtered by a GET form.

    Subclasses set ``filterset_class`` and ``facet_fields`` (each facet's field lookup), and
    implement ``get_listing_queryset`` (the unfiltered items the visitor may see). ``facets``
    maps each facet to the filters it sets; its counts are computed with every *other* filter
    applied, so that ticking one more box shows what it would add. A facet named like a choice
    filter lists that filter's choices; any other lists the values counted.
    """

    filterset_class: type[FilterSet]
    facets: dict[str, tuple[str, ...]] = {}
    facet_fields: dict[str, str] = {}
    results_per_page = 12

    def get_listing_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        raise NotImplementedError

    def annotate_for_facets(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        """Add what ``facet_fields`` names that is not a field (e.g. a year)."""
        return queryset

    def facet_counts(
        self, querysets: dict[str, QuerySet[Any]], results: QuerySet[Any]
    ) -> tuple[dict[str, dict[str, int]], int]:
        """``({facet: {value: count}}, number of results)``: each facet counted over its own
        queryset, with values as strings, and the results counted for the paginator. One query
        for all: a UNION ALL of one GROUP BY per facet and the results' count."""
        parts = [
            self.annotate_for_facets(queryset)
            .order_by()
            .values(
                facet=Value(name, output_field=CharField()),
                value=Cast(self.facet_fields[name], CharField()),
            )
            .annotate(count=Count("pk", distinct=True))
            for name, queryset in querysets.items()
        ]
        # Facet names are identifiers, so the empty one cannot clash with a facet.
        total = results.order_by().values(
            facet=Value("", output_field=CharField()), value=Value("", output_field=CharField())
        )
        parts.append(total.annotate(count=Count("pk", distinct=True)))
        counts: dict[str, dict[str, int]] = {name: {} for name in querysets}
        number_of_results = 0
        for row in parts[0].union(*parts[1:], all=True):
            if row["facet"] == "":
                number_of_results = row["count"]
            elif row["value"] is not None:
                counts[row["facet"]][row["value"]] = row["count"]
        return counts, number_of_results

    def prepare_results(self, results: list[Any], request: HttpRequest) -> list[Any]:
        """Decorate one page of results (e.g. with localised labels); called with a list."""
        return results

    def filterset(self, request: HttpRequest) -> FilterSet:
        """The listing's filters as ``request`` chooses them (the page number left out), on the
        listing's items: the page and what publishes the same view (its feed) share it."""
        data = request.GET.copy()
        data.pop(PAGE_PARAMETER, None)
        return self.filterset_class(
            data, queryset=self.get_listing_queryset(request), request=request
        )

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        filterset = self.filterset(request)
        data, base = filterset.data, filterset.queryset
        facets, number_of_results = self._facets(filterset, data, base, request)
        paginator = CountedPaginator(filterset.qs, self.results_per_page, number_of_results)
        results = paginator.get_page(request.GET.get(PAGE_PARAMETER))
        results.object_list = self.prepare_results(list(results.object_list), request)
        context.update(
            filter_form=filterset.form,
            filter_errors=ignored_filter_messages(filterset.form),
            facets=facets,
            results=results,
            is_filtered=any(value for key, value in data.lists() if any(value)),
            querystring=data.urlencode(),
        )
        return context

    def _facets(
        self, filterset: FilterSet, data: QueryDict, base: QuerySet[Any], request: HttpRequest
    ) -> tuple[dict[str, Facet], int]:
        """The facets and the number of results (``facet_counts``)."""
        querysets = {}
        for name, parameters in self.facets.items():
            others = data.copy()
            for parameter in parameters:
                others.pop(parameter, None)
            querysets[name] = self.filterset_class(others, queryset=base, request=request).qs
        facets: dict[str, Facet] = {}
        facet_counts, number_of_results = self.facet_counts(querysets, filterset.qs)
        for name, counts in facet_counts.items():
            form_field = filterset.form.fields.get(name)
            if form_field is not None and hasattr(form_field, "choices"):
                selected = {str(value) for value in filterset.form.cleaned_data.get(name) or []}
                choices = [(str(value), label) for value, label in form_field.choices]
                options = [
                    FacetOption(value, label, counts.get(value, 0), value in selected)
                    for value, label in choices
                    if counts.get(value) or value in selected
                ]
                label = form_field.label
            else:
                options = [
                    FacetOption(value, value, count, False)
                    for value, count in sorted(counts.items(), reverse=True)
                ]
                label = name
            facets[name] = Facet(name, label, options)
        return facets, number_of_results


class CountedPaginator(Paginator):
    """A paginator told the number of items, counted with the facets rather than by a query of
    its own."""

    def __init__(self, object_list: QuerySet[Any], per_page: int, count: int) -> None:
        super().__init__(object_list, per_page)
        self._known_count = count

    @cached_property
    def count(self) -> int:
        return self._known_count


def ignored_filter_messages(form: Form) -> list[str]:
    """One message per invalid field of a filter form: the field is ignored, not fatal."""
    if form.is_valid():
        return []
    # Django's stubs type an ErrorList as holding ValidationErrors too; a form's errors are
    # its messages.
    return [
        _("%(field)s: %(error)s This filter was ignored.")
        % {"field": form.fields[name].label, "error": " ".join(errors)}  # type: ignore[arg-type]
        for name, errors in form.errors.items()
        if name in form.fields
    ]


def readable_translation_keys(locale: Locale | int) -> PageQuerySet:
    """The translation keys of the pages visitors can read in ``locale`` (live and public, as the
    language switcher counts them): a page whose key is not among them has no translation there."""
    return public(Page.objects.live()).filter(locale=locale).values("translation_key")


def untranslated(pages: PageQuerySet, locale: Locale | int) -> PageQuerySet:
    """The live, public pages of ``pages`` in other locales with no readable translation into
    ``locale``."""
    return (
        public(pages.live())
        .exclude(locale=locale)
        .exclude(translation_key__in=readable_translation_keys(locale))
    )


def path_in(pages: PageQuerySet) -> Q:
    """A filter on ``path`` (a FilterField of every page, a plain string in every database) for
    querysets given to search backends: the database backends run ``pages`` as a subquery,
    Elasticsearch's query compiler runs it first and sends the paths as a ``terms`` filter. (A
    filter on the primary key of a page type becomes its ``page_ptr_id``, which the Elasticsearch
    compiler ignores; translation keys come back from SQLite as hex without dashes.)"""
    return Q(path__in=pages.values("path"))


class UntranslatedItemsMixin(models.Model):
    """For a listing page whose items are translated: whether it also lists the items published
    under its translations that have no readable translation in its own language yet."""

    show_untranslated = models.BooleanField(
        gettext_lazy("show items not yet translated"),
        default=True,
        help_text=gettext_lazy(
            "Items published only in another language appear in this listing with a badge "
            "naming their language and linking to the original."
        ),
    )

    # Mixed into translatable pages, which have these (Wagtail's TranslatableMixin).
    locale_id: int
    translations_and_self: list[Page]  # BasePage's

    class Meta:
        abstract = True

    @cached_property
    def translations_children(self) -> Q:
        """The children of this listing's translations, read once for however many lists the
        page shows (an event listing's items and its archive's years)."""
        children = Q()
        for translation in self.translations_and_self:
            if translation.pk != self.pk:
                children |= Page.objects.child_of_q(translation)
        return children

    def with_untranslated(self, items: PageQuerySet) -> PageQuerySet:
        """``items`` (this listing's live, public children) and, when ``show_untranslated`` is
        on, the live, public children of this listing's translations that have no readable
        translation in this listing's language.

        One queryset, so that filters, facets, sorting, pagination and keyword search treat all
        items alike, whatever the number of items: a query for the translations' paths and two
        for view restrictions (``public()``). Each item comes with its locale, for templates to
        name the language of those in another one."""
        items = items.select_related("locale")
        if not self.show_untranslated or not self.translations_children:
            return items
        others = untranslated(Page.objects.filter(self.translations_children), self.locale_id)
        return items | items.model.objects.filter(path_in(others))  # keeps select_related
