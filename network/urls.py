import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView, TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from network.account import account_view
from network.auth import AdminLoginView
from network.health import healthz
from network.site_map import site_map
from network.sitemaps import MultilingualSitemap
from network.views import old_spanish_address

# Search and accounts had English paths in Spanish too until their paths were translated.
OLD_SPANISH_PREFIXES = ("search/", "account/")

urlpatterns = [
    path("healthz/", healthz, name="healthz"),
    # Before Wagtail's own log-in, which it replaces (network/auth.py).
    path("admin/login/", AdminLoginView.as_view(), name="wagtailadmin_login"),
    # Before Wagtail's own Account page, which it replaces (network/account.py).
    path("admin/account/", account_view, name="wagtailadmin_account"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("member-photos/", include("members.photo_urls")),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": MultilingualSitemap}}, name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots_txt",
    ),
    *(
        path(f"es/{prefix}{tail}", old_spanish_address, {"old_prefix": prefix})
        for prefix in OLD_SPANISH_PREFIXES
        for tail in ("", "<path:rest>")
    ),
]

if settings.SERVE_MEDIA:
    from django.views.static import serve

    # Not documents: like nginx, leave them to Wagtail's view, which checks their privacy.
    urlpatterns.append(
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?!documents/)(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    )

urlpatterns += i18n_patterns(
    # Each language's words (/es/buscar/, /es/cuenta/); allauth's own paths under the account
    # address stay as allauth names them.
    path(_("search/"), include("search.urls")),
    path(_("site-map/"), site_map, name="site_map"),
    path(_("account/"), include("members.urls")),
    path(_("account/"), include("allauth.urls")),
    # Wagtail's own front-end log-in has none of allauth's rate limits or e-mail verification:
    # its address leads to allauth's (network/auth.py).
    path(
        "_util/login/",
        RedirectView.as_view(pattern_name="account_login", query_string=True),
        name="wagtailcore_login",
    ),
    # Wagtail's page tree last: it answers every URL the patterns above do not.
    path("", include(wagtail_urls)),
)
