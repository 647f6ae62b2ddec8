"""The backlog reconciliation: how the requests open at the start of the week become those open at
its end, with every adjustment counted on its own (`domain.metrics.ADJUSTMENTS`).

open at the start + opened − resolved + reopened + Σ adjustments = open at the end, over the requests
in the scope (current department, office of origin and priority, as every figure of the report). The
printed figures count tickets (resolved: the latest resolution falls in the week; reopened: a reopen
in the week), the open counts follow each ticket's timeline, and the adjustments are where the two
differ:

* a ticket never reopened is open from its creation until its `resolved_at`, so it adds exactly one
  to opened and one to resolved in the weeks its open count changes: it needs no adjustment, unless
  it is resolved or closed with no resolution date (an import's unknown date, or closed without a
  resolution): then it counts as opened in its creation week but is never open (read with the
  week's opened requests);
* a reopened ticket (a few a week) is replayed from its status entries, the same steps the backlog
  replays (`backlog.status_steps`): each move out of or back into the open count in the week is
  matched to the figure that counts it, and what no figure counts is an adjustment;
* a ticket reopened in the week that the backlog does not replay (reopened while open, or resolved
  since with no date) is counted as reopened without changing the open count.

A re-routed ticket counts in its current department for every figure, open at the start included,
so moves between departments need no adjustment. `Reconciliation.unexplained` is what is left; the
tests hold it at 0 for every week and scope of a demo city.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from citydesk.domain import metrics as dm
from citydesk.domain.statuses import Status
from citydesk.reports.metrics.backlog import CLOSED_VALUES, UNDATED, Backlog, OpenRow, Step
from citydesk.reports.metrics.queries import OPS, Week, tickets, timeline
from citydesk.reports.model import Adjustment, Reconciliation
from citydesk.store.types import to_db_text


def reopened_ids(session: Session, week: Week) -> set[str]:
    """The requests in scope with a reopen entry in the week (what the reopened figure counts)."""
    te, span = timeline.c, week.span
    return set(
        session.scalars(
            select(te.ticket_id)
            .distinct()
            .join(tickets, tickets.c.id == te.ticket_id)
            .where(
                te.kind == "reopen",
                te.at >= span.start,
                te.at < span.as_of,
                tickets.c.priority != OPS,
                week.in_scope,
            )
        )
    )


def walk(
    row: OpenRow, resolved_key: str | None, steps: Sequence[Step], start: str, end: str, out: Counter[str]
) -> None:
    """Count a replayed ticket's adjustments for the week [start, end) into `out`."""

    def in_week(at: str) -> bool:
        return start <= at < end

    before = [s for s in steps if s.at <= row.created]
    is_open = (before[-1].status if before else Status.NEW.value) not in CLOSED_VALUES
    if in_week(row.created) and not is_open:
        out["undated" if any(s.kind == UNDATED for s in before) else "never_open"] -= 1
    resolved_in_week = resolved_key is not None and in_week(resolved_key)
    counted = False
    reopens = 0
    reopen_entry = False
    for step in steps:
        if step.at <= row.created:
            continue
        now_open = step.status not in CLOSED_VALUES
        if in_week(step.at):
            reopen_entry = reopen_entry or step.kind == "reopen"
            if is_open and not now_open:
                if step.status != Status.RESOLVED.value:
                    out["closed_unresolved"] -= 1
                elif step.at == resolved_key and not counted:
                    counted = True
                elif resolved_in_week:
                    out["resolved_again"] -= 1
                else:
                    out["reopened_since"] -= 1
            elif now_open and not is_open:
                if step.kind == "reopen":
                    reopens += 1
                else:
                    out["reopened_by_status"] += 1
        is_open = now_open
    if resolved_in_week and not counted:
        out["resolved_while_resolved"] += 1
    if reopen_entry:
        if reopens == 0:
            out["reopen_no_change"] -= 1
        elif reopens > 1:
            out["reopened_again"] += reopens - 1


def reconcile_week(
    session: Session,
    week: Week,
    backlog: Backlog,
    *,
    start: int,
    opened: int,
    resolved: int,
    reopened: int,
    end: int,
    dateless: Counter[bool],
) -> Reconciliation:
    """The week's reconciliation from the printed figures, the backlog's replayed tickets and the
    requests opened in the week with no resolution date (`dateless`: {has a resolution reason: n})."""
    span = week.span
    start_key, end_key = to_db_text(span.start), to_db_text(span.as_of)
    out = Counter[str]()
    out["undated"] -= dateless[True]
    out["never_open"] -= dateless[False]
    replayed = set()
    for row, resolved_key in backlog.replayed:
        if row.priority == OPS or row.created >= end_key:
            continue
        replayed.add(row.id)
        walk(row, resolved_key, backlog.history.get(row.id, []), start_key, end_key, out)
    out["reopen_no_change"] -= len(reopened_ids(session, week) - replayed)
    adjustments = tuple(Adjustment(key, label, out[key]) for key, _sign, label, _meaning in dm.ADJUSTMENTS)
    return Reconciliation(start, opened, resolved, reopened, adjustments, end)
