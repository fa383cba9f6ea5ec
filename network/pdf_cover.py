"""Covers of uploaded PDFs: the first page as a JPEG, for the resources whose editors chose no
cover image. Bounded like the text (network/limited_process.py): PDFium, through pypdfium2,
renders the page in a child process (``python -m network.pdf_cover``), and a PDF it cannot render
within the limits gives no cover and a warning in the log, never an error. The child imports
pypdfium2 and Pillow, not Django, and writes the JPEG on its standard output.
"""

import io
import logging
import sys
from typing import TYPE_CHECKING

from network.limited_process import ChildFailed, limit_memory, run_limited

if TYPE_CHECKING:
    from django.core.files import File

logger = logging.getLogger(__name__)

# The widest rendition the templates ask for (fill-1200x630, the sharing image): none is enlarged.
COVER_WIDTH = 1200
# A page much taller than wide is scaled to this height instead, so the image stays small.
MAX_COVER_HEIGHT = 2400
JPEG_QUALITY = 85


def render_pdf_cover(fileobj: "File") -> bytes | None:
    """The first page of the PDF in ``fileobj`` as JPEG bytes, or None (logged)."""
    try:
        return run_limited("network.pdf_cover", fileobj.read())
    except ChildFailed as failure:
        logger.warning("Could not render a cover of %s: %s", fileobj.name, failure)
        return None


def render_first_page(data: bytes) -> bytes:
    """JPEG bytes of the first page of a PDF's bytes; runs in the child process. A PDF that
    PDFium cannot open or render raises, which ends the child with the reason on its standard
    error (the parent logs it)."""
    import pypdfium2 as pdfium
    from PIL import ImageOps

    with pdfium.PdfDocument(data) as pdf:
        if len(pdf) == 0:
            sys.exit("the PDF has no pages")
        page = pdf[0]
        width, height = page.get_size()
        scale = min(COVER_WIDTH / width, MAX_COVER_HEIGHT / height)
        image = page.render(scale=scale).to_pil().convert("RGB")
    # An empty first page (a title page left blank) would make a white rectangle of a cover.
    if ImageOps.invert(image.convert("L")).getbbox() is None:
        sys.exit("the first page is blank")
    jpeg = io.BytesIO()
    image.save(jpeg, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return jpeg.getvalue()


def main(memory_mb: int) -> None:
    limit_memory(memory_mb)
    sys.stdout.buffer.write(render_first_page(sys.stdin.buffer.read()))


if __name__ == "__main__":
    main(int(sys.argv[1]))
