"""Run in a fresh interpreter by the `ui_sync` benchmark: the app pulls many changes while the GUI thread
is watched.

Usage: python benchmarks/ui_sync_probe.py FOLDER TICKETS. A real `citydesk-server serve` subprocess; PC A
writes TICKETS tickets (bulk path) and pushes them; PC B, enrolled before, is open in the app (main window
shown, offscreen) and pulls them with its sync controller (HTTP on the task runner's HTTP pool, each
page's transaction on the writer thread). Meanwhile a 5 ms timer on the GUI thread measures how late it
fires (the stall), and a local save (`create_ticket` through the hub, as the counter saves) is timed every
100 ms, first for 3 s without a sync (idle), then during the pull. B shows a ticket in its detail pane
that gets a note from A halfway through the pull: how long after its page commits the note is on screen.
As `run_app` does, the probe shortens the interpreter's switch interval (`share_the_interpreter`) and
freezes what it built at start (`gc.freeze`), so a full garbage collection does not stop the GUI thread.
Prints one JSON line. Diagnostics: PROBE_SAVES=0 (no saves during the pull), PROBE_PAGE=N (changes a
page), PROBE_TRACE=1 (stalls over 50 ms, page writes over 60 ms and slow garbage collections on stderr),
PROBE_SWITCH=S (the switch interval in seconds instead of the app's; 0.005 is Python's own).
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TIMER_MS = 5
SAVE_EVERY_MS = 100


def p95(samples: list[float]) -> float:
    """The 95th percentile (nearest rank), 0 for no samples."""
    ordered = sorted(samples)
    return round(ordered[max(0, round(0.95 * len(ordered)) - 1)], 1) if ordered else 0.0


def main(folder: Path, count: int) -> None:
    """Set up the world, open B in the app, pull, print the figures."""
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from benchmarks.sync_setup import create_tickets, enrol, memory_keyring, serve, set_up_server
    from citydesk.services import tickets
    from citydesk.ui.app import SWITCH_INTERVAL_S, CitydeskApp, share_the_interpreter, signed_in_as
    from citydesk.ui.shell import MainWindow
    from citydesk.ui.sync.controller import SyncController

    share_the_interpreter(float(os.environ.get("PROBE_SWITCH", SWITCH_INTERVAL_S)))
    url = f"sqlite+pysqlite:///{folder / 'server.sqlite'}"
    set_up_server(url)
    app = QApplication(sys.argv[:1])
    app.setOrganizationName("citydesk-bench")
    with memory_keyring(), serve(url, folder) as (_process, base):
        b = enrol(url, base, folder, "b", "PD")
        a = enrol(url, base, folder, "a", "CLK")
        from citydesk.services.setup import actor_for_username
        from citydesk.services.ticket_work import add_note

        shown = tickets.create_ticket(a.db, actor=actor_for_username(a.db, "carla"), title="Streetlight out",
                                      channel="phone").ticket_id  # fmt: skip
        a.sync()
        b.sync()  # B has the ticket it will show; the note on it comes halfway through the pull
        create_tickets(a, count // 2)
        add_note(a.db, actor=actor_for_username(a.db, "carla"), ticket_id=shown, body="Caller rang again",
                 public=True)  # fmt: skip
        create_tickets(a, count - count // 2)
        a.sync()
        a.close()
        b.client.close()
        hub = CitydeskApp(b.db)
        controller = SyncController(hub)
        controller.page_size = int(os.environ.get("PROBE_PAGE", controller.page_size))
        note_committed: list[float] = []
        page_signal = controller._page_done

        class PageDone:  # the engine's page callback (HTTP thread), timing the page that holds the note
            @staticmethod
            def emit(ticket_ids: frozenset[str]) -> None:
                if shown in ticket_ids:
                    note_committed.append(time.perf_counter())
                page_signal.emit(ticket_ids)

        controller._page_done = PageDone  # type: ignore[assignment]
        hub.sign_in(signed_in_as(b.db, actor_for_username(b.db, "root").user_id))
        window = MainWindow(hub)
        ready = {"done": False}
        window.ready.connect(lambda: ready.__setitem__("done", True))
        window.show()
        while not (ready["done"] and hub.sync_state.connected and not hub.runner.in_flight):
            QTest.qWait(5)
        window.show_ticket(shown)
        while window.detail.view is None:
            QTest.qWait(5)
        note_shown: list[float] = []
        timeline = window.detail.timeline

        def look_for_note() -> None:
            if not note_shown and any("Caller rang again" in text for text in timeline.texts()):
                note_shown.append(time.perf_counter())

        timeline.timeline_model.modelReset.connect(look_for_note)
        timeline.timeline_model.rowsInserted.connect(look_for_note)
        from citydesk.ui.app import freeze_startup_objects

        freeze_startup_objects()
        gaps: list[float] = []
        clock = QElapsedTimer()
        clock.start()
        last = {"at": clock.nsecsElapsed()}

        trace: list[str] = []  # PROBE_TRACE=1: stalls over 50 ms and slow garbage collections, on stderr

        def beat() -> None:
            now = clock.nsecsElapsed()
            gaps.append((now - last["at"]) / 1e6 - TIMER_MS)
            if gaps[-1] > 50:
                trace.append(f"{now / 1e6:.0f} ms: GUI stall {gaps[-1]:.0f} ms (page {pages['n']})")
            last["at"] = now

        if os.environ.get("PROBE_TRACE") == "1":
            import gc

            gc_started = {"at": 0}

            def gc_watch(what: str, info: dict[str, int]) -> None:
                now = clock.nsecsElapsed()
                if what == "start":
                    gc_started["at"] = now
                elif (now - gc_started["at"]) / 1e6 > 10:
                    took = (now - gc_started["at"]) / 1e6
                    trace.append(f"{now / 1e6:.0f} ms: gen{info['generation']} collection {took:.0f} ms")

            gc.callbacks.append(gc_watch)

        timings: dict[str, list[float]] = {"baseline": [], "pull": []}
        phase = {"now": "baseline"}

        def save() -> None:
            begun, into = time.perf_counter(), timings[phase["now"]]
            hub.mutate(tickets.create_ticket, title="Pothole at the counter", channel="phone",
                       on_done=lambda _r: into.append((time.perf_counter() - begun) * 1000))  # fmt: skip

        page_ms: list[float] = []
        write = controller.write_page

        def timed_write(fn):  # type: ignore[no-untyped-def]
            def run():  # type: ignore[no-untyped-def]
                begun = time.perf_counter()
                try:
                    return fn()
                finally:
                    page_ms.append((time.perf_counter() - begun) * 1000)
                    if page_ms[-1] > 60:
                        trace.append(f"write {len(page_ms)}: {page_ms[-1]:.0f} ms")

            return write(run)

        controller.write_page = timed_write  # type: ignore[method-assign]
        saver_start = time.perf_counter()
        saver = QTimer(interval=SAVE_EVERY_MS, timeout=lambda: save())
        saver.start()
        while time.perf_counter() - saver_start < 3:
            QTest.qWait(5)
        saver.stop()
        while hub.runner.in_flight:
            QTest.qWait(5)
        phase["now"] = "pull"
        pages = {"n": 0}
        hub.tickets_pulled.connect(lambda _e: pages.__setitem__("n", pages["n"] + 1))
        outcome: list[object] = []
        controller.finished.connect(outcome.append)
        heart = QTimer(interval=TIMER_MS, timeout=beat)
        saver = QTimer(interval=SAVE_EVERY_MS, timeout=save)
        started = time.perf_counter()
        last["at"] = clock.nsecsElapsed()
        heart.start()
        if os.environ.get("PROBE_SAVES", "1") == "1":
            saver.start()
        controller.sync_now(manual=False)
        while not outcome or not note_shown:
            QTest.qWait(1)
        pull_s = time.perf_counter() - started
        heart.stop()
        saver.stop()
        while hub.runner.in_flight:
            QTest.qWait(5)
        result = outcome[0]
        pulled = getattr(result, "pulled", None)
        if pulled is None:
            raise RuntimeError(f"the sync failed: {result}")
        saves, baseline = timings["pull"], timings["baseline"]
        print(json.dumps({
            "tickets": count, "pulled": pulled, "pages": pages["n"], "pull_s": round(pull_s, 3),
            "stall_max_ms": round(max(gaps, default=0.0), 1),
            "stall_p99_ms": round(sorted(gaps)[int(0.99 * (len(gaps) - 1))] if gaps else 0.0, 1),
            "beats": len(gaps), "saves": len(saves), "save_p95_ms": p95(saves),
            "save_idle_p95_ms": p95(baseline),
            "save_median_ms": round(statistics.median(saves), 1) if saves else 0.0,
            "page_write_max_ms": round(max(page_ms, default=0.0), 1),
            "page_write_median_ms": round(statistics.median(page_ms), 1) if page_ms else 0.0,
            "shown_note_ms": round((note_shown[0] - note_committed[0]) * 1000, 1),
        }))  # fmt: skip
        print("\n".join(trace), file=sys.stderr)
        controller.stop()
        window.sync_bar.quit_guard.confirmed = True
        window.close()
        hub.shutdown()


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]))
