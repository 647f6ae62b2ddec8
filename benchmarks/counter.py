"""Counter benchmarks (issue 4): completion as you type, duplicate candidates, saving a new request,
and the keystrokes of a walk-in for a new citizen.

Completion and duplicates only read, on the cached database, each call in its own read session (as
the form's background queries run). Saving runs `log_request` on a throw-away copy through the
service, one durable commit each: the time from Ctrl+Enter to the number the form shows, less the
hand-off to the writer thread. The keystroke count comes from the keyboard-driven pytest-qt test.
"""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from benchmarks.core import Budget, Context, Figure, summarize, time_calls

COMPLETION_BUDGET_MS = 50.0
DUPLICATES_BUDGET_MS = 100.0
SAVE_BUDGET_MS = 50.0
KEYSTROKE_BUDGET = 25
_ROOT = Path(__file__).resolve().parents[1]


def _typed_samples(session: Any, rng: random.Random) -> dict[str, list[str]]:
    """What clerks type: name starts, phone digits, e-mail starts, category words, address starts, aliases."""
    from citydesk.store.models import Address, Category, Requester

    people = session.execute(
        select(Requester.name, Requester.phone_digits, Requester.email).where(Requester.name.is_not(None))
    ).all()
    picked = rng.sample(people, min(60, len(people)))
    names = [n.split()[rng.randrange(2)][:k] for n, _p, _e in picked[:20] for k in (3,)]
    phones = [p[-4:] if i % 2 else p[:6] for i, (_n, p, _e) in enumerate(picked[20:40]) if p]
    emails = [e[: e.index("@") + 2] for _n, _p, e in picked[40:] if e]
    words = [w for k in session.scalars(select(Category.keywords)) for w in (k or "").split()][:40]
    texts = [t for (t,) in session.execute(select(Address.text).order_by(func.random()).limit(30))]
    aliases = [a for (al,) in session.execute(select(Address.aliases)) for a in al or ()]
    starts = [" ".join(t.split()[:2])[:-1] for t in texts] + [a[:7] for a in aliases]
    return {"requester": names + phones + emails, "category": words, "location": starts}


def _per_call(db: Any, fn: Any, typed: list[str], runs: int) -> tuple[list[float], list[int]]:
    """Durations of fn(session, text) over the samples, each in a fresh read session; hits per call."""
    hits: list[int] = []

    def one(text: str) -> None:
        with db.read() as session:
            hits.append(len(fn(session, text)))

    samples: list[float] = []
    for text in typed:
        samples += time_calls(lambda text=text: one(text), runs=runs, warmup=1)
    return samples, hits


def bench_counter(ctx: Context) -> list[Figure]:
    """Completion (requester, category, location), duplicate candidates, saving, keystrokes."""
    from citydesk.store.db import open_database
    from citydesk.store.intake import (
        PlaceQuery,
        complete_addresses,
        complete_categories,
        complete_requesters,
        duplicate_candidates,
    )
    from citydesk.store.models import Address, Requester, Ticket, TicketReporter

    rng = random.Random(4)
    runs = 2 if ctx.quick else 5
    figures: list[Figure] = []
    db = open_database(ctx.database)
    try:
        with db.read() as session:
            counts = {
                "requesters": session.scalar(select(func.count()).select_from(Requester)) or 0,
                "addresses": session.scalar(select(func.count()).select_from(Address)) or 0,
            }
            typed = _typed_samples(session, rng)
            open_rows = session.execute(
                select(
                    Ticket.category_id,
                    Ticket.address_id,
                    Ticket.location_text,
                    Ticket.latitude,
                    Ticket.longitude,
                    TicketReporter.requester_id,
                )
                .join(TicketReporter, TicketReporter.ticket_id == Ticket.id)
                .where(
                    Ticket.is_open.is_(True), Ticket.category_id.is_not(None), Ticket.latitude.is_not(None)
                )
                .order_by(func.random())
                .limit(60)
            ).all()
        figures.append(
            Figure(
                "counter.dataset",
                "dataset: requesters / addresses",
                None,
                passed=True,
                note=f"{counts['requesters']:,} requesters, {counts['addresses']:,} addresses",
                detail=counts,
            )
        )
        for key, fn in (
            ("requester", complete_requesters),
            ("category", complete_categories),
            ("location", complete_addresses),
        ):
            samples, hits = _per_call(db, fn, typed[key], runs)
            s = summarize(samples)
            figures.append(
                Figure(
                    f"counter.complete_{key}_p95_ms",
                    f"completion, {key} field: p95 (p50 {s.p50:.2f})",
                    s.p95,
                    "ms",
                    Budget(COMPLETION_BUDGET_MS),
                    detail={
                        "stats": s.to_json(),
                        "typed": typed[key][:10],
                        "mean_hits": sum(hits) / max(1, len(hits)),
                    },
                )
            )

        def duplicates(row: Any) -> int:
            place = PlaceQuery(
                text=row.location_text or "",
                address_id=row.address_id,
                latitude=row.latitude,
                longitude=row.longitude,
            )
            with db.read() as session:
                return len(
                    duplicate_candidates(
                        session, category_id=row.category_id, place=place, requester_id=row.requester_id
                    )
                )

        found: list[int] = []
        samples = []
        for row in open_rows:
            samples += time_calls(lambda row=row: found.append(duplicates(row)), runs=runs, warmup=1)
        s = summarize(samples)
        figures.append(
            Figure(
                "counter.duplicates_p95_ms",
                f"duplicate candidates: p95 (p50 {s.p50:.2f})",
                s.p95,
                "ms",
                Budget(DUPLICATES_BUDGET_MS),
                detail={"stats": s.to_json(), "mean_found": sum(found) / max(1, len(found))},
            )
        )
    finally:
        db.close()
    figures.append(_bench_save(ctx))
    figures.append(_keystrokes(ctx))
    return figures


def _bench_save(ctx: Context) -> Figure:
    """log_request through the service on a copy: a new citizen each time, a category and an address."""
    from citydesk.domain.roles import Actor, Role
    from citydesk.services.intake import log_request
    from citydesk.store.db import open_database
    from citydesk.store.intake import all_categories, complete_addresses
    from citydesk.store.models import User

    count = 30 if ctx.quick else 100
    with ctx.copy("counter-save") as path:
        db = open_database(path)
        try:
            with db.read() as session:
                clerk = session.scalars(select(User).where(User.role == "clerk", User.active)).first()
                assert clerk is not None
                actor = Actor(user_id=clerk.id, role=Role.CLERK, display_name=clerk.display_name)
                categories = [c for c in all_categories(session) if c.intake_questions]
                places = complete_addresses(session, "main st", limit=20)
            samples: list[float] = []
            for i in range(count):
                category, place = categories[i % len(categories)], places[i % len(places)]

                def save(i: int = i, category: Any = category, place: Any = place) -> None:
                    log_request(
                        db,
                        actor=actor,
                        title=f"{category.name} at {place.text}",
                        channel="walk_in",
                        category_id=category.id,
                        location=place.location(),
                        intake_answers={category.intake_questions[0]: "yes"},
                        new_requester={"name": f"Bench Person {i}", "phone": f"555-019-{i:04d}"},
                    )

                samples += time_calls(save, runs=1, warmup=0)
        finally:
            db.close()
    s = summarize(samples)
    return Figure(
        "counter.save_p95_ms",
        f"saving a new request (new requester + ticket): p95 (p50 {s.p50:.2f})",
        s.p95,
        "ms",
        Budget(SAVE_BUDGET_MS),
        detail={"stats": s.to_json(), "runs": count},
    )


def _keystrokes(ctx: Context) -> Figure:
    """Run the keyboard-only walk-in test and read the keystroke count it prints."""
    test = "tests/ui/test_counter_intake.py::test_walk_in_for_a_new_citizen_in_few_keystrokes"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LANG="C.UTF-8")
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-s", "-p", "no:cacheprovider", test],
        cwd=_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    match = re.search(r"walk-in for a new citizen: (\d+) keystrokes", done.stdout)
    if match is None:
        ctx.log(done.stdout[-2000:] + done.stderr[-2000:])
        return Figure(
            "counter.keystrokes",
            "walk-in for a new citizen: keystrokes beyond the text",
            None,
            passed=False,
            note="the test did not report a count",
        )
    keys = int(match.group(1))
    return Figure(
        "counter.keystrokes",
        "walk-in for a new citizen: keystrokes beyond the text",
        keys,
        "keys",
        Budget(KEYSTROKE_BUDGET),
    )
