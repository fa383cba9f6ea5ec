from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from network.models import Partner, Place, Topic
from network.two_factor import two_factor_permission


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
def register_two_factor_permission():
    return two_factor_permission()


@hooks.register("register_account_menu_item")
def two_factor_account_menu_item(request):
    return {
        "url": reverse("mfa_index"),
        "label": _("Two-factor authentication"),
        "help_text": _(
            "Ask for a code from an authenticator app on your phone each time you log in."
        ),
    }
