"""The site's Elasticsearch 9 backend: Wagtail's, with English and Spanish language analysis
(network/search/backends/multilingual.py)."""

from wagtail.search.backends.elasticsearch9 import Elasticsearch9SearchBackend

from network.search.backends.multilingual import multilingual_backend

SearchBackend = multilingual_backend(Elasticsearch9SearchBackend, "Elasticsearch")
