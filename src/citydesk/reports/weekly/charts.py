"""Charts of the weekly status report, drawn with reportlab.graphics shapes.

Every chart reads in black and white: series differ by fill (solid dark, white with an outline,
light grey) and line style, every bar carries its value, and each chart has a legend. Labels are
measured and shortened with "…" so nothing is clipped. Import this module only when a report is
built (it imports ReportLab).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from reportlab.graphics.shapes import Drawing, Group, Line, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from citydesk.reports.fonts import BOLD, FONT
from citydesk.reports.model import DayVolume, DepartmentRow, OnTimeRow, Rate, TrendWeek

DARK = colors.Color(0.22, 0.22, 0.22)
MID = colors.Color(0.62, 0.62, 0.62)
LIGHT = colors.Color(0.86, 0.86, 0.86)
GRID = colors.Color(0.85, 0.85, 0.85)
WHITE = colors.white
BLACK = colors.black
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def fit(text: str, width: float, size: float, font: str = FONT) -> str:
    """`text`, shortened with "…" to fit `width` points at `size`."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def nice_max(value: float, ticks: int = 4) -> tuple[float, float]:
    """A round axis maximum >= value and its tick step."""
    if value <= 0:
        return 1.0 * ticks, 1.0
    raw = value / ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        step = factor * magnitude
        if step * ticks >= value:
            if step < 1:
                step = 1.0
            return step * ticks, step
    return value, raw


def _text(
    x: float, y: float, text: str, size: float = 7, anchor: str = "start", bold: bool = False
) -> String:
    return String(
        x, y, text, fontName=BOLD if bold else FONT, fontSize=size, textAnchor=anchor, fillColor=BLACK
    )


def _swatch(x: float, y: float, fill: colors.Color, label: str) -> Group:
    group = Group()
    group.add(Rect(x, y, 9, 7, fillColor=fill, strokeColor=BLACK, strokeWidth=0.5))
    group.add(_text(x + 12, y + 0.5, label, 7))
    return group


def _legend(items: Sequence[tuple[str, object]], x: float, y: float) -> tuple[Group, float]:
    """Swatches (fill colour) or line samples ("dash"/"line") in a row; returns the group and its width."""
    group = Group()
    cursor = x
    for label, kind in items:
        if kind == "dash":
            group.add(
                Line(
                    cursor,
                    y + 3.5,
                    cursor + 14,
                    y + 3.5,
                    strokeColor=BLACK,
                    strokeWidth=1,
                    strokeDashArray=[3, 2],
                )
            )
            group.add(_text(cursor + 17, y + 0.5, label, 7))
            cursor += 17 + stringWidth(label, FONT, 7) + 14
        elif kind == "line":
            group.add(Line(cursor, y + 3.5, cursor + 14, y + 3.5, strokeColor=BLACK, strokeWidth=1.2))
            group.add(Rect(cursor + 5, y + 1.5, 4, 4, fillColor=BLACK, strokeColor=BLACK, strokeWidth=0.5))
            group.add(_text(cursor + 17, y + 0.5, label, 7))
            cursor += 17 + stringWidth(label, FONT, 7) + 14
        else:
            group.add(_swatch(cursor, y, kind, label))
            cursor += 12 + stringWidth(label, FONT, 7) + 14
    return group, cursor - x


def _empty(width: float, message: str) -> Drawing:
    drawing = Drawing(width, 30)
    drawing.add(_text(0, 10, message, 8))
    return drawing


def on_time_chart(
    rows: Sequence[OnTimeRow],
    goal_pct: float,
    width: float,
    t: Callable[[str], str] = str,
    rate_text: Callable[[Rate], str] = Rate.text,
) -> Drawing:
    """Horizontal bars: on-time % per category with its counts, against a dashed goal line; words through
    `t` and rates through `rate_text` (the city's working language)."""
    rows = [r for r in rows if r.rate.total][:10]
    if not rows:
        return _empty(width, t("No request with a due date was resolved this week."))
    row_h, top_pad, bottom = 17.0, 16.0, 34.0
    label_w, value_w = min(175.0, width * 0.34), 78.0
    plot_x, plot_w = label_w + 6, width - label_w - 6 - value_w
    height = bottom + row_h * len(rows) + top_pad
    d = Drawing(width, height)
    top = height - top_pad
    for pct in (0, 25, 50, 75, 100):
        x = plot_x + plot_w * pct / 100
        d.add(Line(x, bottom, x, top, strokeColor=GRID, strokeWidth=0.5))
        d.add(_text(x, bottom - 9, f"{pct}%", 6.5, "middle"))
    for i, row in enumerate(rows):
        y = top - (i + 1) * row_h + 3
        share = float(row.rate.whole_pct or 0)
        days = row.target_business_days
        target = " (" + t("{0} bd").format(days) + ")" if days is not None else ""
        d.add(
            _text(
                label_w,
                y + 3,
                fit(t(row.name), label_w - stringWidth(target, FONT, 7.5), 7.5) + target,
                7.5,
                "end",
            )
        )
        meets = share >= goal_pct
        d.add(
            Rect(
                plot_x,
                y,
                max(plot_w * share / 100, 0.5),
                row_h - 6,
                fillColor=DARK if meets else WHITE,
                strokeColor=BLACK,
                strokeWidth=0.6,
            )
        )
        d.add(_text(plot_x + plot_w + 4, y + 3, rate_text(row.rate), 7))
    goal_x = plot_x + plot_w * goal_pct / 100
    d.add(Line(goal_x, bottom - 2, goal_x, top + 4, strokeColor=BLACK, strokeWidth=1, strokeDashArray=[3, 2]))
    d.add(_text(goal_x, top + 6, t("goal {0}%").format(f"{goal_pct:.0f}"), 7, "middle"))
    legend, _w = _legend(
        [(t("meets the goal"), DARK), (t("below the goal"), WHITE), (t("goal"), "dash")], plot_x, 4
    )
    d.add(legend)
    d.add(_text(0, 4.5, t("bd = target in business days"), 6.5))
    return d


def daily_chart(days: Sequence[DayVolume], width: float, t: Callable[[str], str] = str) -> Drawing:
    """Grouped bars per day: requests opened (dark) and resolved (white), the usual volume dashed."""
    if not any(d.opened or d.resolved or d.usual_opened for d in days):
        return _empty(width, t("No requests came in or were resolved this week."))
    height, bottom, left, top_pad = 170.0, 40.0, 30.0, 14.0
    plot_w, plot_h = width - left - 4, height - bottom - top_pad
    peak = max(max(d.opened, d.resolved, d.usual_opened) for d in days)
    axis_max, step = nice_max(peak * 1.08)  # headroom for the value labels
    d = Drawing(width, height)
    _y_axis(d, left, bottom, plot_w, plot_h, axis_max, step)
    group_w = plot_w / len(days)
    bar_w = min(22.0, group_w * 0.32)
    for i, day in enumerate(days):
        cx = left + group_w * (i + 0.5)
        usual_y = bottom + plot_h * day.usual_opened / axis_max
        for value, x, fill in ((day.opened, cx - bar_w - 1, DARK), (day.resolved, cx + 1, WHITE)):
            h = plot_h * value / axis_max
            d.add(Rect(x, bottom, bar_w, max(h, 0.3), fillColor=fill, strokeColor=BLACK, strokeWidth=0.6))
            label_y = bottom + h + 2
            if fill is DARK and abs(label_y - usual_y) < 8:
                label_y = max(label_y, usual_y + 3)  # keep the count clear of the dashed usual line
            d.add(_text(x + bar_w / 2, label_y, str(value), 6.5, "middle"))
        d.add(
            Line(
                cx - bar_w - 4,
                usual_y,
                cx - 2,
                usual_y,
                strokeColor=BLACK,
                strokeWidth=1.2,
                strokeDashArray=[2, 1.5],
            )
        )
        d.add(_text(cx, bottom - 10, f"{t(WEEKDAYS[day.day.weekday()])} {day.day.day}", 7, "middle"))
    legend, _w = _legend(
        [
            (t("opened"), DARK),
            (t("resolved"), WHITE),
            (t("usual opened (average of the 8 weeks before)"), "dash"),
        ],
        left,
        6,
    )
    d.add(legend)
    return d


def _y_axis(
    d: Drawing, left: float, bottom: float, plot_w: float, plot_h: float, axis_max: float, step: float
) -> None:
    ticks = round(axis_max / step)
    for i in range(ticks + 1):
        value = step * i
        y = bottom + plot_h * value / axis_max
        d.add(Line(left, y, left + plot_w, y, strokeColor=GRID if i else BLACK, strokeWidth=0.5))
        d.add(_text(left - 3, y - 2.5, f"{value:,.0f}", 6.5, "end"))


def trend_chart(trend: Sequence[TrendWeek], width: float, t: Callable[[str], str] = str) -> Drawing:
    """Two panels: requests opened vs resolved per week, and the backlog at each week's end."""
    height, bottom, top_pad = 168.0, 34.0, 26.0
    gap = 24.0
    panel_w = (width - gap) / 2
    d = Drawing(width, height)
    plot_h = height - bottom - top_pad
    # Left: opened vs resolved.
    left = 30.0
    plot_w = panel_w - left
    peak = max([max(w.opened, w.resolved) for w in trend] + [1])
    axis_max, step = nice_max(peak * 1.08)
    _y_axis(d, left, bottom, plot_w, plot_h, axis_max, step)
    d.add(_text(left, height - 9, t("Requests opened and resolved"), 7.5, bold=True))
    group_w = plot_w / max(len(trend), 1)
    bar_w = min(20.0, group_w * 0.3)
    for i, week in enumerate(trend):
        cx = left + group_w * (i + 0.5)
        for value, x, fill in ((week.opened, cx - bar_w - 1, DARK), (week.resolved, cx + 1, WHITE)):
            h = plot_h * value / axis_max
            d.add(Rect(x, bottom, bar_w, max(h, 0.3), fillColor=fill, strokeColor=BLACK, strokeWidth=0.6))
            d.add(_text(x + bar_w / 2, bottom + h + 2, f"{value:,}", 6.5, "middle"))
        d.add(_text(cx, bottom - 10, week.label, 7, "middle"))
    legend, _w = _legend([(t("opened"), DARK), (t("resolved"), WHITE)], left, 4)
    d.add(legend)
    # Right: backlog line.
    left2 = panel_w + gap + 34.0
    plot_w2 = width - left2 - 6
    peak2 = max([w.backlog_end for w in trend] + [1])
    axis_max2, step2 = nice_max(peak2 * 1.1)
    _y_axis(d, left2, bottom, plot_w2, plot_h, axis_max2, step2)
    d.add(_text(left2, height - 9, t("Open requests at the end of each week"), 7.5, bold=True))
    step_x = plot_w2 / max(len(trend), 1)
    points = []
    for i, week in enumerate(trend):
        x = left2 + step_x * (i + 0.5)
        y = bottom + plot_h * week.backlog_end / axis_max2
        points.extend([x, y])
        d.add(Rect(x - 2.5, y - 2.5, 5, 5, fillColor=BLACK, strokeColor=BLACK, strokeWidth=0.5))
        d.add(_text(x, y + 5, f"{week.backlog_end:,}", 6.5, "middle"))
        d.add(_text(x, bottom - 10, week.label, 7, "middle"))
    if len(points) >= 4:
        d.add(PolyLine(points, strokeColor=BLACK, strokeWidth=1.2))
    legend2, _w = _legend([(t("open at the end of the week"), "line")], left2, 4)
    d.add(legend2)
    return d


def department_chart(rows: Sequence[DepartmentRow], width: float, t: Callable[[str], str] = str) -> Drawing:
    """Per department: requests opened (dark), resolved (white) and open at the end (grey)."""
    rows = [r for r in rows if r.opened or r.resolved or r.open_end]
    if not rows:
        return _empty(width, t("No department had requests this week."))
    bar_h, gap, bottom, top_pad = 6.0, 7.0, 34.0, 6.0
    group_h = bar_h * 3 + gap
    label_w = min(150.0, width * 0.3)
    plot_x = label_w + 6
    plot_w = width - plot_x - 34
    height = bottom + group_h * len(rows) + top_pad
    peak = max(max(r.opened, r.resolved, r.open_end) for r in rows)
    axis_max, step = nice_max(peak)
    d = Drawing(width, height)
    top = height - top_pad
    ticks = round(axis_max / step)
    for i in range(ticks + 1):
        x = plot_x + plot_w * i / ticks
        d.add(Line(x, bottom, x, top, strokeColor=GRID if i else BLACK, strokeWidth=0.5))
        d.add(_text(x, bottom - 9, f"{step * i:,.0f}", 6.5, "middle"))
    for i, row in enumerate(rows):
        y0 = top - (i + 1) * group_h + gap / 2
        d.add(_text(label_w, y0 + bar_h * 1.5 - 2.5, fit(row.name, label_w, 7.5), 7.5, "end"))
        series = ((row.opened, DARK), (row.resolved, WHITE), (row.open_end, LIGHT))
        for j, (value, fill) in enumerate(series):
            y = y0 + bar_h * (2 - j)
            w = plot_w * value / axis_max
            d.add(Rect(plot_x, y, max(w, 0.3), bar_h, fillColor=fill, strokeColor=BLACK, strokeWidth=0.5))
            d.add(_text(plot_x + w + 3, y + 1, f"{value:,}", 6))
    legend, _w = _legend(
        [(t("opened"), DARK), (t("resolved"), WHITE), (t("open at the end of the week"), LIGHT)], plot_x, 4
    )
    d.add(legend)
    return d
