import datetime
import functools
from collections import Counter
from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, Prefetch, Q, prefetch_related_objects
from django.db.models.functions import ExtractYear
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from network.feeds import LATEST_COUNT
from network.i18n import language_codes_by_locale
from network.listing import Facet, FacetOption, ignored_filter_messages
from network.lookups import InList
from network.models import Topic
from network.restrictions import public
from network.search.analysis import only_stop_words
from network.search.service import (
    RESULT_WINDOW,
    autocomplete_titles,
    clean_query,
    faceted_search,
    matching_ids,
)
from network.taxonomy import term_labels
from resources.models import ResourcePage, document_links
from search.feeds import SearchResultsFeed
from search.forms import SearchForm, SortOrder, page_kinds
from search.highlight import highlight, highlight_title, mentions
from search.log import count_search
from search.promotions import editors_picks
from search.vocabulary import did_you_mean

RESULTS_PER_PAGE = 10
# A search that finds fewer is offered a better spelling, if there is one.
FEW_RESULTS = 3
RESOURCE_FILTERS = ("resource_type", "topic", "year")


def search(request):
    """Live pages of the active language (or of all languages) matching ``q``, with facets,
    highlighted snippets and pagination within the engines' result window."""
    form = SearchForm(request.GET)
    form.is_valid()
    query = clean_query(form.value("q"))
    context = {
        "form": form,
        "search_query": query,
        "filter_errors": ignored_filter_messages(form),
        "page_title": _("Search"),
        "is_filtered": True,  # result pages are not for search engines' indexes
    }
    if query:
        context.update(search_results(request, form, query))
    return render(request, "search/search.html", context)


def search_feed(request):
    """The first results of the same search as an Atom feed; an empty search gives an empty
    feed. Feed readers ask again and again: they are not counted as searches."""
    form = SearchForm(request.GET)
    form.is_valid()
    query = clean_query(form.value("q"))
    pages, languages = [], {}
    if query:
        locale = Locale.get_active()
        found = faceted_search(
            search_queryset(form, locale),
            query,
            facet_counts,
            page_number=1,
            per_page=LATEST_COUNT,
            language_code=None if form.value("all_languages") else locale.language_code,
            order_by_relevance=form.value("sort") != SortOrder.DATE,
        )
        shown = load_pages(found.page.object_list)
        pages = [shown[pk] for pk, _type in found.page.object_list if pk in shown]
        codes = language_codes_by_locale()
        languages = {page.pk: codes[page.locale_id] for page in pages}
    return SearchResultsFeed(query, pages, languages, querystring_without_page(request))(request)


def search_queryset(form, locale):
    """The pages a search may return, narrowed by the form's filters. Resource filters make it a
    search of resources only."""
    if any(form.value(name) for name in RESOURCE_FILTERS):
        pages = ResourcePage.objects.all()
        if form.value("resource_type"):
            pages = pages.filter(resource_type__in=form.value("resource_type"))
        if form.value("topic"):
            # A resource with two of the topics (or a topic and its translation) is joined
            # twice: distinct, for the backends that return the queryset's rows.
            pages = pages.filter(topics__slug__in=form.value("topic")).distinct()
        if year := form.value("year"):
            pages = pages.filter(
                publication_date__gte=datetime.date(year, 1, 1),
                publication_date__lte=datetime.date(year, 12, 31),
            )
    else:
        pages = Page.objects.all()
    pages = public(pages.live())
    if not form.value("all_languages"):
        # One language by default: each is searched with its own analysis, and the page stays
        # fast (network/search/README.md). "All languages" adds the others, labelled with theirs.
        pages = pages.filter(locale=locale)
    if form.value("type"):
        kinds = page_kinds()
        models = [model for kind in form.value("type") for model in kinds[kind]]
        content_types = ContentType.objects.get_for_models(*models).values()
        pages = pages.filter(content_type__in=list(content_types))
    if form.value("sort") == SortOrder.DATE:
        pages = pages.order_by("-first_published_at")
    return pages


def search_results(request, form, query):
    locale = Locale.get_active()
    found = faceted_search(
        search_queryset(form, locale),
        query,
        facet_counts,
        page_number=request.GET.get("page"),
        per_page=RESULTS_PER_PAGE,
        language_code=None if form.value("all_languages") else locale.language_code,
        order_by_relevance=form.value("sort") != SortOrder.DATE,
    )
    results = found.page
    shown = load_pages(results.object_list)
    if form.value("all_languages"):
        locale_languages = language_codes_by_locale()
    else:
        locale_languages = {locale.pk: locale.language_code}
    pages = [shown[pk] for pk, _type in results.object_list if pk in shown]
    languages = {page.pk: locale_languages.get(page.locale_id) for page in pages}
    snippets = snippet_texts(pages, query, languages)
    results.object_list = [
        search_result(page, query, snippets[page.pk], languages[page.pk]) for page in pages
    ]
    first_page = results.number == 1
    if first_page:
        count_search(query, locale.language_code, found_anything=bool(found.total))
    return {
        "editors_picks": editors_picks(query, locale) if first_page else [],
        "did_you_mean": better_spelling(form, query, locale, found.total),
        "results": results,
        # The page lists the best RESULT_WINDOW and says when there are more.
        "total": min(found.total, RESULT_WINDOW),
        "more_than_window": found.more,
        "facets": facets(form, found.types, found.counts),
        "querystring": querystring_without_page(request),
        "suggestions": suggestions(request, form) if not found.total else [],
        # "de la", "the of": the analysis leaves every word out (network/search/analysis.py).
        "only_common_words": not found.total and only_stop_words(query, locale.language_code),
    }


def better_spelling(form, query, locale, total):
    """``{"query", "url"}``: the query spelt as the words of the visitor's language are
    (search/vocabulary.py), when the query found fewer than FEW_RESULTS and that finds more; or
    None."""
    if total >= FEW_RESULTS:
        return None
    suggestion = did_you_mean(query, locale.language_code)
    if suggestion is None:
        return None
    found = matching_ids(search_queryset(form, locale), suggestion, limit=total + 1)
    if len(found) <= total:
        return None
    parameters = {"q": suggestion}
    if form.value("all_languages"):
        parameters["all_languages"] = "on"
    return {"query": suggestion, "url": f"{reverse('search')}?{urlencode(parameters)}"}


def keys_filter(field, keys):
    """Rows whose ``field`` is one of ``keys``: a subquery, or a list of keys."""
    if isinstance(keys, list | tuple):
        return InList(F(field), keys)
    return Q(**{f"{field}__in": keys})


def facet_counts(keys):
    """What the facets count besides page types, over the matches whose keys are ``keys``:
    ``{name: queryset of (values..., count) rows}`` (network.search.service.faceted_search)."""
    if isinstance(keys, list | tuple):
        return build_facet_counts(keys)
    # A subquery of the matches is the same expression on every request: the querysets are
    # built once (they are only ever compiled, never evaluated).
    return cached_facet_counts(keys)


def build_facet_counts(keys):
    return {
        "resources": ResourcePage.objects.filter(keys_filter("pk", keys))
        .annotate(year=ExtractYear("publication_date"))
        .values_list("resource_type", "year")
        .annotate(count=Count("pk")),
        "topics": ResourcePage.topics.through.objects.filter(keys_filter("resourcepage_id", keys))
        .values_list("topic__slug")
        .annotate(count=Count("pk")),
    }


cached_facet_counts = functools.lru_cache(maxsize=8)(build_facet_counts)


def load_pages(rows):
    """``{pk: specific page}`` for the shown results, from their ``(pk, content type id)``: a
    query per page type, as ``specific()`` does."""
    by_model = {}
    for pk, content_type in rows:
        model = ContentType.objects.get_for_id(content_type).model_class()
        # (None: an index entry of a page type since removed from the code)
        if model is not None:
            by_model.setdefault(model, []).append(pk)
    pages = {}
    for model, pks in by_model.items():
        pages.update((page.pk, page) for page in model.objects.filter(pk__in=pks).order_by())
    return pages


def snippet_texts(pages, query, languages):
    """``{pk: text}`` from which each page's snippet is taken. A resource whose own text does
    not mention the query (in its language, ``languages[pk]``) gets its documents' text after
    it, read for all such resources in one query: a word found only in a PDF is still shown in
    context."""
    texts = {page.pk: page.search_snippet_text() for page in pages}
    unmentioned = [
        page
        for page in pages
        if isinstance(page, ResourcePage)
        and not mentions(texts[page.pk], query, languages[page.pk])
    ]
    if unmentioned:
        prefetch_related_objects(unmentioned, Prefetch("documents", document_links()))
        for page in unmentioned:
            texts[page.pk] = " ".join([texts[page.pk], page.document_text()])
    return texts


def search_result(page, query, snippet_text, language):
    return {
        "page": page,
        "title": highlight_title(page.title, query, language),
        "snippet": highlight(snippet_text, query, language),
        "kind": page.search_result_kind(),
        "date": page.search_result_date(),
        "date_label": page.search_result_date_label,
        "language": language or page.locale.language_code,
    }


def facets(form, types, counts):
    """The facets: page types, resource types, topics and years, with their counts among the
    matches (network/search/README.md)."""
    type_labels = dict(form.fields["type"].choices)
    # ContentType lookups by id come from Django's cache, not the database.
    type_counts = Counter()
    for pk, count in types.items():
        model = ContentType.objects.get_for_id(pk).model_class()
        if model is not None and hasattr(model, "kind"):
            type_counts[model.kind] += count
    resource_types, years = Counter(), Counter()
    for resource_type, year, count in counts["resources"]:
        resource_types[resource_type] += count
        if year:
            years[int(year)] += count
    topics = dict(counts["topics"])
    # Labels are only needed for the topics found.
    topic_labels = term_labels(Topic) if topics else {}
    return [
        choice_facet(form, "type", type_labels, type_counts),
        choice_facet(
            form,
            "resource_type",
            dict(form.fields["resource_type"].choices),
            resource_types,
        ),
        choice_facet(form, "topic", topic_labels, topics),
        Facet(
            "year",
            form.fields["year"].label,
            [
                FacetOption(str(year), str(year), count, year == form.value("year"))
                for year, count in sorted(years.items(), reverse=True)
            ],
        ),
    ]


def choice_facet(form, name, labels, counts):
    selected = set(form.value(name))
    return Facet(
        name,
        form.fields[name].label,
        sorted(
            (
                FacetOption(value, labels.get(value, value), count, value in selected)
                for value, count in counts.items()
                if value in labels
            ),
            key=lambda option: (-option.count, option.label.casefold()),
        ),
    )


def suggestions(request, form):
    """Ways out of an empty result: drop the filters, or look in every language."""
    query = {"q": clean_query(form.value("q"))}
    options = []
    if any(form.value(name) for name in ("type", *RESOURCE_FILTERS)):
        options.append((_("Search again without filters"), query))
    if not form.value("all_languages"):
        options.append((_("Search in all languages"), {**query, "all_languages": "on"}))
    return options


def querystring_without_page(request):
    data = request.GET.copy()
    data.pop("page", None)
    return data.urlencode()


def suggest(request):
    """Titles of live pages of the active language starting with what has been typed."""
    query = clean_query(request.GET.get("q"))
    if len(query) < 2:
        return JsonResponse({"results": []})
    pages = public(Page.objects.live()).filter(locale=Locale.get_active())
    found = autocomplete_titles(pages.specific(), query)
    return JsonResponse(
        {"results": [{"title": page.title, "url": page.get_url(request)} for page in found]}
    )
