"""Text of uploaded PDFs, for full-text search. Bounded so that a huge or hostile file cannot hold
up an editor's upload: a broken file gives an explanation, never an exception."""

import logging
from dataclasses import dataclass

from django.utils.translation import gettext as _
from pypdf import PdfReader

logger = logging.getLogger(__name__)

MAX_PAGES = 300
MAX_CHARACTERS = 500_000


@dataclass(frozen=True)
class ExtractedText:
    text: str
    problem: str = ""  # why the text is missing or partial, for the editor


def extract_pdf_text(fileobj) -> ExtractedText:
    try:
        reader = PdfReader(fileobj)
        if reader.is_encrypted and not reader.decrypt(""):
            return ExtractedText(
                "", _("The PDF is password-protected, so its text is not searchable.")
            )
        parts, length = [], 0
        for number, page in enumerate(reader.pages):
            if number >= MAX_PAGES or length >= MAX_CHARACTERS:
                return ExtractedText(
                    "\n".join(parts)[:MAX_CHARACTERS],
                    _("The PDF is very long; only its first part is searchable."),
                )
            page_text = page.extract_text() or ""
            parts.append(page_text)
            length += len(page_text)
    except Exception as error:  # noqa: BLE001
        # A malformed PDF can make pypdf raise almost anything (struct, zlib, index errors...);
        # none of it may stop an editor from publishing.
        logger.warning("Could not read PDF text: %r", error)
        return ExtractedText("", _("The PDF could not be read, so its text is not searchable."))
    text = "\n".join(parts).strip()
    if not text:
        return ExtractedText(
            "", _("The PDF has no text layer (is it a scan?), so it is not searchable.")
        )
    return ExtractedText(text[:MAX_CHARACTERS])
