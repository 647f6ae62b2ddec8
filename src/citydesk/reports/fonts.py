"""The fonts the weekly report PDF, the receipt and the UI share: the shipped DejaVu Sans.

ReportLab knows the faces by `FONT` and `BOLD`; Qt by the family `FAMILY` once `font_files()` are
added to its font database (the UI does that). The files live in the shipped resources
(`resources/fonts/`, found by `citydesk.resources_path`). ReportLab is imported inside
`register_fonts`: importing this module is cheap.
"""

from __future__ import annotations

from pathlib import Path

from citydesk.reports import ReportError
from citydesk.resources_path import resource_path

__all__ = ["BOLD", "FAMILY", "FONT", "FONT_FILES", "font_dir", "font_files", "register_fonts"]

FONT, BOLD = "DejaVuSans", "DejaVuSans-Bold"
"""ReportLab's names of the regular and bold faces."""
FAMILY = "DejaVu Sans"
"""The family name Qt knows the same files by."""
FONT_FILES = {FONT: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}


def font_dir() -> Path:
    """resources/fonts/ of the installation (source tree, installed package or frozen bundle)."""
    return resource_path("fonts")


def font_files(folder: Path | None = None) -> list[Path]:
    """The shipped font files (regular, then bold) in `folder` (the installation's by default)."""
    base = Path(folder) if folder is not None else font_dir()
    return [base / name for name in FONT_FILES.values()]


def register_fonts(folder: Path | None = None) -> None:
    """Register DejaVu Sans (regular and bold) with ReportLab; ReportError naming the missing file."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    base = Path(folder) if folder is not None else font_dir()
    for name, file_name in FONT_FILES.items():
        path = base / file_name
        if not path.is_file():
            raise ReportError(
                f"The report font is missing: {path}. Reinstall citydesk (or restore resources/fonts/).",
                path=path,
            )
        if name not in pdfmetrics.getRegisteredFontNames():
            try:
                pdfmetrics.registerFont(TTFont(name, str(path)))
            except Exception as exc:  # a damaged file: TTFError, struct.error, OSError
                raise ReportError(f"The report font {path} could not be read: {exc}", path=path) from exc
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=FONT, boldItalic=BOLD)
    addMapping(FONT, 0, 0, FONT)
    addMapping(FONT, 1, 0, BOLD)
