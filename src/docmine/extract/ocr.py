"""Optional OCR for scanned PDFs: pypdfium2 renders each page, Tesseract reads it.

Enabled with ``docmine ingest --ocr``; needs Debian's ``tesseract-ocr`` and the ``ocr``
extra (pytesseract). Without them a scanned PDF is recorded as a failure that says so.
"""
from __future__ import annotations

import shutil

from docmine.extract.document import ExtractionError

MISSING = ("no text layer: scanned PDF; OCR needs Tesseract (apt-get install tesseract-ocr) "
           "and pytesseract (pip install 'docmine[ocr]')")


def available() -> bool:
    try:
        import pytesseract  # noqa: F401
    except ImportError:
        return False
    return shutil.which("tesseract") is not None


def ocr_pages(data: bytes, lang: str = "eng", dpi: int = 200) -> list[str]:
    """Text of each page of a PDF, read by Tesseract."""
    if not available():
        raise ExtractionError(MISSING)
    import pypdfium2 as pdfium
    import pytesseract

    pdf = pdfium.PdfDocument(data)
    try:
        pages = []
        for i in range(len(pdf)):
            page = pdf[i]
            image = page.render(scale=dpi / 72).to_pil()
            pages.append(pytesseract.image_to_string(image, lang=lang))
            page.close()
        return pages
    finally:
        pdf.close()
