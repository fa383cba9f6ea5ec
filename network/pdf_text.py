"""Text of uploaded PDFs, for full-text search. Bounded so that a huge or hostile file cannot hold
up an editor's upload: a broken file gives an explanation, never an exception.

pypdf runs in a child process (``python -m network.pdf_text``) with the time and memory limits of
network/limited_process.py. A PDF that reaches a limit "could not be read", like a broken one,
and the upload returns in bounded time. The child imports pypdf alone, not Django; it writes its
result as JSON, with a problem code that the site turns into the editor's (translated) warning.
"""

import json
import logging
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from network.limited_process import ChildFailed, limit_memory, run_limited

if TYPE_CHECKING:
    from django.core.files import File

logger = logging.getLogger(__name__)

MAX_PAGES = 300
MAX_CHARACTERS = 500_000
ENCRYPTED, TRUNCATED, UNREADABLE, NO_TEXT = "encrypted", "truncated", "unreadable", "no-text"


@dataclass(frozen=True)
class ExtractedText:
    text: str
    problem: str = ""  # why the text is missing or partial, for the editor


def problem_message(code: str) -> str:
    return {
        ENCRYPTED: _("The PDF is password-protected, so its text is not searchable."),
        TRUNCATED: _("The PDF is very long; only its first part is searchable."),
        UNREADABLE: _("The PDF could not be read, so its text is not searchable."),
        NO_TEXT: _("The PDF has no text layer (is it a scan?), so it is not searchable."),
    }.get(code, "")


def extract_pdf_text(fileobj: "File") -> ExtractedText:
    """The text of the PDF in ``fileobj``, read by a child process within the limits."""
    try:
        result = json.loads(run_limited("network.pdf_text", fileobj.read()))
    except ChildFailed as failure:
        logger.warning("Could not read PDF text: %s", failure)
        return ExtractedText("", problem_message(UNREADABLE))
    except ValueError as error:
        logger.warning("Could not read PDF text: the reader's answer was %r", error)
        return ExtractedText("", problem_message(UNREADABLE))
    return ExtractedText(result["text"], problem_message(result["problem"]))


def read_pdf(data: bytes) -> tuple[str, str]:
    """``(text, problem code)`` of a PDF's bytes; runs in the child process."""
    import io

    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            return "", ENCRYPTED
        parts: list[str] = []
        length = 0
        for number, page in enumerate(reader.pages):
            if number >= MAX_PAGES or length >= MAX_CHARACTERS:
                return "\n".join(parts)[:MAX_CHARACTERS], TRUNCATED
            page_text = page.extract_text() or ""
            parts.append(page_text)
            length += len(page_text)
    except MemoryError:
        raise
    except Exception as error:  # noqa: BLE001
        # A malformed PDF can make pypdf raise almost anything (struct, zlib, index errors...);
        # none of it may stop an editor from publishing.
        print(f"unreadable: {error!r}"[:300], file=sys.stderr)
        return "", UNREADABLE
    text = "\n".join(parts).strip()
    if not text:
        return "", NO_TEXT
    return text[:MAX_CHARACTERS], ""


def main(memory_mb: int) -> None:
    limit_memory(memory_mb)
    text, problem = read_pdf(sys.stdin.buffer.read())
    json.dump({"text": text, "problem": problem}, sys.stdout)


if __name__ == "__main__":
    main(int(sys.argv[1]))
