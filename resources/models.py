import json

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, OuterRef, Prefetch, prefetch_related_objects
from django.db.models.functions import ExtractYear
from django.http import HttpResponse
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from stdnum import isbn
from stdnum.exceptions import ValidationError as InvalidNumber
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from members.models import PersonLink
from members.validators import orcid_url, validate_orcid
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
from resources import citations, metadata
from resources.choices import LICENCE_URLS, WRITTEN_IN, Licence, PublicationLanguage, ResourceType
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
        """The resources the listing shows with the same filters, newest first."""
        latest = (
            self.filterset(request)
            .qs.order_by("-publication_date", "-pk")
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
    publisher_place = models.CharField(
        _("place of publication"),
        max_length=100,
        blank=True,
        help_text=_("The city, as the publication gives it, e.g. London or Santiago."),
    )
    report_number = models.CharField(
        _("report number"),
        max_length=50,
        blank=True,
        help_text=_("The publisher's number for the report or paper, if it has one."),
    )
    # Validated and written with its hyphens in clean().
    isbn = models.CharField(
        _("ISBN"), max_length=17, blank=True, help_text=_("For example 978-0-9566073-2-1.")
    )
    licence = models.CharField(
        _("licence"),
        max_length=30,
        choices=Licence.choices,
        blank=True,
        help_text=_("Leave empty when it is not known."),
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
                FieldPanel("publisher_place"),
                FieldPanel("report_number"),
                FieldPanel("isbn"),
                FieldPanel("licence"),
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
        index.RelatedFields(
            "authors",
            [
                index.SearchField("given_names"),
                index.SearchField("family_names"),
                index.SearchField("organisation"),
            ],
        ),
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
        # As the publication's imprint gives it, in every language.
        SynchronizedField("publisher_place"),
        SynchronizedField("report_number"),
        SynchronizedField("isbn"),
        SynchronizedField("licence"),
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
        if self.isbn.strip():
            try:
                self.isbn = isbn.format(isbn.validate(self.isbn))
            except InvalidNumber:
                raise ValidationError(
                    {"isbn": _("This ISBN is not valid: check its digits.")}
                ) from None

    def get_context(self, request, *args, **kwargs):
        # Read once for all that shows them: the documents (for the attachments and the cover),
        # the authors (for the byline and the citation), topics and places (for their links and
        # similar resources), the covers' renditions (for the cover and the sharing image, which
        # would otherwise each read and write the renditions' cache).
        prefetch_related_objects([self], "authors", "topics", "places")
        prepare_covers([self])
        context = super().get_context(request, *args, **kwargs)
        topic_links = term_links(self.topics.all(), term_labels(Topic))
        attachments = self.public_documents()
        context.update(
            library=self.get_parent(),
            topic_links=topic_links,
            place_links=term_links(self.places.all(), term_labels(Place)),
            attachments=attachments,
            scholar_meta=metadata.scholar_meta(self, request, topic_links, attachments),
            structured_data=metadata.schema_org(self, request, topic_links, attachments),
            attachments_language=(
                WRITTEN_IN.get(self.original_language)
                if self.original_language != self.locale.language_code
                else None
            ),
            related=self.related_resources(),
            **self.citation_context(request),
        )
        return context

    def citation_context(self, request):
        """The citation in the style the visitor chose (``?citation=``; APA unless they chose
        one of the others) and their language, and the styles to choose from."""
        chosen = request.GET.get("citation", "")
        style = chosen if chosen in citations.STYLES else citations.DEFAULT_STYLE
        return {
            "citation": citations.formatted_citation(
                citations.csl_json(self, request), style, get_language()
            ),
            "citation_style": style,
            # The same page again, in another style: the static archive's search leaves it out.
            "citation_chosen": chosen in citations.STYLES,
            "citation_styles": [(key, name) for key, (_file, name) in citations.STYLES.items()],
        }

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
    def work_language(self):
        """The language code of the resource itself, or '' for another language than ours."""
        return self.original_language if self.original_language != PublicationLanguage.OTHER else ""

    @property
    def licence_url(self):
        return LICENCE_URLS.get(self.licence, "")

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

    @path("cite/csl-json/", name="csl_json")
    def csl_json(self, request):
        return self._citation_download(
            json.dumps([citations.csl_json(self, request)], ensure_ascii=False, indent=2),
            "json",
            "application/vnd.citationstyles.csl+json",
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
    """A person, whose given and family names are kept apart, or an organisation. Reference
    managers file a person under their family names, and a Chilean author has two ("Riquelme
    Soto"): one name as written cannot say which they are (PersonLink's ``name`` is replaced by
    the property below)."""

    page = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="authors")
    given_names = models.CharField(
        _("given names"),
        max_length=200,
        blank=True,
        help_text=_("For example “Tomás” or “María José”."),
    )
    family_names = models.CharField(
        _("family names"),
        max_length=200,
        blank=True,
        help_text=_(
            "Every surname and particle, as the person writes them: “Riquelme Soto”, "
            "“de la Fuente”."
        ),
    )
    orcid = models.CharField(
        _("ORCID iD"),
        max_length=19,
        blank=True,
        validators=[validate_orcid],
        help_text=_("For example 0000-0002-1825-0097."),
    )
    organisation = models.CharField(
        _("organisation"),
        max_length=200,
        blank=True,
        help_text=_("When an organisation is the author: its name, and no person's names."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("given_names"), FieldPanel("family_names"), FieldPanel("orcid")],
            heading=_("Person"),
        ),
        FieldPanel("organisation"),
        FieldPanel("affiliation"),
        FieldPanel("member"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def clean(self):
        super().clean()
        person = self.given_names.strip() or self.family_names.strip() or self.orcid.strip()
        if self.organisation.strip() and person:
            raise ValidationError(
                {
                    "organisation": _(
                        "An author is a person or an organisation: empty either the person's "
                        "names and ORCID iD or the organisation."
                    )
                }
            )
        if not self.organisation.strip() and not self.family_names.strip():
            raise ValidationError(
                {
                    "family_names": _(
                        "Enter the author's family names, or the organisation that is the author."
                    )
                }
            )

    @property
    def name(self):
        """As a reader writes it: "Tomás Riquelme Soto", or the organisation."""
        return self.organisation or " ".join(filter(None, [self.given_names, self.family_names]))

    @property
    def is_organisation(self):
        return bool(self.organisation)

    def sorted_name(self):
        """As a reference list files it: "Riquelme Soto, Tomás", or the organisation."""
        if self.organisation or not self.given_names:
            return self.name
        return f"{self.family_names}, {self.given_names}"

    def csl_name(self):
        """The name as CSL-JSON writes it."""
        if self.organisation:
            return {"literal": self.organisation}
        return {"family": self.family_names, "given": self.given_names}

    @property
    def orcid_url(self):
        return orcid_url(self.orcid)


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
