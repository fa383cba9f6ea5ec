"""The site's database search backend (placeholder: Wagtail's own, being replaced)."""

from wagtail.search.backends.database import SearchBackend  # noqa: F401
