import datetime
import io
from collections.abc import Iterable, Sequence
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, Self

from django.apps import apps
from django.conf import settings
from django.core.files.images import ImageFile
from django.db import models, transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.db.models.expressions import Combinable
from django.db.models.functions import Length, Substr
from django.http import HttpRequest
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.documents.models import AbstractDocument
from wagtail.documents.models import Document as WagtailDocument
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Orderable,
    Page,
    PageViewRestriction,
    TranslatableMixin,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from network.i18n import absolute_page_url, hreflang_links, page_alternates
from network.pdf_cover import render_pdf_cover
from network.pdf_text import extract_pdf_text
from network.restrictions import restricted_sections

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

# Where the covers made from PDFs go, apart from the images editors chose (stored: the
# collection's name is data, shown in the admin in one language).
GENERATED_COVERS_COLLECTION = "Generated covers"
# The proportions of the sharing image (fill-1200x630): its crop of a cover keeps the page's top.
SHARING_IMAGE_PROPORTIONS = 630 / 1200


class BasePage(Page):
    """What every page type of the site has: a sharing image and sitemap entries that name the
    page's translations."""

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("social media image"),
        help_text=_("Shown when the page is shared; 1200×630 pixels works best."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    promote_panels = [*Page.promote_panels, FieldPanel("social_image")]

    override_translatable_fields = [SynchronizedField("social_image")]

    # What a visitor calls this kind of page (in search results and the search page's filter),
    # never the CMS's page type: home, standard and listing pages are all just "pages".
    kind = "page"
    kind_label = _("Page")
    kind_label_plural = _("Pages")
    # The word before the date a search result shows (see search_result_date), if any.
    search_result_date_label = None

    class Meta:
        abstract = True

    def search_result_kind(self) -> "StrOrPromise":
        return self.kind_label

    def search_result_date(self) -> datetime.date | None:
        """The date that matters to a reader of a search result (publication, event, deadline),
        or None: never the date the page was loaded or last edited."""
        return None

    def search_snippet_text(self) -> str:
        """Plain text from which a search result's highlighted snippet is taken."""
        return self.search_description

    @cached_property
    def translations_and_self(self) -> list[Page]:
        """This page and its translations, live or not, with their locales: read once for the
        language links and a listing's untranslated items (network/listing.py)."""
        return list(self.get_translations(inclusive=True).select_related("locale"))

    def get_view_restrictions(self) -> QuerySet[PageViewRestriction]:
        # Wagtail reads the page's ancestors, then their restrictions, for every page it serves:
        # nothing to read on a site with no restriction (known once per request).
        if not restricted_sections():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def get_sitemap_urls(self, request: HttpRequest | None = None) -> list[dict[str, Any]]:
        entry: dict[str, Any] = {
            "location": absolute_page_url(self, request),
            "lastmod": self.last_published_at or self.latest_revision_created_at,
        }
        links = hreflang_links(page_alternates(self.translations_and_self, request))
        if links:
            entry["alternates"] = [{"lang_code": code, "location": url} for code, url in links]
        return [entry]


class TaxonomyTerm(TranslatableMixin, index.Indexed, models.Model):
    """A term of the shared vocabulary. Its slug is the same in every language, so a filter URL
    such as ``?topic=city-leadership`` means the same thing in /en/ and /es/."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        allow_unicode=False,
        help_text=_("Used in filter addresses; the same in every language."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    override_translatable_fields = [SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @classmethod
    def vocabularies(cls) -> list[type["TaxonomyTerm"]]:
        """Every vocabulary of the site (topics, places), read together (network/taxonomy.py)."""
        return [model for model in apps.get_models() if issubclass(model, TaxonomyTerm)]


class Topic(TaxonomyTerm):
    description = models.TextField(_("description"), blank=True, max_length=500)

    panels = [*TaxonomyTerm.panels, FieldPanel("description")]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_topic_slug_per_locale")
        ]


class Place(TaxonomyTerm):
    class Kind(models.TextChoices):
        CITY = "city", _("City")
        REGION = "region", _("Region")
        COUNTRY = "country", _("Country")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.CITY)
    country = models.ForeignKey(
        "self",
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"kind": Kind.COUNTRY},
        help_text=_("For a city or region: the country it is in."),
    )

    panels = [*TaxonomyTerm.panels, FieldPanel("kind"), FieldPanel("country")]
    # Its country is translated: a translated city points to the translation of its country,
    # which wagtail-localize submits with it (a RelatedObjectSegment).
    override_translatable_fields = [
        *TaxonomyTerm.override_translatable_fields,
        SynchronizedField("kind"),
    ]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("place")
        verbose_name_plural = _("places")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_place_slug_per_locale")
        ]

    def __str__(self) -> str:
        if self.kind != self.Kind.COUNTRY and self.country is not None:
            return f"{self.name}, {self.country.name}"
        return self.name


class DocumentLink(Orderable):
    """A document attached to a page (a resource's PDFs, a call's terms); subclasses add the
    ``page`` key with their related name."""

    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        abstract = True
        verbose_name = _("document")
        verbose_name_plural = _("documents")


class Partner(TranslatableMixin, models.Model):
    """An institution behind the network, shown on every page's footer (and wherever the
    ``partner_list`` tag is used). Its name is translated; its logo, website and place in the
    list are the same in every language unless a translator overrides the first two."""

    name = models.CharField(_("name"), max_length=150)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Without one, the partner's name is shown instead."),
    )
    website = models.URLField(_("website"), blank=True)
    sort_order = models.IntegerField(
        _("order"),
        default=0,
        help_text=_("Partners are listed from the lowest number up; equal numbers by name."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("logo"),
        FieldPanel("website"),
        FieldPanel("sort_order"),
    ]
    override_translatable_fields = [
        SynchronizedField("logo"),
        SynchronizedField("website"),
        SynchronizedField("sort_order", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self) -> str:
        return self.name


@register_setting(icon="link")
class SiteLinks(BaseSiteSetting):
    """The pages and the address that every page's footer links to. Chosen by editors rather than
    found by slug or title, which they may change; each page is linked in the visitor's language
    where it is translated."""

    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("contact page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked under Contact, beside the e-mail address."),
    )
    contact_email = models.EmailField(
        _("contact e-mail address"),
        blank=True,
        help_text=_(
            "Shown under Contact. If empty, the address set by the site's operator "
            "(CONTACT_EMAIL) is shown."
        ),
    )

    panels = [
        FieldPanel("accessibility_page"),
        FieldPanel("contact_page"),
        FieldPanel("contact_email"),
    ]

    class Meta:
        verbose_name = _("site links")
        verbose_name_plural = _("site links")


def collection_restricted(collection_path: Combinable | str) -> Exists:
    """An expression: whether the collection at ``collection_path`` (an expression, e.g.
    ``OuterRef("collection__path")``) or one of its ancestors has a view restriction, so that
    Wagtail's document view asks visitors to log in (or for a password). A treebeard path starts
    with every ancestor's path."""
    return Exists(
        CollectionViewRestriction.objects.filter(
            collection__path=Substr(collection_path, 1, Length("collection__path"))
        )
    )


def is_restricted(collection: Collection) -> bool:
    """Whether visitors must log in (or give a password) to open the documents of
    ``collection``: it or one of its ancestors has a view restriction."""
    return Collection.objects.filter(
        collection_restricted(OuterRef("path")), pk=collection.pk
    ).exists()


def top_level_collection(name: str) -> Collection:
    """The collection called ``name`` under the root, created on first use."""
    root = Collection.get_first_root_node()
    return root.get_children().filter(name=name).first() or root.add_child(name=name)


def public_document_ids(document_ids: Iterable[int]) -> set[int]:
    """Those of ``document_ids`` that anyone may open: outside every restricted collection."""
    return set(
        NetworkDocument.objects.filter(pk__in=document_ids)
        .annotate(private=collection_restricted(OuterRef("collection__path")))
        .filter(private=False)
        .values_list("pk", flat=True)
    )


class NetworkDocument(AbstractDocument):
    """A Wagtail document whose PDF text is extracted once, when its file is uploaded or
    replaced, so that pages attaching it can be found by words inside it; a PDF anyone may open
    gets a cover too, its first page as an image, for the resources attaching it."""

    extracted_text = models.TextField(editable=False, blank=True)
    # The file_hash the text was extracted from: a replaced file is read again, an unchanged
    # one never.
    extracted_from_hash = models.CharField(max_length=40, editable=False, blank=True)
    text_problem = models.CharField(
        _("text extraction problem"), max_length=255, editable=False, blank=True
    )
    # None for a document in a restricted collection: its cover would show its first page to
    # anyone, since Wagtail serves images to whoever has their address.
    cover = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The file_hash the cover was rendered (or tried) from: a file is rendered once, and one that
    # cannot be rendered is not tried again at each save. Empty while the document is private.
    cover_from_hash = models.CharField(max_length=40, editable=False, blank=True)

    admin_form_fields = WagtailDocument.admin_form_fields

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    @classmethod
    def from_db(cls, db: str | None, field_names: Sequence[str], values: Sequence[Any]) -> Self:
        document = super().from_db(db, field_names, values)
        # Read when the document is saved: a move to another collection may change who can
        # open it (resources/signal_handlers.py).
        if "collection_id" in document.__dict__:
            document.collection_when_loaded = document.collection_id
        return document

    @property
    def is_pdf(self) -> bool:
        return self.file_extension.lower() == "pdf"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self.file or kwargs.get("update_fields"):
            super().save(*args, **kwargs)
            return
        if not self.file_hash:
            self._set_document_file_metadata()
        if self.file_hash != self.extracted_from_hash:
            self.extract_text()
        previous_cover_id = self.cover_id
        jpeg = self.update_cover()
        # The new cover, the document and the old cover's deletion stand or fall together.
        with transaction.atomic():
            if jpeg:
                self.cover = self.make_cover_image(jpeg)
            super().save(*args, **kwargs)
            if previous_cover_id and previous_cover_id != self.cover_id:
                get_image_model().objects.filter(pk=previous_cover_id).delete()

    def extract_text(self) -> None:
        self.extracted_text, self.text_problem = "", ""
        if self.is_pdf:
            with self.open_file() as fileobj:
                result = extract_pdf_text(fileobj)
            self.extracted_text, self.text_problem = result.text, result.problem
        self.extracted_from_hash = self.file_hash
        self.text_was_extracted = True  # read by the search index's signal handlers

    def gives_cover(self) -> bool:
        return self.is_pdf and not is_restricted(self.collection)

    def cover_needs_update(self) -> bool:
        """Whether saving would change the cover: render that of a public PDF's new file, or
        drop that of a document now private."""
        if self.gives_cover():
            return self.cover_from_hash != self.get_file_hash()
        return bool(self.cover_id or self.cover_from_hash)

    def update_cover(self) -> bytes | None:
        """The JPEG of a public PDF's first page when its current file has not been rendered
        yet, for ``save()`` to store; a private document loses its cover (it may have had one
        before it was moved, or its collection restricted). Rendering, which can take up to
        PDF_TEXT_SECONDS, happens before the save's transaction."""
        if not self.gives_cover():
            self.cover, self.cover_from_hash = None, ""
            return None
        if self.cover_from_hash == self.file_hash:
            return None
        self.cover, self.cover_from_hash = None, self.file_hash
        with self.open_file() as fileobj:
            return render_pdf_cover(fileobj)

    def make_cover_image(self, jpeg: bytes) -> AbstractImage:
        image = get_image_model()(
            title=self.title,
            file=ImageFile(io.BytesIO(jpeg), name=f"{PurePath(self.filename).stem}-cover.jpg"),
            collection=top_level_collection(GENERATED_COVERS_COLLECTION),
        )
        # A cropped cover shows the top of the page, where its title is, not the middle. In
        # integers, as they come back from the database: renditions are named after them.
        band = min(image.height, round(image.width * SHARING_IMAGE_PROPORTIONS))
        image.focal_point_x, image.focal_point_y = image.width // 2, band // 2
        image.focal_point_width, image.focal_point_height = image.width, band
        image.save()
        return image
