"""Render the Spanish counter offscreen with demo data (`LANGUAGE=es` as a Spanish-speaking clerk sees it):
the New request form (a requester on file, and a new Spanish-speaking citizen), the status answer, the
receipt dialog, a question answered on the spot and the Requesters window, as *-es.png.

    .venv/bin/python scripts/screenshots_es.py [folder]      # default: docs/screenshots/
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, datetime, time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import screenshots as shots  # scripts/screenshots.py, beside this file
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QApplication

from citydesk.demo import create_demo
from citydesk.domain.clock import ManualClock
from citydesk.domain.roles import SYSTEM_ACTOR
from citydesk.services.setup import set_setting
from citydesk.store.db import open_database
from citydesk.store.detail import sign_in_users
from citydesk.ui.app import CitydeskApp, install_translator, signed_in_as
from citydesk.ui.shell import MainWindow


def settle(app: QApplication) -> None:
    """Let queued paints and texts arrive."""
    for _ in range(20):
        app.processEvents()


def main() -> int:
    """Build a small demo database and save the Spanish screenshots."""
    shots.OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else shots.OUT
    shots.OUT.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    app.setOrganizationName("citydesk-screenshots-es")
    from citydesk.ui.collector import MainThreadCollector
    from citydesk.ui.counter.question import QuestionDialog
    from citydesk.ui.counter.receipt import ReceiptDialog
    from citydesk.ui.counter.status import StatusQuestionDialog
    from citydesk.ui.palette import apply_accessible_palette

    apply_accessible_palette(app)
    MainThreadCollector(app)
    QSettings().clear()
    if install_translator(app, QLocale("es_US")) is None:
        raise SystemExit("resources/translations/citydesk_es.qm is missing: run scripts/translations.py")
    folder = Path(tempfile.mkdtemp(prefix="citydesk-shots-es-"))
    clock = ManualClock(datetime.combine(shots.AS_OF, time(23, 0), UTC))
    db = open_database(folder / "demo.sqlite", clock=clock)
    create_demo(db, as_of=shots.AS_OF, tickets=600, seed=1)
    hub = CitydeskApp(db)
    with db.read() as session:
        clerk = next(u for u in sign_in_users(session) if u.role == "clerk")
    hub.sign_in(signed_in_as(db, clerk.id))
    window = MainWindow(hub)
    window.resize(1366, 740)
    window.show()
    shots.wait_until(app, lambda: window.model.rowCount() > 0)
    shots.shoot_new_request(app, hub, window, suffix="-es")
    set_setting(hub.db, actor=SYSTEM_ACTOR, key="city_phone", value="(555) 010-0311")
    _ticket_id, number, spanish_id = shots._counter_ticket(hub)
    status = StatusQuestionDialog(hub, window)
    status.show()
    status.find.setText(number)
    status.lookup()
    shots.wait_until(app, lambda: status.view is not None and hub.runner.in_flight == 0)
    settle(app)
    status.grab().save(str(shots.OUT / "status-question-es.png"))
    status.close()
    receipt = ReceiptDialog(hub, spanish_id, window)
    receipt.show()
    shots.wait_until(app, lambda: receipt.slip is not None and hub.runner.in_flight == 0)
    settle(app)
    receipt.grab().save(str(shots.OUT / "receipt-dialog-es.png"))
    receipt.close()
    question = QuestionDialog(hub, window)
    question.show()
    settle(app)
    question.grab().save(str(shots.OUT / "question-es.png"))
    question.close()
    window.close()
    hub.shutdown()
    print(f"Spanish screenshots written to {shots.OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
