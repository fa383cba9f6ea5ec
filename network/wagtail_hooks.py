from typing import TYPE_CHECKING

from django.contrib.auth.models import Permission
from django.db.models import QuerySet
from django.http import HttpRequest
from django.templatetags.static import static
from django.urls import URLPattern, path, reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from network.models import Partner, Place, Topic
from network.styleguide import design_system
from network.two_factor import two_factor_permission

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class PlaceViewSet(SnippetViewSet):
    model = Place
    icon = "site"
    list_display = ["name", "kind", "country"]
    list_filter = ["kind"]
    search_fields = ["name"]


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    items = (TopicViewSet, PlaceViewSet)
    menu_icon = "tag"
    menu_label = _("Vocabulary")
    menu_name = "vocabulary"


register_snippet(TaxonomyViewSetGroup)


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "group"
    menu_label = _("Partners")
    menu_name = "partners"
    add_to_admin_menu = True
    list_display = ["name", "website", "sort_order"]
    search_fields = ["name"]
    # Editors type the order: Wagtail's drag and drop would renumber every language's partners
    # at once from a list showing one language.
    sort_order_field = None


register_snippet(PartnerViewSet)


@hooks.register("register_permissions")
def register_two_factor_permission() -> QuerySet[Permission]:
    return two_factor_permission()


@hooks.register("register_account_menu_item")
def two_factor_account_menu_item(request: HttpRequest) -> dict[str, "StrOrPromise"]:
    return {
        "url": reverse("mfa_index"),
        "label": _("Two-factor authentication"),
        "help_text": _(
            "Ask for a code from an authenticator app on your phone each time you log in."
        ),
    }


@hooks.register("register_admin_urls")
def register_design_system_url() -> list[URLPattern]:
    return [path("design-system/", design_system, name="design_system")]


@hooks.register("register_help_menu_item")
def design_system_menu_item() -> MenuItem:
    return MenuItem(_("Design system"), reverse("design_system"), icon_name="image", order=1000)


@hooks.register("insert_editor_js")
def translation_editor_heading() -> SafeString:
    """wagtail-localize's translation editor, a React app, heads its segments "English to Spanish
    translation" in words of its code, never translated: static/js/translation-editor-title.js
    puts this heading, in the admin's language, in their place."""
    return format_html(
        # Deferred: Wagtail prints this hook's output before the editor's markup.
        '<script src="{}" data-title="{}" defer></script>',
        static("js/translation-editor-title.js"),
        # Translators: %(source)s and %(target)s are language names, e.g. "English", "Spanish".
        gettext("%(source)s to %(target)s translation"),
    )
