from django.http import HttpRequest, HttpResponsePermanentRedirect
from django.urls import Resolver404, resolve, reverse
from django.utils import translation


def old_spanish_address(
    request: HttpRequest, old_prefix: str, rest: str = ""
) -> HttpResponsePermanentRedirect:
    """The Spanish addresses of search and accounts from before their paths were translated
    (/es/search/ is /es/buscar/, /es/account/profile/ is /es/cuenta/perfil/): moved for good,
    with their query string. Those paths were the English ones, so the English route names the
    page and its Spanish address is reversed; a path no route knows keeps its tail under the new
    prefix, where it is answered like any unknown address."""
    with translation.override("en"):
        try:
            match = resolve(f"/en/{old_prefix}{rest}")
        except Resolver404:
            match = None
    with translation.override("es"):
        if match is not None and match.url_name != "wagtail_serve":
            new_path = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
        else:
            new_path = f"/es/{translation.gettext(old_prefix)}{rest}"
    query = request.META.get("QUERY_STRING")
    return HttpResponsePermanentRedirect(f"{new_path}?{query}" if query else new_path)
