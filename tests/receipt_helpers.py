"""Helpers for the receipt tests: the text of a PDF read back with pdftotext."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None, reason="needs poppler-utils"
)


def pdf_text(path: Path) -> str:
    """The PDF's text (pdftotext -raw) with runs of whitespace collapsed to one space."""
    out = subprocess.run(["pdftotext", "-raw", str(path), "-"], check=True, capture_output=True, text=True)
    return " ".join(out.stdout.split())


def pdf_page_size(path: Path) -> tuple[float, float]:
    """The first page's size in points (pdfinfo)."""
    out = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    line = next(x for x in out.splitlines() if x.startswith("Page size:"))
    parts = line.split()
    return float(parts[2]), float(parts[4])
