"""The site's URLs as ``build_archive`` renders them: the search page becomes the client-side
search, and a notice stands in for everything that needs the live site (accounts, forms)."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import path
from django.utils.translation import gettext_lazy as _

from network.urls import urlpatterns as site_urlpatterns
from static_archive import views

urlpatterns = [
    *i18n_patterns(
        # At the live site's address in each language (network/urls.py).
        path(_("search/"), views.search, name="search"),
        path("archive-notice/", views.notice, name="archive_notice"),
    ),
    *site_urlpatterns,
]
