"""Layouts that grow with the text size (WCAG 1.4.4 resize text, 1.4.10 reflow).

The widths in the main window were chosen for the usual 9-point system font at 1366×768. With a
larger system font the fixed widths grow by the same factor, the queue list takes the width of its
longest entry, and from 150% the ticket pane moves under the table so that neither is squeezed into a
sliver (the table then keeps its columns readable and scrolls sideways, as a data table may).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QSplitter, QWidget

DESIGN_POINTS = 9.0
"""The font size the fixed widths were chosen for."""

LARGE = 1.5
"""From this text scale on, the ticket pane sits under the table."""


def text_scale(widget: QWidget) -> float:
    """How much larger the widget's text is than the size the layout was designed for (at least 1)."""
    points = QFontInfo(widget.font()).pointSizeF()
    return max(1.0, points / DESIGN_POINTS) if points > 0 else 1.0


def scaled(widget: QWidget, pixels: int) -> int:
    """A width chosen for the design font, grown with the widget's text."""
    return round(pixels * text_scale(widget))


def main_panes(queues: QWidget, centre: QWidget, detail: QWidget) -> QSplitter:
    """Queues | tickets | the ticket shown; with large text, queues | (tickets over the ticket)."""
    splitter = QSplitter()
    splitter.addWidget(queues)
    if text_scale(queues) >= LARGE:
        column = QSplitter(Qt.Orientation.Vertical)
        column.setChildrenCollapsible(False)
        column.addWidget(centre)
        column.addWidget(detail)
        column.setSizes([3, 2])  # the list gets the larger share
        splitter.addWidget(column)
        splitter.setSizes([scaled(queues, 190), 10_000])
    else:
        splitter.addWidget(centre)
        splitter.addWidget(detail)
        splitter.setSizes([190, 790, 386])
    splitter.setChildrenCollapsible(False)
    return splitter


def columns_key(widget: QWidget) -> str:
    """Where the table's column layout is remembered: per text size (widths chosen at 100% cut the
    words at 200%)."""
    scale = text_scale(widget)
    return "main/columns" if scale < 1.25 else f"main/columns-{round(scale * 100)}"


def splitter_key(widget: QWidget) -> str:
    """Where the splitter positions are remembered (apart for large text: the panes differ)."""
    return "main/splitter-large" if text_scale(widget) >= LARGE else "main/splitter"
