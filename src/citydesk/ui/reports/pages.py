"""PDF pages as images: pypdfium2 (its own pdfium, no Pillow) renders into a buffer wrapped in a QImage.

pdfium is not thread-safe, so every call goes through one lock; rendering runs on background
threads (QImage may be built off the GUI thread). pypdfium2 is imported when first used.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage

from citydesk.reports import ReportError

PREVIEW_DPI = 96
_PDFIUM = threading.Lock()


def _open(path: Path) -> Any:
    import pypdfium2

    try:
        return pypdfium2.PdfDocument(str(path))
    except (pypdfium2.PdfiumError, OSError) as exc:
        text = QCoreApplication.translate("ReportsView", "The report {0} could not be opened: {1}")
        raise ReportError(text.format(path, exc), path=path) from exc


def page_count(path: Path) -> int:
    """How many pages the PDF has."""
    with _PDFIUM:
        doc = _open(path)
        try:
            return len(doc)
        finally:
            doc.close()


def page_size_points(path: Path, index: int) -> tuple[float, float]:
    """The page's width and height in points (1/72 inch)."""
    with _PDFIUM:
        doc = _open(path)
        try:
            width, height = doc[index].get_size()
            return float(width), float(height)
        finally:
            doc.close()


def _image(page: Any, dpi: float) -> QImage:
    bitmap = page.render(scale=dpi / 72.0, may_draw_forms=False)
    try:
        if bitmap.n_channels == 3:
            fmt = QImage.Format.Format_BGR888
        elif bitmap.n_channels == 4:
            fmt = QImage.Format.Format_ARGB32  # BGRA bytes on a little-endian machine
        else:
            fmt = QImage.Format.Format_Grayscale8
        data = bytes(bitmap.buffer)
        return QImage(data, bitmap.width, bitmap.height, bitmap.stride, fmt).copy()
    finally:
        bitmap.close()


def render_page(path: Path, index: int, dpi: float) -> QImage:
    """Page `index` (from 0) of the PDF at `dpi`."""
    with _PDFIUM:
        doc = _open(path)
        try:
            return _image(doc[index], dpi)
        finally:
            doc.close()


def render_pages(
    path: Path, dpi: float = PREVIEW_DPI, progress: Callable[[int, int], None] | None = None
) -> list[QImage]:
    """Every page of the PDF at `dpi`, in order; `progress(done, total)` after each page."""
    with _PDFIUM:
        doc = _open(path)
        try:
            total = len(doc)
            images = []
            for index in range(total):
                images.append(_image(doc[index], dpi))
                if progress is not None:
                    progress(index + 1, total)
            return images
        finally:
            doc.close()
