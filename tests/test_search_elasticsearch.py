"""The Elasticsearch backend, offline: the index settings, mappings and query bodies it builds.

No Elasticsearch server is needed or faked, and nothing is mocked: the backend points at a closed
local port (http://127.0.0.1:9), so building settings, mappings and queries never touches the
network, and indexing fails with a real connection error. A real server is exercised by
tests/test_search_elasticsearch_live.py.
"""

import logging

import pytest
from django.http import QueryDict
from wagtail.models import Page

from home.models import StandardPage
from network.models import Topic
from network.search.backends.elasticsearch import SearchBackend
from resources.models import ResourcePage
from search.forms import SearchForm
from search.views import search_queryset

CLOSED_PORT_URL = "http://127.0.0.1:9"

pytestmark = pytest.mark.django_db


@pytest.fixture
def backend():
    return SearchBackend({"URLS": [CLOSED_PORT_URL], "TIMEOUT": 1, "INDEX_PREFIX": "test_"})


@pytest.fixture
def analysis(backend):
    return backend.settings["settings"]["analysis"]


def analyzer_filters(analysis, name):
    """The token filters of an analyzer, each resolved to its definition where it has one."""
    return [analysis["filter"].get(name, name) for name in analysis["analyzer"][name]["filter"]]


def test_spanish_analyzer_folds_accents_and_stems_spanish(analysis):
    filters = analyzer_filters(analysis, "spanish_folded")
    assert "lowercase" in filters
    assert "asciifolding" in filters
    assert {"type": "stop", "stopwords": "_spanish_"} in filters
    assert filters[-1] == {"type": "stemmer", "language": "light_spanish"}


def test_english_analyzer_folds_accents_and_stems_english(analysis):
    filters = analyzer_filters(analysis, "english_folded")
    assert filters[0] == {"type": "stemmer", "language": "possessive_english"}
    assert "asciifolding" in filters
    assert {"type": "stop", "stopwords": "_english_"} in filters
    assert filters[-1] == {"type": "stemmer", "language": "english"}


def test_wagtail_autocomplete_analysis_is_kept(analysis):
    assert "edgengram_analyzer" in analysis["analyzer"]
    assert "edgengram" in analysis["filter"]


def test_text_fields_get_a_sub_field_per_language(backend):
    properties = backend.mapping_class(StandardPage).get_mapping()["properties"]
    languages = {
        "en": {"type": "text", "analyzer": "english_folded"},
        "es": {"type": "text", "analyzer": "spanish_folded"},
    }
    for name in ["title", "home_standardpage__body", "_all_text", "_all_text_boost_2_0"]:
        assert properties[name]["type"] == "text"
        assert properties[name]["fields"] == languages, name
    # Filters stay exact keywords, untouched by language analysis.
    assert properties["locale_id_filter"] == {"type": "integer"}
    assert properties["live_filter"] == {"type": "boolean"}


def test_autocomplete_fields_fold_accents_at_index_and_search_time(backend, analysis):
    properties = backend.mapping_class(Page).get_mapping()["properties"]
    for name in ["title_edgengrams", "_edgengrams"]:
        assert properties[name]["analyzer"] == "edgengram_analyzer"
        assert properties[name]["search_analyzer"] == "folding"
        assert "fields" not in properties[name]
    assert "asciifolding" in analysis["analyzer"]["edgengram_analyzer"]["filter"]
    assert analysis["analyzer"]["folding"]["filter"] == ["lowercase", "asciifolding"]


def query_body(results):
    return results._get_es_body()


def test_spanish_public_search_targets_spanish_fields_and_keeps_live_and_locale_filters(
    backend, site_tree
):
    queryset = Page.objects.live().filter(locale=site_tree.spanish)
    query = query_body(backend.search("cooperacion", queryset))["query"]["bool"]

    assert query["must"]["multi_match"]["query"] == "cooperacion"
    assert query["must"]["multi_match"]["fields"] == [
        "_all_text.es",
        "_all_text_boost_2_0.es^2.0",
    ]
    queryset_filters = query["filter"][1]["bool"]["must"]
    assert {"term": {"live_filter": True}} in queryset_filters
    assert {"term": {"locale_id_filter": site_tree.spanish.pk}} in queryset_filters
    # Pages live in one index for both languages; the locale filter keeps the languages apart.
    assert backend.get_index_for_model(Page).name == "test_wagtailcore_page"


def test_english_search_targets_english_fields(backend, site_tree):
    queryset = Page.objects.live().filter(locale=site_tree.home_en.locale)
    query = query_body(backend.search("districts", queryset))["query"]["bool"]
    assert query["must"]["multi_match"]["fields"] == [
        "_all_text.en",
        "_all_text_boost_2_0.en^2.0",
    ]
    assert {"term": {"locale_id_filter": site_tree.home_en.locale.pk}} in query["filter"][1][
        "bool"
    ]["must"]


def test_search_without_locale_filter_targets_every_language(backend):
    query = query_body(backend.search("ciudad", Page.objects.live()))["query"]["bool"]
    assert query["must"]["multi_match"]["fields"] == [
        "_all_text.en",
        "_all_text.es",
        "_all_text_boost_2_0.en^2.0",
        "_all_text_boost_2_0.es^2.0",
    ]
    assert query["filter"][1] == {"term": {"live_filter": True}}


def test_search_restricted_to_fields_targets_their_language_sub_fields(backend, site_tree):
    queryset = StandardPage.objects.live().filter(locale=site_tree.spanish)
    query = query_body(backend.search("ciudad", queryset, fields=["title", "body"]))
    assert query["query"]["bool"]["must"]["multi_match"]["fields"] == [
        "title.es^2",
        "home_standardpage__body.es",
    ]


def test_excluding_a_locale_does_not_pick_its_language(backend, site_tree):
    queryset = Page.objects.live().exclude(locale=site_tree.spanish)
    fields = query_body(backend.search("ciudad", queryset))["query"]["bool"]["must"]
    assert fields["multi_match"]["fields"][:2] == ["_all_text.en", "_all_text.es"]


def test_autocomplete_keeps_live_and_locale_filters(backend, site_tree):
    queryset = Page.objects.live().filter(locale=site_tree.spanish)
    query = query_body(backend.autocomplete("coop", queryset))["query"]["bool"]
    assert query["must"] == {"match": {"_edgengrams": {"query": "coop"}}}
    assert {"term": {"live_filter": True}} in query["filter"][1]["bool"]["must"]
    assert {"term": {"locale_id_filter": site_tree.spanish.pk}} in query["filter"][1]["bool"][
        "must"
    ]


def test_publishing_with_elasticsearch_unreachable_logs_and_succeeds(site_tree, settings, caplog):
    """Only the network is "broken": a closed port. The database and publishing are real."""
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "network.search.backends.elasticsearch",
            "URLS": [CLOSED_PORT_URL],
            "TIMEOUT": 1,
        },
        "database": {"BACKEND": "network.search.backends.database"},
    }
    page = StandardPage(title="Cooperación entre ciudades", slug="cooperacion")

    with caplog.at_level(logging.WARNING):
        site_tree.home_es.add_child(instance=page)
        page.save_revision().publish()

    page.refresh_from_db()
    assert page.live
    failures = [
        record
        for record in caplog.records
        if record.levelno >= logging.WARNING and "'default' search backend" in record.getMessage()
    ]
    assert failures, "an unreachable Elasticsearch should be logged"


def test_keys_only_results_read_elasticsearch_hits_without_the_database(
    backend, site_tree, django_assert_num_queries
):
    results = backend.search("plaza", Page.objects.live().filter(locale=site_tree.spanish))
    results.pks_only = True
    # Hits as Elasticsearch returns them for Wagtail's `"fields": "pk"` request.
    hits = [{"_score": 2.0, "fields": {"pk": ["7"]}}, {"_score": 1.0, "fields": {"pk": ["3"]}}]
    with django_assert_num_queries(0):
        assert list(results._get_results_from_hits(hits)) == [7, 3]


def test_a_caller_that_knows_the_locale_language_saves_looking_it_up(
    backend, site_tree, django_assert_num_queries
):
    queryset = Page.objects.live().filter(locale=site_tree.spanish)
    results = backend.search("cooperacion", queryset).in_language("es")
    with django_assert_num_queries(0):
        fields = query_body(results)["query"]["bool"]["must"]["multi_match"]["fields"]
    assert fields == ["_all_text.es", "_all_text_boost_2_0.es^2.0"]


def test_the_search_page_topic_filter_is_a_nested_filter_on_the_topic(backend, site_tree):
    """Elasticsearch drops a filter on a resource's own key (modelsearch ignores ``*_ptr_id``
    columns), so the search page filters on the topic's slug, indexed with each resource."""
    Topic.objects.create(name="City leadership", slug="city-leadership")
    form = SearchForm(QueryDict("q=levies&topic=city-leadership"))
    assert form.is_valid(), form.errors
    queryset = search_queryset(form, site_tree.home_en.locale)

    filters = query_body(backend.search("levies", queryset))["query"]["bool"]["filter"]

    # modelsearch names a page type's own fields after its table.
    field = "resources_resourcepage__topics"
    nested = [part["nested"] for part in walk(filters) if "nested" in part]
    assert nested == [
        {"path": field, "query": {"terms": {f"{field}.slug_filter": ["city-leadership"]}}}
    ]
    mapping = backend.mapping_class(ResourcePage).get_mapping()["properties"][field]
    # The topic's name is searched too, analysed in each language like every text field.
    assert mapping == {
        "type": "nested",
        "properties": {
            "slug_filter": {"type": "keyword"},
            "name": {
                "type": "text",
                "copy_to": "_all_text",
                "fields": {
                    "en": {"type": "text", "analyzer": "english_folded"},
                    "es": {"type": "text", "analyzer": "spanish_folded"},
                },
            },
        },
    }


def walk(value):
    """Every dict inside an Elasticsearch query body, depth first."""
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from walk(item)
    elif isinstance(value, list):
        for item in value:
            yield from walk(item)
