"""Selected rows stay readable: the selection colour is adjusted to 4.5:1 against its text."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette

from citydesk.ui.palette import contrast, fix_selection_contrast


@pytest.mark.parametrize(
    ("highlight", "text"),
    [
        ("#308cc6", "#ffffff"),  # Qt's default light selection: 3.7:1 before the fix
        ("#2a82da", "#ffffff"),  # a common dark-theme selection
        ("#9ecbff", "#000000"),  # a pale selection under dark text
    ],
)
def test_selection_colours_reach_wcag_aa(qapp: object, highlight: str, text: str) -> None:
    palette = QPalette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.Highlight, QColor(highlight))
        palette.setColor(group, QPalette.ColorRole.HighlightedText, QColor(text))
    fixed = fix_selection_contrast(palette)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        ratio = contrast(
            fixed.color(group, QPalette.ColorRole.Highlight),
            fixed.color(group, QPalette.ColorRole.HighlightedText),
        )
        assert ratio >= 4.5


def test_a_readable_selection_is_left_alone(qapp: object) -> None:
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#1d4f91"))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    fixed = fix_selection_contrast(palette)
    assert fixed.color(QPalette.ColorRole.Highlight) == QColor("#1d4f91")
