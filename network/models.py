from django.db import models
from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.documents.models import AbstractDocument
from wagtail.documents.models import Document as WagtailDocument
from wagtail.models import CollectionViewRestriction, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from network.i18n import absolute_page_url, hreflang_links, page_alternates
from network.pdf_text import extract_pdf_text


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

    class Meta:
        abstract = True

    def search_snippet_text(self):
        """Plain text from which a search result's highlighted snippet is taken."""
        return self.search_description

    def get_sitemap_urls(self, request=None):
        entry = {
            "location": absolute_page_url(self, request),
            "lastmod": self.last_published_at or self.latest_revision_created_at,
        }
        links = hreflang_links(page_alternates(self, request))
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

    def __str__(self):
        return self.name


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

    def __str__(self):
        if self.country_id and self.kind != self.Kind.COUNTRY:
            return f"{self.name}, {self.country.name}"
        return self.name


def collection_restricted(collection_path):
    """An expression: whether the collection at ``collection_path`` (an expression, e.g.
    ``OuterRef("collection__path")``) or one of its ancestors has a view restriction, so that
    Wagtail's document view asks visitors to log in (or for a password). A treebeard path starts
    with every ancestor's path."""
    return Exists(
        CollectionViewRestriction.objects.filter(
            collection__path=Substr(collection_path, 1, Length("collection__path"))
        )
    )


def public_document_ids(document_ids):
    """Those of ``document_ids`` that anyone may open: outside every restricted collection."""
    return set(
        NetworkDocument.objects.filter(pk__in=document_ids)
        .annotate(private=collection_restricted(OuterRef("collection__path")))
        .filter(private=False)
        .values_list("pk", flat=True)
    )


class NetworkDocument(AbstractDocument):
    """A Wagtail document whose PDF text is extracted once, when its file is uploaded or
    replaced, so that pages attaching it can be found by words inside it."""

    extracted_text = models.TextField(editable=False, blank=True)
    # The file_hash the text was extracted from: a replaced file is read again, an unchanged
    # one never.
    extracted_from_hash = models.CharField(max_length=40, editable=False, blank=True)
    text_problem = models.CharField(
        _("text extraction problem"), max_length=255, editable=False, blank=True
    )

    admin_form_fields = WagtailDocument.admin_form_fields

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    @classmethod
    def from_db(cls, db, field_names, values):
        document = super().from_db(db, field_names, values)
        # Read when the document is saved: a move to another collection may change who can
        # open it (resources/signal_handlers.py).
        if "collection_id" in document.__dict__:
            document.collection_when_loaded = document.collection_id
        return document

    def save(self, *args, **kwargs):
        if self.file and not kwargs.get("update_fields"):
            if not self.file_hash:
                self._set_document_file_metadata()
            if self.file_hash != self.extracted_from_hash:
                self.extract_text()
        super().save(*args, **kwargs)

    def extract_text(self):
        self.extracted_text, self.text_problem = "", ""
        if self.file_extension.lower() == "pdf":
            with self.open_file() as fileobj:
                result = extract_pdf_text(fileobj)
            self.extracted_text, self.text_problem = result.text, result.problem
        self.extracted_from_hash = self.file_hash
        self.text_was_extracted = True  # read by the search index's signal handlers
