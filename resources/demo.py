"""Demo content for the resource library: the shared vocabulary of topics and places, and a
library of resources with small real PDFs, in English with its Spanish translation
(demo_data/topics.yaml, places.yaml, resources.yaml)."""

from pathlib import Path

from django.core.files.base import ContentFile
from fpdf import FPDF
from fpdf.enums import XPos, YPos
from wagtail.documents import get_document_model
from wagtail.models import Locale, Site

from network.demo import (
    ensure_child_page,
    ensure_snippet_translation,
    ensure_translation,
    load_demo_data,
    stream_body,
)
from network.models import Place, Topic
from resources.choices import PublicationLanguage
from resources.models import (
    RelatedResource,
    ResourceAuthor,
    ResourceDocument,
    ResourceIndexPage,
    ResourcePage,
)

DATA = Path(__file__).parent / "demo_data"
TOPICS_FILE = DATA / "topics.yaml"
PLACES_FILE = DATA / "places.yaml"
RESOURCES_FILE = DATA / "resources.yaml"


def ensure_term(model, locale, spanish, catalogue, log, slug, **fields):
    """The term with this slug, created if missing, and its Spanish translation."""
    term, created = model.objects.get_or_create(locale=locale, slug=slug, defaults=fields)
    log(f"{'created' if created else 'exists'}: {model._meta.verbose_name} “{term.name}”")
    translated, created = ensure_snippet_translation(term, spanish, catalogue)
    log(f"{'translated' if created else 'exists'}: es “{translated.name}”")
    return term


COVER_BAND_COLOUR = (24, 54, 92)
COVER_BAND_HEIGHT = 100  # millimetres, of the A4 page's 297


def pdf_bytes(title, authors, paragraphs):
    # Helvetica, a core PDF font, covers Latin-1 only, so the demo texts avoid typographic dashes
    # and quotes.
    pdf = FPDF()
    pdf.set_title(title)
    pdf.set_author(", ".join(authors))
    pdf.add_page()
    # The first page is the resource's cover on the site (network/pdf_cover.py): a dark band
    # with the title in large type still reads when shrunk to a thumbnail.
    pdf.set_fill_color(*COVER_BAND_COLOUR)
    pdf.rect(0, 0, pdf.w, COVER_BAND_HEIGHT, style="F")
    pdf.set_text_color(255, 255, 255)
    pdf.set_y(COVER_BAND_HEIGHT / 3)
    pdf.set_font("Helvetica", style="B", size=24)
    pdf.multi_cell(0, 11, title, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("Helvetica", style="I", size=12)
    pdf.multi_cell(0, 8, ", ".join(authors), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(0, 0, 0)
    pdf.set_y(COVER_BAND_HEIGHT + 10)
    pdf.set_font("Helvetica", size=11)
    for paragraph in paragraphs:
        pdf.ln(3)
        pdf.multi_cell(0, 6, paragraph, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    return bytes(pdf.output())


def ensure_pdf(data, catalogue, log):
    """The resource's PDF as a document, in the resource's original language, made once."""
    texts = [data["title"], data["summary"], *data["paragraphs"]]
    if data["language"] == PublicationLanguage.SPANISH:
        texts = [catalogue[text] for text in texts]
    title, *paragraphs = texts
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is not None:
        log(f"exists: document “{title}”")
        return document
    authors = [demo_author(author).name for author in data["authors"]]
    content = pdf_bytes(title, authors, [*paragraphs, data["pdf"]])
    document = Document(title=title, file=ContentFile(content, name=f"{data['slug']}.pdf"))
    # Saving reads the PDF's text, which the resources' search index includes.
    document.save()
    log(f"created: document “{title}”")
    return document


def ensure_resource(library, data, catalogue, topics, places, resources, log):
    """The English resource described by ``data``, created with its PDF if missing. ``pdf`` is
    a paragraph, in the original language, that only the PDF has; its other text is the page's,
    in that language."""
    document = ensure_pdf(data, catalogue, log) if "pdf" in data else None
    body = stream_body([{"heading": data["heading"]}, {"paragraphs": data["paragraphs"]}])
    page, created = ensure_child_page(
        library,
        ResourcePage,
        data["slug"],
        title=data["title"],
        resource_type=data["resource_type"],
        publication_date=data["publication_date"],
        original_language=data["language"],
        publisher=data["publisher"],
        publisher_place=data.get("publisher_place", ""),
        licence=data.get("licence", ""),
        summary=data["summary"],
        body=body,
        doi=data.get("doi", ""),
        external_url=data.get("external_url", ""),
        topics=[topics[slug] for slug in data["topics"]],
        places=[places[slug] for slug in data["places"]],
        # Each in the order given: items without a position would come in any order.
        authors=[
            demo_author(author, sort_order=position)
            for position, author in enumerate(data["authors"])
        ],
        documents=[ResourceDocument(document=document, sort_order=0)] if document else [],
        related_links=[
            RelatedResource(resource=resources[slug], sort_order=position)
            for position, slug in enumerate(data.get("related", []))
        ],
    )
    log(f"{'created' if created else 'exists'}: resource “{page.title}”")
    return page


def demo_author(data, **kwargs):
    return ResourceAuthor(
        given_names=data.get("given", ""),
        family_names=data.get("family", ""),
        organisation=data.get("organisation", ""),
        affiliation=data.get("affiliation", ""),
        **kwargs,
    )


def build(log, limit=None):
    """The topics, places and library; ``limit`` cuts the library to its first resources."""
    english = Locale.get_default()
    spanish = Locale.objects.get(language_code="es")

    topic_data = load_demo_data(TOPICS_FILE)
    topics = {
        term["slug"]: ensure_term(Topic, english, spanish, topic_data.catalogue, log, **term)
        for term in topic_data.content
    }
    # A city is translated after its country (earlier in the file), so that the Spanish city
    # belongs to the Spanish country.
    place_data = load_demo_data(PLACES_FILE)
    places = {}
    for term in place_data.content:
        country = places.get(term.get("country"))
        places[term["slug"]] = ensure_term(
            Place, english, spanish, place_data.catalogue, log, **{**term, "country": country}
        )

    data = load_demo_data(RESOURCES_FILE)
    home = Site.objects.get(is_default_site=True).root_page.specific
    library, created = ensure_child_page(
        home, ResourceIndexPage, show_in_menus=True, **data.content["library"]
    )
    log(f"{'created' if created else 'exists'}: page “{library.title}”")
    # The Spanish library must exist before the Spanish resources can be placed in it.
    translated, created = ensure_translation(library, spanish, data.catalogue)
    log(f"{'translated' if created else 'exists'}: es “{translated.title}”")

    # A resource's "related" slugs name resources earlier in the file, which exist by then.
    resources = {}
    for resource in data.content["resources"][:limit]:
        page = ensure_resource(library, resource, data.catalogue, topics, places, resources, log)
        resources[resource["slug"]] = page
        translated, created = ensure_translation(page, spanish, data.catalogue)
        log(f"{'translated' if created else 'exists'}: es “{translated.title}”")
