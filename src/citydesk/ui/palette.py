"""Palette fixes for WCAG contrast: the platform's selection colours are not always readable enough."""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette

MIN_CONTRAST = 4.5
"""WCAG 2.1 AA for normal text."""


def luminance(colour: QColor) -> float:
    """Relative luminance as WCAG defines it."""

    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    lighter, darker = sorted((luminance(a), luminance(b)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def readable_highlight(highlight: QColor, text: QColor) -> QColor:
    """The selection colour, darkened (under light text) or lightened (under dark text) to 4.5:1."""
    colour = QColor(highlight)
    text_is_light = luminance(text) > 0.5
    for _ in range(40):
        if contrast(colour, text) >= MIN_CONTRAST:
            return colour
        colour = colour.darker(108) if text_is_light else colour.lighter(108)
    return colour


def fix_selection_contrast(palette: QPalette) -> QPalette:
    """A copy of `palette` whose selected-row colours meet 4.5:1 in every colour group."""
    fixed = QPalette(palette)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        text = fixed.color(group, QPalette.ColorRole.HighlightedText)
        highlight = fixed.color(group, QPalette.ColorRole.Highlight)
        fixed.setColor(group, QPalette.ColorRole.Highlight, readable_highlight(highlight, text))
    return fixed


def apply_accessible_palette(app: QGuiApplication) -> None:
    """Make the application's selection colours readable (called at start)."""
    app.setPalette(fix_selection_contrast(app.palette()))
