from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class FeaturedPageBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("Page"))
    description = blocks.TextBlock(
        label=_("Description"),
        required=False,
        max_length=300,
        help_text=_("Leave empty to use the page's search description."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Featured page")


class FeaturedBlock(blocks.StreamBlock):
    featured_page = FeaturedPageBlock()
