"""The site's URLconf plus a view that does nothing, for library_benchmark.py only: timing it
through the same middleware gives the floor every page of the site pays."""

from django.http import HttpResponse
from django.urls import path

from network.urls import urlpatterns as site_patterns


def bare_view(request):
    return HttpResponse("ok")


urlpatterns = [path("bench/bare/", bare_view), *site_patterns]
