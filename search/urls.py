from django.urls import path
from django.utils.translation import gettext_lazy as _

from search import views

# Under the search address of each language (network/urls.py): /en/search/, /es/buscar/.
urlpatterns = [
    path("", views.search, name="search"),
    path(_("suggest/"), views.suggest, name="search_suggest"),
    # As the listings name their feeds, in every language.
    path("feed/", views.search_feed, name="search_feed"),
]
