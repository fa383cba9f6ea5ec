"""Small real PDFs for tests, made with fpdf2."""

import zlib

from django.core.files.base import ContentFile
from fpdf import FPDF
from wagtail.documents import get_document_model


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


def slow_pdf(megabytes=5):
    """A valid one-page PDF of a few kilobytes whose content stream inflates to ``megabytes`` of
    drawing operators: pypdf takes seconds and hundreds of megabytes to read it."""
    operators = b"BT /F1 12 Tf (x) Tj ET\n" + b"0 0 m\n" * (megabytes * 1024 * 1024 // 6)
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
