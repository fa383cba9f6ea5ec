from django.shortcuts import render
from django.utils.translation import gettext as _

# Where the builder has Pagefind write its index and interface, from the archive's root.
PAGEFIND_URL = "/pagefind/"


def search(request):
    """The archive's search page: Pagefind's interface over the index built with the archive."""
    return render(
        request,
        "static_archive/search.html",
        {"page_title": _("Search the archive"), "pagefind_url": PAGEFIND_URL},
    )


def notice(request):
    """Where links to accounts, sign-up and other forms lead in the archive."""
    return render(request, "static_archive/notice.html", {"page_title": _("Not available")})
