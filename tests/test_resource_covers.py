"""A resource whose editor chose no cover image shows the first page of its first public PDF
(issue 17, item 3): rendered once per file, when the PDF is uploaded or the resource published,
by a child process within the PDF reader's limits; never from a private document; made again
when the file is replaced, deleted with the document. A PDF that cannot be rendered in time gives
no cover, never an error. Through the admin's document and page views and the public pages."""

import io
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from fpdf import FPDF
from PIL import Image as PILImage
from PIL import ImageStat
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.test.utils.form_data import inline_formset

from network.models import GENERATED_COVERS_COLLECTION
from resources.models import ResourcePage
from tests.content import add_library, png_file, resource_form_data
from tests.pdfs import slow_pdf, slow_to_draw_pdf, upload_pdf

pytestmark = pytest.mark.django_db

Image = get_image_model()


def half_black_pdf(width_mm=100, height_mm=200):
    """A PDF whose first page, ``width_mm`` by ``height_mm``, is black in its top half and has a
    line of black text on white below: recognisable in any image made of it."""
    pdf = FPDF(format=(width_mm, height_mm))
    pdf.add_page()
    pdf.set_fill_color(0, 0, 0)
    pdf.rect(0, 0, width_mm, height_mm / 2, style="F")
    pdf.set_y(height_mm * 0.7)
    pdf.set_font("Helvetica", size=14)
    pdf.cell(text="Market governance report")
    pdf.add_page()
    pdf.cell(text="The second page, never shown.")
    return bytes(pdf.output())


@pytest.fixture
def library(site_tree):
    return add_library(site_tree.home_en)


@pytest.fixture
def members_only():
    collection = Collection.get_first_root_node().add_child(name="Members only")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return collection


def publish_resource(admin_client, library, *documents, **overrides):
    """A resource attaching ``documents``, published through the admin's page editor."""
    form = resource_form_data(
        "Market governance",
        documents=inline_formset([{"document": document.pk} for document in documents]),
        **overrides,
    )
    url = reverse("wagtailadmin_pages:add", args=["resources", "resourcepage", library.pk])
    response = admin_client.post(url, form)
    assert response.status_code == 302, response.content[:2000]
    return ResourcePage.objects.get(slug="new-resource")


def image_file(src):
    """The picture an ``<img>``'s address serves, from the media storage."""
    with default_storage.open(urlsplit(src).path.removeprefix(settings.MEDIA_URL)) as file:
        picture = PILImage.open(io.BytesIO(file.read()))
        picture.load()
    return picture.convert("RGB")


def shown_cover(client, page):
    """The ``<img>`` of the cover on the resource's public page, or None."""
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one("img.resource__cover")


def brightness(picture, box):
    return ImageStat.Stat(picture.convert("L").crop(box)).mean[0]


def assert_is_half_black_page(picture, width, height):
    assert picture.size == (width, height)
    assert brightness(picture, (0, 0, width, height * 45 // 100)) < 10  # the black half
    lower = (0, height * 55 // 100, width, height)
    assert brightness(picture, lower) > 200  # white paper...
    assert picture.convert("L").crop(lower).getextrema()[0] < 100  # ...with the line of text


def covers():
    return Image.objects.filter(collection__name=GENERATED_COVERS_COLLECTION)


def test_a_resource_without_cover_image_shows_its_pdfs_first_page(
    admin_client, client, library, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # the renditions are made on commit
        document, _seconds = upload_pdf(admin_client, "Market governance report", half_black_pdf())
    assert document.cover in covers()
    renditions = document.cover.renditions.count()
    assert (document.cover.width, document.cover.height) == (1200, 2400)

    page = publish_resource(admin_client, library, document)

    cover = shown_cover(client, page)
    assert (cover["width"], cover["height"]) == ("480", "960")  # the page's proportions
    assert_is_half_black_page(image_file(cover["src"]), 480, 960)
    listing = BeautifulSoup(client.get(library.url).content, "html.parser")
    card_cover = listing.select_one(".resource-card img.card__image--cover")
    # The card's crop keeps the top of the page (the cover's focal point), where the title is.
    assert brightness(image_file(card_cover["src"]), (0, 0, 160, 90)) < 10
    # Made once, with its sizes, when the PDF was uploaded: not when pages are viewed.
    assert covers().count() == 1
    assert document.cover.renditions.count() == renditions


def test_the_editors_own_cover_image_wins(admin_client, client, library):
    document, _seconds = upload_pdf(admin_client, "Market governance report", half_black_pdf())
    chosen = Image.objects.create(title="Valparaíso", file=png_file("valparaiso.png"))

    page = publish_resource(admin_client, library, document, cover_image=chosen.pk)

    cover = shown_cover(client, page)
    # The PNG's red (the page serves it as JPEG, WebP or AVIF: a unit or two off).
    pixel = image_file(cover["src"]).getpixel((10, 10))
    assert all(abs(got - want) <= 3 for got, want in zip(pixel, (200, 30, 60), strict=True))


def test_a_private_document_gives_no_cover(admin_client, client, library, members_only):
    private, _seconds = upload_pdf(
        admin_client, "Board minutes", half_black_pdf(), collection=members_only
    )
    assert private.cover is None

    page = publish_resource(admin_client, library, private)

    assert shown_cover(client, page) is None
    assert not covers().exists()  # nothing of its first page is stored where images are served


def test_the_cover_comes_from_the_first_public_pdf(admin_client, client, library, members_only):
    private, _seconds = upload_pdf(
        admin_client, "Board minutes", half_black_pdf(), collection=members_only
    )
    public, _seconds = upload_pdf(admin_client, "Public summary", half_black_pdf(200, 100))

    page = publish_resource(admin_client, library, private, public)

    cover = shown_cover(client, page)
    assert (cover["width"], cover["height"]) == ("480", "240")  # the public, landscape PDF's
    assert covers().get() == public.cover


def test_a_cover_goes_when_its_document_becomes_private(
    admin_client, client, library, members_only
):
    document, _seconds = upload_pdf(admin_client, "Market governance report", half_black_pdf())
    page = publish_resource(admin_client, library, document)
    assert shown_cover(client, page) is not None

    document.collection = members_only
    document.save()

    assert shown_cover(client, page) is None
    assert not covers().exists()


def test_a_restriction_deletes_covers_and_publishing_after_lifting_it_brings_them_back(
    admin_client, client, library
):
    collection = Collection.get_first_root_node().add_child(name="Board")
    document, _seconds = upload_pdf(
        admin_client, "Market governance report", half_black_pdf(), collection=collection
    )
    page = publish_resource(admin_client, library, document)
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    assert shown_cover(client, page) is None
    assert not covers().exists()

    restriction.delete()
    page.save_revision().publish()

    assert_is_half_black_page(image_file(shown_cover(client, page)["src"]), 480, 960)


def test_make_pdf_covers_renders_those_missing(admin_client, library, members_only):
    document, _seconds = upload_pdf(
        admin_client, "Board minutes", half_black_pdf(), collection=members_only
    )
    CollectionViewRestriction.objects.filter(collection=members_only).delete()
    out = io.StringIO()

    call_command("make_pdf_covers", stdout=out)

    document.refresh_from_db()
    assert document.cover in covers()
    assert "Covers rendered: 1;" in out.getvalue()
    call_command("make_pdf_covers", stdout=out)  # rendered once
    assert covers().count() == 1


def test_replacing_the_file_makes_a_new_cover(
    admin_client, client, library, django_capture_on_commit_callbacks
):
    document, _seconds = upload_pdf(admin_client, "Market governance report", half_black_pdf())
    page = publish_resource(admin_client, library, document)
    old_cover = document.cover

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtaildocs:edit", args=[document.pk]),
            {
                "title": document.title,
                "file": SimpleUploadedFile("second.pdf", half_black_pdf(200, 100)),
                "collection": document.collection_id,
            },
        )
    assert response.status_code == 302, response.content[:2000]

    document.refresh_from_db()
    assert document.cover_id != old_cover.pk
    assert not Image.objects.filter(pk=old_cover.pk).exists()
    assert not default_storage.exists(old_cover.file.name)
    assert_is_half_black_page(image_file(shown_cover(client, page)["src"]), 480, 240)


def test_deleting_the_document_deletes_its_cover(admin_client, library):
    document, _seconds = upload_pdf(admin_client, "Market governance report", half_black_pdf())
    assert covers().exists()

    response = admin_client.post(reverse("wagtaildocs:delete", args=[document.pk]))

    assert response.status_code == 302
    assert not covers().exists()


def render_warnings(caplog):
    return [r.getMessage() for r in caplog.records if r.name == "network.pdf_cover"]


def test_a_pdf_slower_to_draw_than_the_limit_gives_no_cover(
    admin_client, client, library, settings, caplog
):
    settings.PDF_TEXT_SECONDS = 2
    document, seconds = upload_pdf(admin_client, "Slow", slow_to_draw_pdf())

    assert seconds < 6  # PDFium alone takes about 20 s on it
    assert document.cover is None
    assert render_warnings(caplog) == ["Could not render a cover of Slow.pdf: it took over 2 s"]
    assert "no text layer" in document.text_problem  # the text was read all the same

    page = publish_resource(admin_client, library, document)

    assert shown_cover(client, page) is None
    assert len(render_warnings(caplog)) == 1  # not tried again at each publication


def test_a_pdf_greedier_than_the_memory_limit_gives_no_cover(
    admin_client, client, library, settings, caplog
):
    settings.PDF_TEXT_SECONDS, settings.PDF_TEXT_MEMORY_MB = 10, 160
    document, _seconds = upload_pdf(admin_client, "Greedy", slow_pdf(100))

    assert document.cover is None
    (warning,) = render_warnings(caplog)
    assert warning.startswith("Could not render a cover of Greedy.pdf: the child process exited")
    page = publish_resource(admin_client, library, document)
    assert shown_cover(client, page) is None


def test_the_demo_resources_have_covers_of_their_pdfs(client, loaded_demo):
    resources = ResourcePage.objects.live().filter(documents__isnull=False).distinct()
    assert resources.count() >= 14
    for page in resources:
        picture = image_file(shown_cover(client, page)["src"])
        assert picture.size == (480, 679)  # A4
        # The dark band with the title at the top of the page.
        assert brightness(picture, (0, 0, 480, 150)) < 120
