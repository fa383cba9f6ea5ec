"""An uploaded PDF is read by a child process with a time and a memory limit (issue 16, item 4):
a PDF that reaches either is "could not be read", the upload through the Wagtail admin returns
in bounded time, and the document is kept. The PDF is a real one pypdf is slow and greedy on."""

import pytest

from tests.pdfs import pdf_bytes, slow_pdf, upload_pdf

pytestmark = pytest.mark.django_db

UNREADABLE = "The PDF could not be read, so its text is not searchable."


def reader_warnings(caplog):
    return [r.getMessage() for r in caplog.records if r.name == "network.pdf_text"]


def test_a_pdf_slower_than_the_limit_is_cut_off(admin_client, settings, caplog):
    settings.PDF_TEXT_SECONDS = 1
    document, seconds = upload_pdf(admin_client, "slow", slow_pdf())
    assert seconds < 4  # pypdf alone takes about 5 s on it
    assert document.text_problem == UNREADABLE
    assert document.extracted_text == ""
    assert reader_warnings(caplog) == ["Could not read PDF text: it took over 1 s"]


def test_a_pdf_greedier_than_the_memory_limit_is_cut_off(admin_client, settings, caplog):
    settings.PDF_TEXT_SECONDS, settings.PDF_TEXT_MEMORY_MB = 60, 160
    ordinary, _seconds = upload_pdf(admin_client, "ordinary", pdf_bytes("Barrios comerciales."))
    assert "Barrios comerciales." in ordinary.extracted_text  # the limit leaves room to read

    document, seconds = upload_pdf(admin_client, "greedy", slow_pdf(40))
    assert seconds < 30
    assert document.text_problem == UNREADABLE
    (warning,) = reader_warnings(caplog)
    assert "MemoryError" in warning
