"""The two addresses of an admin report built on Wagtail's ReportView: the page, and its results
alone, which Wagtail's filters fetch as they change."""

from typing import Any

from django.urls import URLPattern, path


def report_urls(prefix: str, view: Any, name: str) -> list[URLPattern]:
    """``reports/<prefix>/`` named ``name``, and ``reports/<prefix>/results/`` named
    ``<name>_results`` (the view's ``index_url_name`` and ``index_results_url_name``)."""
    return [
        path(f"reports/{prefix}/", view.as_view(), name=name),
        path(f"reports/{prefix}/results/", view.as_view(results_only=True), name=f"{name}_results"),
    ]
