"""The ticket actions as QActions with shortcuts, offered by role and enabled by the ticket's status.

A role that may never do something (a clerk and Reopen) does not see the action at all; an action the
role may do but the ticket's state rules out (Reopen on an open ticket) is shown disabled. The
service layer enforces the same rules again, so a stale button can never do harm.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from citydesk.domain.permissions import Action, allowed
from citydesk.domain.roles import Role
from citydesk.domain.statuses import REOPENABLE, TRANSITIONS, Status
from citydesk.domain.validation import MAX_ESCALATION_LEVEL
from citydesk.ui.counter import receipt
from citydesk.ui.detail import dialogs, workflow_dialogs
from citydesk.ui.detail.view import DetailView, tr

if TYPE_CHECKING:
    from citydesk.ui.detail.pane import TicketDetailPane
    from citydesk.ui.detail.timeline import EntryRow


@dataclass(frozen=True, slots=True)
class State:
    """What decides which actions are offered: who, which ticket, which entry is selected."""

    role: Role | None
    user_id: str | None
    ticket_id: str | None
    view: DetailView | None
    entry: EntryRow | None


Rule = Callable[[State], bool]


def _open(s: State) -> bool:
    return s.view is not None and s.view.detail.is_open


def _can_take(s: State) -> bool:
    return _open(s) and s.view is not None and s.view.detail.assignee_id != s.user_id


def _can_change_status(s: State) -> bool:
    return s.view is not None and s.role is not None and bool(dialogs.status_targets(s.view.status, s.role))


def _can_escalate(s: State) -> bool:
    return _open(s) and s.view is not None and s.view.detail.escalation_level < MAX_ESCALATION_LEVEL


def _can_resolve(s: State) -> bool:
    return s.view is not None and Status.RESOLVED in TRANSITIONS[s.view.status]


def _can_reopen(s: State) -> bool:
    return s.view is not None and s.view.status in REOPENABLE


def _loaded(s: State) -> bool:
    return s.view is not None


def _chosen(s: State) -> bool:
    return s.ticket_id is not None


def _redactable(s: State) -> bool:
    return s.view is not None and s.entry is not None and s.entry.redactable


class TicketActions(QObject):
    """Every action of the detail pane; `all()` is what the main window puts in its menus and toolbar."""

    def __init__(self, pane: TicketDetailPane) -> None:
        super().__init__(pane)
        self.pane = pane
        self._rules: list[tuple[QAction, tuple[Action, ...], Rule]] = []
        p = pane
        self.add_note = self._make(
            tr("Add note"), ("Ctrl+Return", "Ctrl+Enter"), p.submit_note, (Action.ADD_NOTE,), _chosen
        )
        self.add_note.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.write_note = self._make(
            tr("Write a note"), ("Ctrl+Shift+N",), p.focus_composer, (Action.ADD_NOTE,), _chosen
        )
        self.log_call = self._make(
            tr("Log a call…"), ("Ctrl+L",), lambda: p.open_dialog(dialogs.LogCallDialog), (Action.LOG_CALL,)
        )
        self.take = self._make(
            tr("Take it (assign to me)"), ("Ctrl+T",), p.take, (Action.TAKE_TICKET,), _can_take
        )
        self.assign = self._make(
            tr("Assign…"),
            ("Ctrl+Shift+A",),
            lambda: p.open_dialog(dialogs.AssignDialog),
            (Action.ASSIGN_OTHERS, Action.ROUTE_DEPARTMENT),
            _open,
        )
        self.change_status = self._make(
            tr("Change status…"),
            ("Ctrl+Shift+S",),
            lambda: p.open_dialog(dialogs.ChangeStatusDialog),
            (Action.CHANGE_STATUS, Action.CLOSE),
            _can_change_status,
        )
        self.change_priority = self._make(
            tr("Change priority…"),
            (),
            lambda: p.open_dialog(dialogs.ChangePriorityDialog),
            (Action.CHANGE_PRIORITY,),
            _open,
        )
        self.edit = self._make(
            tr("Edit title, description, location, category…"),
            ("Ctrl+E",),
            lambda: p.open_dialog(dialogs.EditDialog),
            (Action.EDIT_TICKET,),
        )
        self.escalate = self._make(
            tr("Escalate…"),
            ("Ctrl+Shift+E",),
            lambda: p.open_dialog(workflow_dialogs.EscalateDialog),
            (Action.ESCALATE,),
            _can_escalate,
        )
        self.record_time = self._make(
            tr("Record time…"),
            ("Ctrl+Shift+T",),
            lambda: p.open_dialog(workflow_dialogs.RecordTimeDialog),
            (Action.RECORD_TIME,),
        )
        self.schedule_visit = self._make(
            tr("Schedule a visit…"),
            ("Ctrl+Shift+V",),
            lambda: p.open_dialog(workflow_dialogs.ScheduleVisitDialog),
            (Action.SCHEDULE_VISIT,),
            _open,
        )
        self.resolve = self._make(
            tr("Resolve…"),
            ("Ctrl+R",),
            lambda: p.open_dialog(workflow_dialogs.ResolveDialog),
            (Action.RESOLVE,),
            _can_resolve,
        )
        self.reopen = self._make(
            tr("Reopen…"),
            ("Ctrl+Shift+R",),
            lambda: p.open_dialog(workflow_dialogs.ReopenDialog),
            (Action.REOPEN,),
            _can_reopen,
        )
        self.print_receipt = self._make(
            tr("Print receipt…"),
            ("Ctrl+P",),
            lambda: p.open_dialog(receipt.receipt_for_view),
            (Action.CREATE_TICKET,),
        )
        self.redact = self._make(
            tr("Redact the selected note…"), (), p.redact_selected, (Action.REDACT_NOTE,), _redactable
        )

    def _make(
        self,
        text: str,
        keys: tuple[str, ...],
        slot: Callable[[], object],
        needs: tuple[Action, ...],
        rule: Rule = _loaded,
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName("ticket_" + "_".join(text.lower().strip("…").split()[:2]).replace(",", ""))
        if keys:
            action.setShortcuts([QKeySequence(k) for k in keys])
            shown = QKeySequence(keys[0]).toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{text.rstrip('…')} ({shown})")
        action.setStatusTip(text.rstrip("…"))
        action.triggered.connect(lambda _checked=False: slot())
        action.setEnabled(False)
        self._rules.append((action, needs, rule))
        return action

    def all(self) -> list[QAction]:
        """Every action, in menu order."""
        return [action for action, _needs, _rule in self._rules]

    def update(self, state: State) -> None:
        """Show what the role may do; enable what the ticket's state allows."""
        for action, needs, rule in self._rules:
            permitted = state.role is not None and any(allowed(state.role, need) for need in needs)
            action.setVisible(permitted or state.role is None)
            action.setEnabled(permitted and rule(state))
