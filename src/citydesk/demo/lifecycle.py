"""One demo ticket's life after its creation, as named steps: the entries a real ticket would collect.

Given a `TicketPlan` (what the ticket generator decided) and its `Timing` (both in
`citydesk.demo.plan`), `Lifecycle` writes the entries step by step: a resolution on first contact,
or a reroute, a raised priority, the assignment, an acknowledgement, escalations, the visit, waiting,
the work, notes and calls, more reporters, the resolution, a reopen and the closing. The steps draw
from the demo's random stream in a fixed order (changing that order changes the demo city). The
entries are cut at the end of the demo.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from citydesk.demo import content
from citydesk.demo.calendar import DAY, HOUR
from citydesk.demo.plan import (
    CLOSE_AFTER_DAYS,
    FALLBACK_LEAD,
    LATE_SHARE,
    WORKDAY,
    Moments,
    TicketPlan,
    Timing,
    World,
)
from citydesk.domain.clock import to_ms
from citydesk.domain.ids import uuid7
from citydesk.domain.roles import SYSTEM_USER_ID
from citydesk.domain.timeline import EntryKind
from citydesk.services.bulk import BulkEntry


@dataclass
class Lifecycle:
    """The later entries of one ticket, written step by step by `entries()`."""

    world: World
    plan: TicketPlan
    steps: list[tuple[int, int, tuple[Any, ...]]] = field(default_factory=list)

    def add(
        self,
        ts: float,
        kind: EntryKind,
        author: str,
        field: str | None = None,
        value: Any = None,
        detail: dict[str, Any] | None = None,
        body: str | None = None,
        public: bool = False,
    ) -> None:
        """Plan an entry at `ts` by `author` (a username, or a user id such as the system's)."""
        users = self.world.ref.users
        self.steps.append(
            (int(ts), len(self.steps), (kind, users.get(author, author), field, value, detail, body, public))
        )

    def entries(self) -> tuple[BulkEntry, ...]:
        """The ticket's later entries in time order, cut at the end of the demo."""
        if self.plan.fcr:
            self.resolve_on_first_contact()
            return self.finish()
        timing = self.timing()
        moments = self.moments(timing)
        self.reroute(timing, moments)
        self.raise_priority(timing, moments)
        self.assign(timing, moments)
        self.acknowledge(timing, moments)
        level = self.escalate(timing, moments)
        self.chase(timing, level)
        self.start_work(timing, moments)
        visit = self.schedule_visit(timing, moments)
        self.wait(timing, moments)
        self.record_work(timing, moments, visit)
        self.notes_and_calls(timing)
        if (
            self.plan.citizen_index >= 0
            and self.plan.spec.multi
            and self.world.rng.random() < self.plan.spec.multi
        ):
            self.more_reporters(timing)
        final = self.resolve(timing)
        final = self.maybe_reopen(final)
        self.close(final)
        return self.finish()

    # -- the steps, in the order they draw from the random stream -----------------------------------

    def resolve_on_first_contact(self) -> None:
        """Resolved while the caller is still on the line (or at the counter), then closed."""
        rng, plan = self.world.rng, self.plan
        done = plan.t0 + rng.randint(120, 1500)
        if rng.random() < 0.5:
            self.add(done - 30, EntryKind.TIME_SPENT, plan.creator, detail={"minutes": rng.randint(5, 20)})
        self.add(
            done,
            EntryKind.RESOLUTION,
            plan.creator,
            field="status",
            value="resolved",
            detail={"reason": "done"},
            body=rng.choice(plan.spec.done).format_map(plan.words),
            public=True,
        )
        self.close(done)

    def timing(self) -> Timing:
        """The due instant, the normal working time and the span until resolution (late or not)."""
        rng, hours, plan = self.world.rng, self.world.hours, self.plan
        spec, priority, t0 = plan.spec, plan.final_priority, plan.t0
        wall = priority == "P1" or (priority == "P2" and not plan.in_hours and spec.hours == "any")
        due = hours.due(t0, priority, spec.target)
        window = (due - t0) if wall else hours.between(t0, due)
        late = False
        base = max(900.0, window * (0.08 + 0.9 * rng.random() ** 1.5))  # the normal working time
        if plan.outcome in ("duplicate", "void"):
            base = span = rng.uniform(600, 4 * HOUR)
        elif plan.outcome in ("referred", "not_city_matter"):
            base = span = max(window, HOUR) * rng.uniform(0.05, 0.6)
        else:
            roll = rng.random()
            if priority == "P1":
                backlog_share, backlog = 0.3, rng.uniform(1, 10) * DAY
            else:
                backlog_share, backlog = spec.backlog, rng.uniform(20, 250) * (DAY if wall else WORKDAY)
            if roll < backlog_share:  # waits for a program, a contractor, parts: weeks or months late
                span = window + backlog
                late = True
            elif roll < backlog_share + LATE_SHARE:
                span = window + rng.expovariate(1 / max(window * 0.5, 3 * HOUR if wall else 2 * WORKDAY))
                late = True
            else:
                span = base
        span = max(span, 900.0)
        base = min(base, span)
        return Timing(hours=hours, t0=t0, wall=wall, due=due, base=base, span=span, late=late)

    def moments(self, timing: Timing) -> Moments:
        """Which steps the work goes through (assign, progress, schedule, wait/resume, work) and when."""
        rng, plan = self.world.rng, self.plan
        spec = plan.spec
        field_work = spec.kind == "field" and plan.outcome in ("done", "could_not_locate")
        waiting = spec.waiting and not plan.short and rng.random() < (0.8 if timing.late else 0.2)
        schedule = field_work and plan.final_priority != "P1" and rng.random() < 0.6
        chain = ["assign"] if not plan.assigned else []
        if not plan.short:
            chain.append("progress")
            if schedule:
                chain.append("schedule")
            if waiting:
                chain += ["wait", "resume"]
            chain.append("work")
        fractions = sorted(rng.uniform(0.01, 0.97) for _ in chain)
        return Moments(at=dict(zip(chain, fractions, strict=True)), first=fractions[0] if fractions else 0.5)

    def reroute(self, timing: Timing, moments: Moments) -> None:
        """Logged for the wrong department, then sent to the right one by that department's head."""
        if not self.plan.reroute:
            return
        rng, ref, spec = self.world.rng, self.world.ref, self.plan.spec
        ts = timing.at(moments.first * rng.uniform(0.1, 0.6))
        wrong = spec.reroute_from or spec.department
        head = ref.supervisors.get(wrong, FALLBACK_LEAD)
        self.add(
            ts, EntryKind.ASSIGNMENT, head, field="department_id", value=ref.departments[spec.department]
        )
        self.add(ts + 5, EntryKind.NOTE, head, body=rng.choice(content.REROUTE_NOTES))

    def raise_priority(self, timing: Timing, moments: Moments) -> None:
        """A routine request the supervisor raises to P2, with the reason."""
        if not self.plan.raised:
            return
        rng, lead = self.world.rng, self.plan.lead
        ts = timing.at(moments.first * rng.uniform(0.05, 0.5))
        self.add(ts, EntryKind.PRIORITY, lead, field="priority", value="P2")
        self.add(ts + 5, EntryKind.NOTE, lead, body=rng.choice(content.PRIORITY_REASONS))

    def assign(self, timing: Timing, moments: Moments) -> None:
        """The technician takes the ticket, or the supervisor assigns it (unless assigned at creation)."""
        if "assign" not in moments.at:
            return
        rng, plan = self.world.rng, self.plan
        author = plan.tech if plan.supervisor is None or rng.random() < 0.3 else plan.supervisor
        self.add(
            timing.at(moments.at["assign"]),
            EntryKind.ASSIGNMENT,
            author,
            field="assignee_id",
            value=self.world.ref.users[plan.tech],
        )

    def acknowledge(self, timing: Timing, moments: Moments) -> None:
        """A public note to the requester that the request was received (sometimes)."""
        rng, plan = self.world.rng, self.plan
        if plan.person is not None and rng.random() < 0.3:
            self.add(
                timing.at(moments.first * rng.uniform(0.1, 0.9)),
                EntryKind.NOTE,
                plan.creator,
                body=rng.choice(content.ACK_NOTES).format_map(plan.words),
                public=True,
            )

    def escalate(self, timing: Timing, moments: Moments) -> int:
        """Urgent work escalated once or twice; returns the escalation level reached."""
        rng, plan = self.world.rng, self.plan
        spec, priority = plan.spec, plan.final_priority
        escalate_share = 0.7 if priority == "P1" else 0.2
        if not (
            priority in ("P1", "P2") and spec.escalations and not plan.short and rng.random() < escalate_share
        ):
            return 0
        self.add(
            timing.at(min(0.99, moments.first + rng.uniform(0.01, 0.2))),
            EntryKind.ESCALATION,
            plan.tech,
            field="escalation_level",
            value=1,
            body=spec.escalations[0].format_map(plan.words),
        )
        if len(spec.escalations) > 1 and rng.random() < 0.3:
            self.add(
                timing.at(rng.uniform(0.4, 0.8)),
                EntryKind.ESCALATION,
                plan.lead,
                field="escalation_level",
                value=2,
                body=spec.escalations[1].format_map(plan.words),
            )
            return 2
        return 1

    def chase(self, timing: Timing, level: int) -> None:
        """A late, unescalated ticket: the supervisor asks the crew for a date after the due time."""
        rng = self.world.rng
        chased = timing.due + rng.randint(600, 4 * HOUR)
        if timing.late and level == 0 and chased < timing.resolved - 600 and rng.random() < 0.15:
            self.add(
                chased,
                EntryKind.ESCALATION,
                self.plan.lead,
                field="escalation_level",
                value=1,
                body="Past due; asked the crew for a completion date.",
            )

    def start_work(self, timing: Timing, moments: Moments) -> None:
        """The technician starts (status in progress)."""
        if "progress" in moments.at:
            self.add(
                timing.at(moments.at["progress"]),
                EntryKind.STATUS,
                self.plan.tech,
                field="status",
                value="in_progress",
            )

    def schedule_visit(self, timing: Timing, moments: Moments) -> int:
        """A crew visit booked for later (and maybe a public update); returns the visit instant."""
        visit = timing.resolved - 60
        if "schedule" not in moments.at:
            return visit
        rng, plan, end = self.world.rng, self.plan, self.world.end
        when = moments.at
        scheduled = timing.at(when["schedule"])
        visit_at = when["schedule"] + (when["work"] - when["schedule"]) * rng.uniform(0.3, 0.95)
        visit = timing.tail(visit_at)
        if timing.late:  # booked a few days ahead of the visit, not months
            scheduled = max(scheduled, visit - int(rng.uniform(1, 6) * DAY))
        visit = max(visit, scheduled + 1800)
        if (
            scheduled < end <= visit < end + 7 * DAY
            and self.world.can_visit_today(scheduled)
            and rng.random() < 0.5
        ):
            visit = self.world.visit_later_today(scheduled)
        visit = (visit + 899) // 900 * 900
        self.add(
            scheduled,
            EntryKind.APPOINTMENT,
            plan.tech,
            detail={"at": datetime.fromtimestamp(visit, UTC).isoformat(), "place": plan.location_text},
            body=rng.choice(content.VISIT_NOTES) if rng.random() < 0.4 else None,
        )
        if plan.person is not None and plan.spec.updates and rng.random() < 0.4:
            self.add(
                scheduled + 30,
                EntryKind.NOTE,
                plan.tech,
                body=rng.choice(plan.spec.updates).format_map(plan.words),
                public=True,
            )
        return visit

    def wait(self, timing: Timing, moments: Moments) -> None:
        """Waiting on the requester or a third party, with the reason, then back in progress."""
        spec = self.plan.spec
        if "wait" not in moments.at or not spec.waiting:
            return
        rng, tech = self.world.rng, self.plan.tech
        status, why = rng.choice(spec.waiting)
        self.add(timing.at(moments.at["wait"]), EntryKind.STATUS, tech, field="status", value=status)
        self.add(timing.at(moments.at["wait"]) + 20, EntryKind.NOTE, tech, body=why)
        self.add(
            timing.tail(moments.at["resume"]), EntryKind.STATUS, tech, field="status", value="in_progress"
        )

    def record_work(self, timing: Timing, moments: Moments, visit: int) -> None:
        """The time spent on the work (after the visit, before the resolution)."""
        if "work" not in moments.at:
            return
        rng, plan = self.world.rng, self.plan
        spec = plan.spec
        minutes = rng.randint(*spec.minutes)
        work = timing.tail(moments.at["work"])
        if "schedule" in moments.at:
            work = max(work, visit + minutes * 60)
        work = min(work, timing.resolved - 30)
        self.add(
            work,
            EntryKind.TIME_SPENT,
            plan.tech,
            detail={"minutes": minutes},
            body=rng.choice(spec.internal).format_map(plan.words) if rng.random() < 0.5 else None,
        )

    def notes_and_calls(self, timing: Timing) -> None:
        """An internal note, a note in Spanish, a call with the requester, a follow-up call (sometimes)."""
        rng, plan = self.world.rng, self.plan
        spec, person, words = plan.spec, plan.person, plan.words
        if not plan.short and rng.random() < 0.35:
            self.add(
                timing.at(rng.uniform(0.2, 0.95)),
                EntryKind.NOTE,
                plan.tech,
                body=rng.choice(spec.internal).format_map(words),
            )
        if person is not None and person.language == "es" and rng.random() < 0.35:
            self.add(
                timing.at(rng.uniform(0.02, 0.5)),
                EntryKind.NOTE,
                plan.creator,
                body=rng.choice(content.SPANISH_NOTES),
            )
        if person is not None and not plan.short and rng.random() < 0.2:
            self.add(
                timing.anywhere(rng.uniform(0.2, 0.9)),
                EntryKind.CALL,
                plan.tech,
                detail={"requester_id": plan.requester_id},
                body=rng.choice(content.CALL_NOTES).format_map(words),
                public=rng.random() < 0.5,
            )
        if person is not None and timing.span > WORKDAY and rng.random() < 0.12:
            clerk = "maria.lopez" if rng.random() < 0.6 else "kevin.oneill"
            self.add(
                timing.anywhere(rng.uniform(0.3, 0.95)),
                EntryKind.CALL,
                clerk,
                body=rng.choice(content.FOLLOW_UP_CALLS),
            )

    def more_reporters(self, timing: Timing) -> None:
        """Other people reporting the same problem over the following hours and days."""
        rng, world = self.world.rng, self.world
        extra = rng.choices((1, 2, 3, 4), weights=(50, 25, 15, 10))[0]
        seen = {self.plan.citizen_index}
        for _ in range(extra):
            other = rng.randrange(len(world.citizens))
            if other in seen:
                continue
            seen.add(other)
            channel = rng.choice(("phone", "phone", "web", "email"))
            reporter = {
                "id": "",
                "requester_id": world.citizen_ids[other],
                "channel": channel,
                "reply_method": world.citizens[other].reply,
            }
            clerk = "maria.lopez" if rng.random() < 0.55 else "kevin.oneill"
            self.add(
                timing.anywhere(rng.uniform(0.01, 0.9)),
                EntryKind.REPORTER_ADDED,
                clerk,
                detail={"reporter": reporter},
            )

    def resolve(self, timing: Timing) -> int:
        """The resolution with its reason and a public note; returns its instant."""
        rng, plan = self.world.rng, self.plan
        spec, outcome, duplicate = plan.spec, plan.outcome, plan.duplicate
        detail: dict[str, Any] = {"reason": outcome}
        if outcome == "done":
            body = rng.choice(spec.done)
        elif outcome == "duplicate" and duplicate is not None:
            detail["duplicate_of"] = duplicate[0]
            body = rng.choice(content.DUPLICATE_NOTES)
        elif outcome == "referred":
            detail["agency"] = spec.agency
            body = rng.choice(content.REFERRAL_NOTES)
        elif outcome == "not_city_matter":
            body = spec.not_city or rng.choice(content.NOT_CITY_NOTES)
        elif outcome == "could_not_locate":
            body = rng.choice(content.COULD_NOT_LOCATE_NOTES)
        else:
            body = rng.choice(content.VOID_NOTES)
        resolver = plan.lead if outcome in ("duplicate", "void") else plan.tech
        resolved = timing.resolved
        self.add(
            resolved,
            EntryKind.RESOLUTION,
            resolver,
            field="status",
            value="resolved",
            detail=detail,
            body=body.format_map(plan.words),
            public=True,
        )
        return resolved

    def maybe_reopen(self, resolved: int) -> int:
        """A few done tickets come back (reopened, worked, resolved again); returns the last resolution."""
        rng, hours, plan = self.world.rng, self.world.hours, self.plan
        if not (plan.outcome == "done" and plan.spec.kind != "ops" and rng.random() < 0.025):
            return resolved
        tech, spec = plan.tech, plan.spec
        reopened = hours.add(resolved, rng.uniform(1, 5) * WORKDAY)
        self.add(
            reopened,
            EntryKind.REOPEN,
            plan.lead,
            field="status",
            value="assigned",
            body=rng.choice(content.REOPEN_REASONS),
        )
        self.add(
            hours.add(reopened, rng.uniform(0.5, 4) * HOUR),
            EntryKind.STATUS,
            tech,
            field="status",
            value="in_progress",
        )
        final = hours.add(reopened, rng.uniform(0.5, 3) * WORKDAY)
        self.add(final - 60, EntryKind.TIME_SPENT, tech, detail={"minutes": rng.randint(*spec.minutes)})
        self.add(
            final,
            EntryKind.RESOLUTION,
            tech,
            field="status",
            value="resolved",
            detail={"reason": "done"},
            body=rng.choice(spec.done).format_map(plan.words),
            public=True,
        )
        return final

    def close(self, resolved: int) -> None:
        """Closed automatically after CLOSE_AFTER_DAYS, or earlier by the supervisor."""
        rng = self.world.rng
        if rng.random() < 0.6:
            when, author = resolved + CLOSE_AFTER_DAYS * DAY, SYSTEM_USER_ID
        else:
            when, author = self.world.hours.add(resolved, rng.uniform(2, 8) * WORKDAY), self.plan.lead
        self.add(when, EntryKind.STATUS, author, field="status", value="closed")

    def finish(self) -> tuple[BulkEntry, ...]:
        """Sort the steps, make times strictly increasing after creation, and cut at the end."""
        steps = sorted(self.steps, key=lambda step: (step[0], step[1]))
        out: list[BulkEntry] = []
        previous = self.plan.t0
        for ts, _order, (kind, author, field_, value, detail, body, public) in steps:
            ts = max(ts, previous + 1)
            if ts >= self.world.end:
                break
            previous = ts
            at = datetime.fromtimestamp(ts, UTC)
            if kind is EntryKind.REPORTER_ADDED:
                detail = {"reporter": dict(detail["reporter"], id=uuid7(to_ms(at)))}
            out.append(
                BulkEntry(
                    kind=kind,
                    at=at,
                    author_id=author,
                    field=field_,
                    value=value,
                    detail=detail,
                    body=body,
                    public=public,
                )
            )
        return tuple(out)
