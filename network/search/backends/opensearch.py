"""The site's OpenSearch 2 backend: Wagtail's, with the same English and Spanish language
analysis as the Elasticsearch one (network/search/backends/multilingual.py)."""

from network.search.backends.opensearch_client import import_opensearchpy

import_opensearchpy()

from wagtail.search.backends.opensearch2 import OpenSearch2SearchBackend  # noqa: E402

from network.search.backends.multilingual import multilingual_backend  # noqa: E402

SearchBackend = multilingual_backend(OpenSearch2SearchBackend, "OpenSearch")
