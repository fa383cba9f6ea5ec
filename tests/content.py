"""Content that several test modules add on top of the demo."""

import io


def png_file(name, size=(640, 480)):
    from django.core.files.images import ImageFile
    from PIL import Image as PILImage

    png = io.BytesIO()
    PILImage.new("RGB", size, (200, 30, 60)).save(png, "PNG")
    return ImageFile(png, name=name)


def add_member_photo(user):
    """A photo as a member uploads it through the profile form (members/forms.py)."""
    from wagtail.images import get_image_model

    from members.photos import member_photos_collection, private_photo_name

    return get_image_model().objects.create(
        title="Photo",
        file=png_file(private_photo_name("photo.png"), size=(300, 300)),
        collection=member_photos_collection(),
        uploaded_by_user=user,
    )


def add_cover_image():
    """An image (a PNG named after Valparaíso) on the cover of the first live English resource,
    published; returns the image."""
    from wagtail.images import get_image_model

    from resources.models import ResourcePage

    image = get_image_model()(title="Valparaíso", file=png_file("valparaiso.png"))
    image.save()
    resource = ResourcePage.objects.filter(locale__language_code="en").live().order_by("pk")[0]
    resource.cover_image = image
    resource.save_revision().publish()
    return image


def add_library(home, title="Resource library", slug="resources"):
    """A published resource library under ``home``."""
    from resources.models import ResourceIndexPage

    library = ResourceIndexPage(title=title, slug=slug)
    home.add_child(instance=library)
    library.save_revision().publish()
    return library


def add_report_with_pdf(library, text):
    """A published report, "Market governance report", under ``library``, attaching one PDF
    ("Board minutes") whose text is ``text``; returns the page."""
    import datetime

    from resources.models import ResourceDocument, ResourcePage
    from tests.pdfs import make_document, pdf_bytes

    page = ResourcePage(
        title="Market governance report",
        slug="market-governance",
        resource_type="report",
        publication_date=datetime.date(2025, 2, 1),
        summary="How markets are governed.",
    )
    page.documents = [ResourceDocument(document=make_document("Board minutes", pdf_bytes(text)))]
    library.add_child(instance=page)
    page.save_revision().publish()
    return page


CITED_TITLE = "Placing Business Leadership: insights from Chile's Barrios Comerciales"


def resource_form_data(title, document=None, topics=(), **overrides):
    """The page editor's form for a new resource attaching ``document``, published when
    posted to the admin's "add page" view."""
    from wagtail.test.utils.form_data import (
        inline_formset,
        nested_form_data,
        rich_text,
        streamfield,
    )

    data = {
        "title": title,
        "slug": overrides.pop("slug", "new-resource"),
        "resource_type": "policy_brief",
        "publication_date": "2024-11-05",
        "original_language": "en",
        "publisher": "UCL City Leadership Initiative",
        "summary": "Lessons from UK business improvement districts.",
        "body": streamfield([("paragraph", rich_text("<p>Body text.</p>"))]),
        "authors": inline_formset(
            [{"given_names": "Ana", "family_names": "Pérez", "affiliation": "UCL"}]
        ),
        "documents": inline_formset([{"document": document.pk}] if document else []),
        "related_links": inline_formset([]),
        "doi": "",
        "external_url": "",
        "action-publish": "publish",
    }
    data.update(overrides)
    # Multiple-choice values stay lists; nested_form_data would number them like formsets.
    return {**nested_form_data(data), "topics": [topic.pk for topic in topics], "places": []}
