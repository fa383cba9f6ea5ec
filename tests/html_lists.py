"""What a listing or the search page shows, read from its HTML."""

from bs4 import BeautifulSoup


def titles(response):
    """The titles of the resources a library lists, in order."""
    html = BeautifulSoup(response.content, "html.parser")
    return [h.get_text(strip=True) for h in html.select(".resource-list .card__title")]


def facet_counts(response, name):
    """``{value: count}`` of the filter ``name`` of a library."""
    html = BeautifulSoup(response.content, "html.parser")
    return {
        box["value"]: box.find_next("label").select_one(".count").get_text(strip=True)
        for box in html.select(f'input[type="checkbox"][name="{name}"]')
    }


def result_titles(html):
    """The titles of the search results on a parsed search page, whitespace normalised."""
    return [" ".join(h.get_text().split()) for h in html.select(".search-results h3")]


def related_titles(response):
    """The titles of the related resources a resource page shows, in order."""
    html = BeautifulSoup(response.content, "html.parser")
    return [h.get_text(strip=True) for h in html.select(".related .card__title")]
