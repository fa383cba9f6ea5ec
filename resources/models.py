from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, OuterRef, Prefetch, prefetch_related_objects
from django.db.models.functions import ExtractYear
from django.http import HttpResponse
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from members.models import PersonLink
from network.blocks import BodyBlock, stream_text
from network.forms import TaxonomyPageForm
from network.i18n import shown_in_language
from network.listing import FilterableListMixin, UntranslatedItemsMixin
from network.lookups import InList
from network.models import (
    BasePage,
    DocumentLink,
    Place,
    Topic,
    collection_restricted,
    public_document_ids,
)
from network.restrictions import public
from network.search.service import clean_query, matching_ids
from network.taxonomy import link_terms, term_labels, term_links
from resources import citations
from resources.choices import WRITTEN_IN, PublicationLanguage, ResourceType
from resources.feeds import LatestResourcesFeed
from resources.filters import ResourceFilterSet
from resources.similar import most_similar

RESOURCE_TYPE_LABELS = dict(ResourceType.choices)
DOI_PREFIXES = ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "doi:")
doi_validator = RegexValidator(
    r"^10\.\d{4,9}/\S+$", _("Enter a DOI such as 10.1234/abcd.5678 (without https://doi.org/).")
)


class ResourceIndexPage(FilterableListMixin, UntranslatedItemsMixin, RoutablePageMixin, BasePage):
    """The resource library: every resource of one language, and those not translated into it
    yet, filterable."""

    filterset_class = ResourceFilterSet
    facets = {
        "type": ("type",),
        "topic": ("topic",),
        "place": ("place",),
        "language": ("language",),
        "year": ("year_from", "year_to"),
    }
    facet_fields = {
        "type": "resource_type",
        "topic": "topics__slug",
        "place": "places__slug",
        "language": "original_language",
        "year": "publication_year",
    }

    introduction = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("introduction"),
        FieldPanel("show_untranslated"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("introduction")]
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        SynchronizedField("show_untranslated"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["resources.ResourcePage"]

    class Meta:
        verbose_name = _("resource library")
        verbose_name_plural = _("resource libraries")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form, facets = context["filter_form"], context["facets"]
        context["choice_facets"] = [facets[name] for name in ("type", "topic", "place", "language")]
        context["year_fields"] = [
            {
                "name": name,
                "label": form.fields[name].label,
                "value": str(int(form.cleaned_data[name])) if form.cleaned_data.get(name) else "",
            }
            for name in ("year_from", "year_to")
        ]
        return context

    def get_listing_queryset(self, request):
        resources = self.with_untranslated(
            public(ResourcePage.objects.child_of(self).live().select_related("cover_image"))
        )
        query = clean_query(request.GET.get("q"))
        if query:
            resources = resources.filter(InList(F("pk"), matching_ids(resources, query)))
        return resources

    def annotate_for_facets(self, queryset):
        return queryset.annotate(publication_year=ExtractYear("publication_date"))

    def prepare_results(self, results, request):
        return prepare_cards(results)

    @path("feed/", name="feed")
    def feed(self, request):
        latest = (
            public(ResourcePage.objects.child_of(self).live())
            .order_by("-publication_date", "-pk")
            .prefetch_related("authors")
        )
        return LatestResourcesFeed(self, latest)(request)


class ResourcePage(RoutablePageMixin, BasePage):
    #: How many similar resources the page shows when its editors chose no related resources.
    SIMILAR_RESOURCES = 3

    resource_type = models.CharField(_("type"), max_length=20, choices=ResourceType.choices)
    publication_date = models.DateField(_("publication date"))
    original_language = models.CharField(
        _("original language"),
        max_length=10,
        choices=PublicationLanguage.choices,
        default=PublicationLanguage.ENGLISH,
        help_text=_("The language the resource was first published in."),
    )
    summary = models.TextField(_("summary"), max_length=1000)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    publisher = models.CharField(
        _("publisher"),
        max_length=200,
        blank=True,
        help_text=_("Used in citations, e.g. UCL City Leadership Initiative."),
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    topics = ParentalManyToManyField("network.Topic", verbose_name=_("topics"), blank=True)
    places = ParentalManyToManyField("network.Place", verbose_name=_("places"), blank=True)
    # Validated in clean(), after a pasted https://doi.org/ prefix has been removed.
    doi = models.CharField(
        _("DOI"), max_length=255, blank=True, help_text=_("For example 10.1234/abcd.5678")
    )
    external_url = models.URLField(_("external address"), blank=True, max_length=500)

    base_form_class = TaxonomyPageForm

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("resource_type"),
                FieldPanel("publication_date"),
                FieldPanel("original_language"),
                FieldPanel("publisher"),
            ],
            heading=_("Publication"),
        ),
        InlinePanel("authors", label=_("Authors"), heading=_("Authors")),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("documents", label=_("Document"), heading=_("Documents"), min_num=0),
        FieldPanel("cover_image"),
        MultiFieldPanel(
            [
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("places", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Topics and places"),
        ),
        MultiFieldPanel([FieldPanel("doi"), FieldPanel("external_url")], heading=_("Links")),
        InlinePanel(
            "related_links",
            label=_("Related resource"),
            heading=_("Related resources"),
            help_text=_(
                "Choose none and the page shows the three resources most like it, by topics, "
                "places and words."
            ),
        ),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("publisher"),
        index.SearchField("document_text"),
        index.RelatedFields("authors", [index.SearchField("name")]),
        # A topic's or place's name finds the resources filed under it ("public private
        # partnerships"); the slug is the search page's topic filter (a nested filter in
        # Elasticsearch).
        index.RelatedFields("topics", [index.SearchField("name"), index.FilterField("slug")]),
        index.RelatedFields("places", [index.SearchField("name")]),
        index.FilterField("resource_type"),
        index.FilterField("publication_date"),
        index.FilterField("original_language"),
    ]

    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        SynchronizedField("resource_type"),
        SynchronizedField("original_language"),
        SynchronizedField("publication_date"),
        SynchronizedField("publisher"),
        SynchronizedField("cover_image"),
        SynchronizedField("topics"),
        SynchronizedField("places"),
        SynchronizedField("doi"),
        SynchronizedField("external_url"),
        SynchronizedField("authors"),
        SynchronizedField("documents"),
        SynchronizedField("related_links"),
    ]

    parent_page_types = ["resources.ResourceIndexPage"]
    subpage_types = []

    kind = "resource"
    kind_label = _("Resource")
    kind_label_plural = _("Resources")

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")

    def search_result_kind(self):
        # (get_resource_type_display() translates every choice's label to find this one)
        return RESOURCE_TYPE_LABELS.get(self.resource_type, self.resource_type)

    def search_result_date(self):
        return self.publication_date

    def clean(self):
        super().clean()
        doi = self.doi.strip()
        for prefix in DOI_PREFIXES:
            if doi.lower().startswith(prefix):
                doi = doi[len(prefix) :]
        self.doi = doi
        if doi:
            try:
                doi_validator(doi)
            except ValidationError as error:
                raise ValidationError({"doi": error}) from error

    def get_context(self, request, *args, **kwargs):
        # Read once for all that shows them: the documents (for the attachments and the cover),
        # the authors (for the byline and the citation), topics and places (for their links and
        # similar resources), the covers' renditions (for the cover and the sharing image, which
        # would otherwise each read and write the renditions' cache).
        prefetch_related_objects([self], "authors", "topics", "places")
        prepare_covers([self])
        context = super().get_context(request, *args, **kwargs)
        context.update(
            library=self.get_parent(),
            topic_links=term_links(self.topics.all(), term_labels(Topic)),
            place_links=term_links(self.places.all(), term_labels(Place)),
            attachments=self.public_documents(),
            attachments_language=(
                WRITTEN_IN.get(self.original_language)
                if self.original_language != self.locale.language_code
                else None
            ),
            related=self.related_resources(),
            citation=citations.citation_text(self, request),
        )
        return context

    @classmethod
    def get_indexed_objects(cls):
        """What ``update_index`` reads, with each chunk's topics, places and documents in a query
        each.
        modelsearch prefetches no ParentalManyToManyField (``RelatedFields("topics")``), and
        ``document_text`` reads each resource's documents: without this, two queries per
        resource (rebuilding the search benchmark's 10,000 resources on PostgreSQL took 43 s
        rather than 9)."""
        return (
            super()
            .get_indexed_objects()
            .prefetch_related("topics", "places", Prefetch("documents", document_links()))
        )

    def search_snippet_text(self):
        """The page's own text. A results page adds ``document_text()`` after it when the
        query's words are not in it (search/views.py): a word found only in a PDF is still shown
        in context, and the documents, whose text can be long, are read only then."""
        return " ".join([self.summary, stream_text(self.body)])

    def public_documents(self):
        """The documents anyone may open, in order. One in a collection with a view restriction
        is left out of the page, its text out of the search index and snippets: listing it
        would show its title to visitors Wagtail's document view turns away. Links prefetched
        with ``document_links()`` already know; others cost a query."""
        links = list(self.documents.all())
        if all(hasattr(link, "private") for link in links):
            return [link.document for link in links if not link.private]
        public = public_document_ids([link.document_id for link in links])
        return [link.document for link in links if link.document_id in public]

    def document_text(self):
        return "\n".join(document.extracted_text for document in self.public_documents())

    def main_pdf(self):
        """The first PDF anyone may open, whose first page is the cover when the editor chose
        no cover image."""
        return next((document for document in self.public_documents() if document.is_pdf), None)

    @cached_property
    def cover(self):
        """The image on the resource's cover: the editor's, else the first page of its main PDF
        (made when the PDF is uploaded or the resource published: NetworkDocument.cover)."""
        if self.cover_image_id:
            return self.cover_image
        document = self.main_pdf()
        return document.cover if document else None

    @property
    def doi_url(self):
        return f"https://doi.org/{self.doi}" if self.doi else ""

    def author_names(self):
        return [author.name for author in self.authors.all()]

    def related_resources(self):
        """The related resources a visitor may open, in this page's language where translated;
        when the editors chose none, the live resources of this page's language most like it."""
        # With their locales, which the cards read to badge a resource in another language, and
        # their cover images.
        resources = ResourcePage.objects.select_related("locale", "cover_image")
        related = [link.resource_id for link in self.related_links.all()]
        if not related:
            candidates = public(resources.live().filter(locale_id=self.locale_id))
            return prepare_cards(most_similar(self, candidates, self.SIMILAR_RESOURCES))
        shown = shown_in_language(related, self.locale_id, resources)
        return prepare_cards([shown[pk] for pk in related if pk in shown])

    @path("cite/bibtex/", name="bibtex")
    def bibtex(self, request):
        return self._citation_download(
            citations.bibtex(self, request), "bib", "application/x-bibtex"
        )

    @path("cite/ris/", name="ris")
    def ris(self, request):
        return self._citation_download(
            citations.ris(self, request), "ris", "application/x-research-info-systems"
        )

    def _citation_download(self, content, extension, content_type):
        response = HttpResponse(content, content_type=f"{content_type}; charset=utf-8")
        filename = f"{slugify(self.title)[:60] or 'resource'}.{extension}"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class ResourceAuthor(PersonLink, Orderable):
    page = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="authors")

    class Meta(Orderable.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")


class ResourceDocument(DocumentLink):
    page = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="documents")


def prepare_cards(resources):
    """What resource cards show, for a list of resources, in a fixed number of queries whatever
    their number: topic names in the visitor's language and covers, with their renditions (read
    with the images, so that Wagtail neither reads nor writes its renditions' cache per card)."""
    prepare_covers(resources)
    link_terms(resources, Topic, "topics", "topic_links")
    return resources


def prepare_covers(resources):
    """Each resource's cover image and documents (with the covers made from them), and every one
    of those images' renditions in a single query: three queries whatever the number."""
    prefetch_related_objects(
        resources,
        "cover_image",
        Prefetch("documents", document_links().select_related("document__cover")),
    )
    images = [resource.cover_image for resource in resources if resource.cover_image]
    for resource in resources:
        images += [link.document.cover for link in resource.documents.all() if link.document.cover]
    prefetch_related_objects(images, "renditions")


def document_links():
    """Resources' document links with their documents, each marked ``private`` when its
    collection has a view restriction (``ResourcePage.public_documents``)."""
    return ResourceDocument.objects.select_related("document").annotate(
        private=collection_restricted(OuterRef("document__collection__path"))
    )


class RelatedResource(Orderable):
    page = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="related_links")
    resource = models.ForeignKey(
        ResourcePage, verbose_name=_("resource"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("resource", page_type="resources.ResourcePage")]

    class Meta(Orderable.Meta):
        verbose_name = _("related resource")
        verbose_name_plural = _("related resources")
