"""The site's URLconf plus two views for the benchmarks only: one that does nothing, whose time
is the floor every page of the site pays, and the search page of a stock ``wagtail start``
project, as the reference the search benchmark compares the site's own search page with."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpResponse
from django.template import engines
from django.urls import path
from wagtail.models import Page

from network.urls import urlpatterns as site_patterns

#: The search backend alias the stock search page uses (the search benchmark configures it).
STOCK_BACKEND = "stock"

# The project template's search/search.html, without its base.html: the results as it lists them.
STOCK_RESULTS = engines["django"].from_string(
    "{% load wagtailcore_tags %}<h1>Search</h1>"
    "{% if search_results %}<ul>{% for result in search_results %}"
    '<li><h4><a href="{% pageurl result %}">{{ result }}</a></h4>'
    "{% if result.search_description %}{{ result.search_description }}{% endif %}</li>"
    "{% endfor %}</ul>"
    '{% if search_results.has_next %}<a href="?query={{ search_query|urlencode }}'
    '&amp;page={{ search_results.next_page_number }}">Next</a>{% endif %}'
    "{% elif search_query %}No results found{% endif %}"
)


def bare_view(request):
    return HttpResponse("ok")


def stock_search_view(request):
    """wagtail/project_template/search/views.py, on the ``stock`` backend."""
    search_query = request.GET.get("query", None)
    page = request.GET.get("page", 1)
    if search_query:
        search_results = Page.objects.live().search(search_query, backend=STOCK_BACKEND)
    else:
        search_results = Page.objects.none()
    paginator = Paginator(search_results, 10)
    try:
        search_results = paginator.page(page)
    except PageNotAnInteger:
        search_results = paginator.page(1)
    except EmptyPage:
        search_results = paginator.page(paginator.num_pages)
    context = {"search_query": search_query, "search_results": search_results}
    return HttpResponse(STOCK_RESULTS.render(context, request))


urlpatterns = [
    path("bench/bare/", bare_view),
    path("bench/stock-search/", stock_search_view),
    *site_patterns,
]
