"""The site's Elasticsearch 9 backend (placeholder: Wagtail's own, being replaced)."""

from wagtail.search.backends.elasticsearch9 import SearchBackend  # noqa: F401
