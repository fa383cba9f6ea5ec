"""Small real PDFs for tests, made with fpdf2 or written by hand, and their upload through the
Wagtail admin."""

import time
import zlib

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from fpdf import FPDF
from wagtail.documents import get_document_model
from wagtail.models import Collection


def pdf_bytes(*paragraphs):
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 8, paragraph)
    return bytes(pdf.output())


def make_document(title, content, filename="document.pdf"):
    document = get_document_model()(title=title, file=ContentFile(content, name=filename))
    document.save()
    return document


def upload_pdf(admin_client, title, content, collection=None):
    """The document uploaded as an editor does, through the admin's form; returns it and the
    seconds the upload took."""
    started = time.monotonic()
    response = admin_client.post(
        "/admin/documents/add/",
        {
            "title": title,
            "file": SimpleUploadedFile(f"{title}.pdf", content, "application/pdf"),
            "collection": (collection or Collection.get_first_root_node()).pk,
        },
    )
    assert response.status_code == 302, response.content[:500]
    return get_document_model().objects.get(title=title), time.monotonic() - started


def one_page_pdf(operators):
    """A valid one-page PDF (US Letter, Helvetica as /F1) whose compressed content stream is
    ``operators``."""
    stream = zlib.compress(operators, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def slow_pdf(megabytes=5):
    """A valid one-page PDF of a few kilobytes whose content stream inflates to ``megabytes`` of
    drawing operators: pypdf takes seconds and hundreds of megabytes to read it."""
    return one_page_pdf(b"BT /F1 12 Tf (x) Tj ET\n" + b"0 0 m\n" * (megabytes * 1024 * 1024 // 6))


def slow_to_draw_pdf(lines=100_000):
    """A one-page PDF of a few kilobytes that strokes the same diagonal ``lines`` times: pypdf
    reads it at once (it has no text), PDFium takes about 20 s to draw it."""
    return one_page_pdf(b"1 w 0 0 m 612 792 l S\n" * lines)
