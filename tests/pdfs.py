"""Small real PDFs for tests, made with fpdf2."""

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
