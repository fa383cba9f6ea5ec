import datetime
from collections import Counter

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import F, prefetch_related_objects
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from network.listing import Facet, FacetOption, ignored_filter_messages
from network.lookups import InList
from network.models import Topic
from network.taxonomy import term_labels
from resources.models import ResourcePage
from search.forms import SearchForm, SortOrder
from search.highlight import highlight, highlight_title
from search.service import RESULT_WINDOW, autocomplete_titles, clean_query, matching_ids

RESULTS_PER_PAGE = 10
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


def search_queryset(form):
    """The pages a search may return, narrowed by the form's filters. Resource filters make it a
    search of resources only."""
    if any(form.value(name) for name in RESOURCE_FILTERS):
        pages = ResourcePage.objects.all()
        if form.value("resource_type"):
            pages = pages.filter(resource_type__in=form.value("resource_type"))
        if form.value("topic"):
            tagged = ResourcePage.objects.filter(topics__slug__in=form.value("topic"))
            pages = pages.filter(pk__in=list(tagged.values_list("pk", flat=True)[:RESULT_WINDOW]))
        if year := form.value("year"):
            pages = pages.filter(
                publication_date__gte=datetime.date(year, 1, 1),
                publication_date__lte=datetime.date(year, 12, 31),
            )
    else:
        pages = Page.objects.all()
    pages = pages.live().public()
    if not form.value("all_languages"):
        # One language by default: each is searched with its own analysis, and the page stays
        # fast (search/README.md). "All languages" adds the others, labelled with theirs.
        pages = pages.filter(locale=Locale.get_active())
    if form.value("type"):
        content_types = ContentType.objects.get_for_models(
            *(page_model(label) for label in form.value("type"))
        ).values()
        pages = pages.filter(content_type__in=list(content_types))
    if form.value("sort") == SortOrder.DATE:
        pages = pages.order_by("-first_published_at")
    return pages


def search_results(request, form, query):
    pages = search_queryset(form)
    by_relevance = form.value("sort") != SortOrder.DATE
    ids = matching_ids(pages, query, limit=RESULT_WINDOW, order_by_relevance=by_relevance)
    matches = match_details(ids)
    paginator = Paginator(ids, RESULTS_PER_PAGE)
    results = paginator.get_page(request.GET.get("page"))
    shown = load_pages(results.object_list, matches)
    results.object_list = [
        search_result(shown[pk], query) for pk in results.object_list if pk in shown
    ]
    return {
        "results": results,
        "total": len(ids),
        "more_than_window": len(ids) >= RESULT_WINDOW,
        "facets": facets(form, matches),
        "querystring": querystring_without_page(request),
        "suggestions": suggestions(request, form) if not ids else [],
    }


def match_details(ids):
    """What the facets count and the results load by, in one query: ``(pk, content type id,
    resource type, publication date, topic slug)``, a row per match and topic."""
    return list(
        Page.objects.filter(InList(F("pk"), ids))
        .order_by()
        .values_list(
            "pk",
            "content_type",
            "resourcepage__resource_type",
            "resourcepage__publication_date",
            "resourcepage__topics__slug",
        )
    )


def load_pages(ids, matches):
    """``{pk: specific page}`` for the shown results, a query per page type, as ``specific()``
    would do but without its query for the content types, which the matches already give."""
    content_types = {pk: content_type for pk, content_type, *_details in matches}
    by_model = {}
    for pk in ids:
        if pk in content_types:
            model = ContentType.objects.get_for_id(content_types[pk]).model_class()
            by_model.setdefault(model, []).append(pk)
    pages = {}
    for model, pks in by_model.items():
        found = model.objects.filter(pk__in=pks).select_related("locale").in_bulk()
        if model is ResourcePage:
            prefetch_related_objects(list(found.values()), "documents__document")
        pages.update(found)
    return pages


def search_result(page, query):
    return {
        "page": page,
        "title": highlight_title(page.title, query),
        "snippet": highlight(page.search_snippet_text(), query),
        "type": result_type_label(page),
        "date": getattr(page, "publication_date", None) or page.first_published_at,
        "language": page.locale.language_code,
    }


def result_type_label(page):
    if isinstance(page, ResourcePage):
        return page.get_resource_type_display()
    return page._meta.verbose_name.capitalize()


def facets(form, matches):
    """Counts among the matches the page can show (at most RESULT_WINDOW)."""
    type_labels = dict(form.fields["type"].choices)
    content_types, resource_types, years, topics = Counter(), Counter(), Counter(), Counter()
    counted = set()
    for pk, content_type, resource_type, publication_date, topic in matches:
        if topic:
            topics[topic] += 1
        if pk in counted:
            continue
        counted.add(pk)
        content_types[content_type] += 1
        if resource_type:
            resource_types[resource_type] += 1
        if publication_date:
            years[publication_date.year] += 1
    # ContentType lookups by id come from Django's cache, not the database.
    type_counts = {
        ContentType.objects.get_for_id(pk).model_class()._meta.label_lower: count
        for pk, count in content_types.items()
    }
    topic_labels = term_labels(Topic)
    return [
        choice_facet(form, "type", type_labels, type_counts),
        choice_facet(
            form, "resource_type", dict(form.fields["resource_type"].choices), resource_types
        ),
        choice_facet(form, "topic", topic_labels, topics),
        Facet(
            "year",
            form.fields["year"].label,
            [
                FacetOption(str(year), str(year), count, year == form.value("year"))
                for year, count in sorted(years.items(), reverse=True)
                if year
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


def page_model(label):
    app_label, model_name = label.split(".")
    return ContentType.objects.get_by_natural_key(app_label, model_name).model_class()


def suggest(request):
    """Titles of live pages of the active language starting with what has been typed."""
    query = clean_query(request.GET.get("q"))
    if len(query) < 2:
        return JsonResponse({"results": []})
    pages = Page.objects.live().public().filter(locale=Locale.get_active())
    found = autocomplete_titles(pages.specific(), query)
    return JsonResponse(
        {"results": [{"title": page.title, "url": page.get_url(request)} for page in found]}
    )
