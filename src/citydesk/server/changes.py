"""Accepting changes: authorization at each change's HLC, dependents of refused inserts, dedup by
change id, appends to the change log in commit order and the merge into `row_state`.

`Ledger` is one write transaction's view: it loads what a batch needs in a few queries, judges and
records each change, and writes everything in `flush`. `accept_batch` is a push; the admin commands
append their own changes (authored by the system user) through `Ledger.append_admin`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from citydesk.domain.clock import to_ms
from citydesk.domain.ids import uuid7
from citydesk.domain.permissions import allowed
from citydesk.domain.roles import SYSTEM_USER_ID, Role
from citydesk.server import adopt_authority
from citydesk.server.errors import ApiError
from citydesk.server.models import (
    ChangeLog,
    Device,
    DeviceEpoch,
    Rejection,
    ServerMeta,
    UserHistory,
)
from citydesk.server.state import Row, RowCache, blank_target, chunks, insert_many, merge_change, row_change
from citydesk.sync import hlc as hlc_mod
from citydesk.sync import merge
from citydesk.sync.messages import PushReply, PushRequest
from citydesk.sync.messages import Rejection as WireRejection
from citydesk.sync.tables import SYNCED
from citydesk.sync.wire import MAX_FUTURE_MS, OP_OF_MERGE, SERVER_DEVICE_ID, Change, Op


@dataclass
class _History:
    """One user's accepted role and active writes, in clock order."""

    writes: list[tuple[int, str, str | None, bool | None]]

    def at(self, hlc: int) -> tuple[str | None, bool | None]:
        """The role and active flag in force at `hlc` (None: never written by then)."""
        role: str | None = None
        active: bool | None = None
        for stamp, _device, w_role, w_active in self.writes:
            if stamp > hlc:
                break
            role = w_role if w_role is not None else role
            active = w_active if w_active is not None else active
        return role, active

    def add(self, hlc: int, device: str, role: str | None, active: bool | None) -> None:
        """Record one write, keeping clock order."""
        self.writes.append((hlc, device, role, active))
        self.writes.sort(key=lambda w: (w[0], w[1]))


class Ledger:
    """The changes one write transaction accepts or refuses (see the module docstring)."""

    def __init__(self, session: Session, meta: ServerMeta, now: datetime, *, pushed_by: str | None) -> None:
        """Start on `session`'s write transaction at `now`; `pushed_by` is the authenticated device."""
        self.session = session
        self.meta = meta
        self.now = now
        self.pushed_by = pushed_by
        self.cache = RowCache(session)
        self.verdicts: dict[str, WireRejection | None] = {}  # change id -> None (accepted) or refusal
        self.log: list[dict[str, Any]] = []
        self.logged: dict[str, dict[str, Any]] = {}  # change id -> its pending log row
        self.log_blanks: dict[str, dict[str, Any]] = {}  # entry id already logged -> redacted data
        self.refusals: list[dict[str, Any]] = []
        self.history_rows: list[dict[str, Any]] = []
        self.histories: dict[str, _History] = {}
        self.refused_rows: dict[tuple[str, str], bool] = {}
        self.max_hlc = 0

    # ---- loading ---------------------------------------------------------------------------------

    def prepare(self, changes: Sequence[Change]) -> None:
        """Load in bulk what judging and merging `changes` reads."""
        ids = list(dict.fromkeys(c.change_id for c in changes))
        for part in chunks(ids):
            for change_id in self.session.scalars(
                select(ChangeLog.change_id).where(ChangeLog.change_id.in_(part))
            ):
                self.verdicts[change_id] = None
            for rec in self.session.scalars(select(Rejection).where(Rejection.change_id.in_(part))):
                current = None if rec.current is None else Change.from_json(rec.current, "current")
                self.verdicts[rec.change_id] = WireRejection(rec.change_id, rec.code, rec.reason, current)
        keys: set[tuple[str, str]] = set()
        for change in changes:
            keys.add((change.table, change.row_id))
            keys.update(merge.references(change))
            target = merge.redaction_target(change)
            if target is not None:
                keys.add(("timeline_entry", target))
            keys.add(("app_user", change.author_id))
        self.cache.load(keys)
        self.cache.load_redactions([c.row_id for c in changes if c.op is Op.ENTRY])
        self._load_histories({c.author_id for c in changes})

    def _load_histories(self, user_ids: set[str]) -> None:
        wanted = sorted(u for u in user_ids if u not in self.histories)
        for user_id in wanted:
            self.histories[user_id] = _History([])
        for part in chunks(wanted):
            stmt = select(UserHistory).where(UserHistory.user_id.in_(part))
            for rec in self.session.scalars(stmt):
                self.histories[rec.user_id].writes.append((rec.hlc, rec.device_id, rec.role, rec.active))
        for user_id in wanted:
            self.histories[user_id].writes.sort(key=lambda w: (w[0], w[1]))

    # ---- judging ---------------------------------------------------------------------------------

    def judge(self, change: Change, *, relayed: bool = False) -> tuple[str, str] | None:
        """Why the change's author could not write it at its HLC, as (code, reason); None if allowed.

        The system user authors only the server's own admin changes: a device may relay one of those
        back after a restore (relayed, stamped with the server's device id), never push its own. An
        adopted office's own history is judged as the admin who vouched for it (`adopt_authority`).
        """
        issuer = None if relayed else adopt_authority.issuer_of(self.session, self.pushed_by, change)
        if issuer is not None:  # an adopted office's history: the vouching admin's authority
            if (why := adopt_authority.reserved(change)) is not None:
                return why
        elif change.author_id == SYSTEM_USER_ID:
            if relayed and change.device_id == SERVER_DEVICE_ID:
                return None
            return "system_author", "A change from an office PC may not be authored by the system user."
        if change.table == "app_user" and change.row_id == SYSTEM_USER_ID:
            return "not_permitted", "The system user is the same fixed row everywhere and cannot be changed."
        judged_as = issuer or change.author_id
        if judged_as not in self.histories:
            self._load_histories({judged_as})
        who = self._user_label(judged_as)
        role, active = self.histories[judged_as].at(adopt_authority.LATEST if issuer else change.hlc)
        if role is None:
            if not self.histories[judged_as].writes:
                return "unknown_author", f"The author {who} is not a user on the server."
            return "unknown_author", f"The user {who} did not exist yet when this change was made."
        if not active:
            return "author_inactive", f"The user {who} was disabled before this change was made."
        try:
            as_role = Role(role)
        except ValueError:
            return "not_permitted", f"The user {who} has an unknown role ({role})."
        for action in merge.required_actions(change):
            if not allowed(as_role, action):
                what = action.value.replace("_", " ")
                return "not_permitted", f"A {as_role.value} ({who}) may not {what}."
        for table, row_id in merge.references(change):
            if self.cache.get(table, row_id) is None and self._was_refused(table, row_id):
                return "depends_on_rejected", f"It depends on a {table} the server refused ({row_id})."
        return None

    def _user_label(self, user_id: str) -> str:
        row = self.cache.get("app_user", user_id)
        if row is None:
            return user_id
        name, username = row.data.get("display_name"), row.data.get("username")
        return f"{name} ({username})" if name and username else str(username or user_id)

    def _was_refused(self, table: str, row_id: str) -> bool:
        key = (table, row_id)
        if key not in self.refused_rows:
            stmt = select(Rejection.change_id).where(
                Rejection.table_name == table, Rejection.row_id == row_id
            )
            self.refused_rows[key] = self.session.scalar(stmt.limit(1)) is not None
        return self.refused_rows[key]

    # ---- recording -------------------------------------------------------------------------------

    def offer(self, change: Change, *, relayed: bool = False) -> WireRejection | None:
        """Judge a pushed (or relayed) change and record the verdict; a change seen before keeps its
        verdict."""
        if change.change_id in self.verdicts:
            return self.verdicts[change.change_id]
        self.max_hlc = max(self.max_hlc, change.hlc)
        why = self.judge(change, relayed=relayed)
        if why is None:
            self.accept(change)
            return None
        return self.refuse(change, *why)

    def accept(self, change: Change) -> None:
        """Append the change to the log and merge it into the row it writes."""
        row = merge_change(self.cache, change)
        data = dict(change.data)
        if change.op is Op.ENTRY and row is not None and row.change_id == change.change_id:
            data = dict(row.data)  # blanked already when its redaction came first
        entry = {
            "change_id": change.change_id,
            "table_name": change.table,
            "row_id": change.row_id,
            "op": change.op.value,
            "hlc": change.hlc,
            "device_id": change.device_id,
            "author_id": change.author_id,
            "data": data,
            "fields": list(change.fields),
            "clocks": {k: v.to_json() for k, v in change.clocks.items()} or None,
            "pushed_by": self.pushed_by,
            "received_at": self.now,
        }
        self.log.append(entry)
        self.logged[change.change_id] = entry
        self.verdicts[change.change_id] = None
        target = merge.redaction_target(change)
        if target is not None:
            self._blank_logged(target)
        if change.table == "app_user":
            self._record_history(change)

    def _blank_logged(self, target: str) -> None:
        """The change-log copy of a redacted entry loses its body too (pulls send it blank)."""
        entry = self.cache.get("timeline_entry", target)
        if entry is None:
            return
        blank_target(self.cache, target)
        pending = self.logged.get(target)
        if pending is not None:
            pending["data"] = dict(pending["data"], body=None)
        else:
            self.log_blanks[target] = dict(entry.data)

    def _record_history(self, change: Change) -> None:
        for name in ("role", "active"):
            if name in change.fields:
                clock = change.clock_of(name)
                role = change.data[name] if name == "role" else None
                active = bool(change.data[name]) if name == "active" else None
                history = self.histories.setdefault(change.row_id, _History([]))
                history.add(clock.hlc, clock.device_id, role, active)
                self.history_rows.append(
                    {
                        "user_id": change.row_id,
                        "hlc": clock.hlc,
                        "device_id": clock.device_id,
                        "role": role,
                        "active": active,
                    }
                )

    def refuse(self, change: Change, code: str, reason: str) -> WireRejection:
        """Record a refusal with the server's current value of what the change touched."""
        current = self.current(change)
        refusal = WireRejection(change.change_id, code, reason, current)
        self.refusals.append(
            {
                "change_id": change.change_id,
                "table_name": change.table,
                "row_id": change.row_id,
                "op": change.op.value,
                "code": code,
                "reason": reason,
                "current": None if current is None else current.to_json(),
                "pushed_by": self.pushed_by,
                "rejected_at": self.now,
            }
        )
        self.verdicts[change.change_id] = refusal
        self.refused_rows[(change.table, change.row_id)] = True
        return refusal

    def current(self, change: Change) -> Change | None:
        """The server's version of what `change` touched (see `messages.Rejection`)."""
        target = merge.redaction_target(change)
        if target is not None:
            entry = self.cache.get("timeline_entry", target)
            return None if entry is None else row_change(entry)
        row = self.cache.get(change.table, change.row_id)
        if change.op is Op.ROW:
            if row is None:
                return Change(
                    change.change_id,
                    change.table,
                    Op.ROW,
                    change.row_id,
                    change.hlc,
                    change.device_id,
                    change.author_id,
                    {},
                )
            return row_change(row, change.fields)
        return None if row is None else row_change(row)

    # ---- admin writes ----------------------------------------------------------------------------

    def append_admin(self, table: str, row_id: str, data: Mapping[str, Any], fields: Sequence[str]) -> Change:
        """Append a change written by an admin command (author: the system user) and merge it."""
        self.meta.hlc = hlc_mod.tick(self.meta.hlc, to_ms(self.now))
        op = OP_OF_MERGE[SYNCED[table].merge]
        change = Change(
            change_id=uuid7(to_ms(self.now)) if op is Op.ROW else row_id,
            table=table,
            op=op,
            row_id=row_id,
            hlc=self.meta.hlc,
            device_id=SERVER_DEVICE_ID,
            author_id=SYSTEM_USER_ID,
            data=dict(data),
            fields=tuple(fields),
        )
        self.accept(change)
        return change

    def flush(self) -> None:
        """Write the log, the merged rows, refusals, history and the server's HLC."""
        insert_many(self.session, "change_log", self.log)
        for change_id, data in self.log_blanks.items():
            self.session.execute(update(ChangeLog).where(ChangeLog.change_id == change_id).values(data=data))
        self.cache.flush()
        insert_many(self.session, "rejection", self.refusals)
        insert_many(self.session, "user_history", self.history_rows)
        self._revoke_devices()
        self.meta.hlc = hlc_mod.receive(self.meta.hlc, self.max_hlc, to_ms(self.now))
        self.session.flush()
        self.log, self.log_blanks, self.refusals, self.history_rows = [], {}, [], []

    def _revoke_devices(self) -> None:
        """A device row whose merged `revoked` is true revokes that device's credential."""
        for entry in self.log:
            if entry["table_name"] == "device" and "revoked" in entry["fields"]:
                row: Row | None = self.cache.get("device", entry["row_id"])
                if row is not None and row.data.get("revoked") is True:
                    self.session.execute(update(Device).where(Device.id == row.row_id).values(revoked=True))


def check_clock(request: PushRequest, meta: ServerMeta, now: datetime) -> None:
    """409 clock_ahead when a change is stamped more than 5 minutes past the server's clock."""
    limit = to_ms(now) + MAX_FUTURE_MS
    ahead = [c for c in (*request.changes, *request.relayed) if hlc_mod.wall_ms(c.hlc) > limit]
    if ahead:
        raise ApiError(
            409,
            "clock_ahead",
            "This PC's clock is ahead of the server's by more than 5 minutes; its changes were kept "
            "and will be sent again with corrected times.",
            server_time=now.isoformat(),
            server_hlc=hlc_mod.receive(meta.hlc, 0, to_ms(now)),
            change_id=ahead[0].change_id,
        )


def check_sequence(request: PushRequest, state: DeviceEpoch | None) -> None:
    """422 for a malformed range, 409 sequence_gap when the batch starts past the next expected seq
    (the first batch of a device in an epoch may start anywhere)."""
    first, last = request.seq_first, request.seq_last
    if (first is None) != (last is None):
        raise ApiError(422, "bad_request", "seq_first and seq_last go together.")
    if first is None or last is None:
        if request.changes:
            raise ApiError(
                422, "bad_request", "A batch of the device's own changes needs seq_first and seq_last."
            )
        return
    if first < 1 or last < first - 1:
        raise ApiError(422, "bad_request", f"Bad sequence range {first}..{last}.")
    for i, change in enumerate(request.changes):
        if change.seq is not None and not first <= change.seq <= last:
            raise ApiError(422, "bad_request", f"changes[{i}].seq {change.seq} is outside {first}..{last}.")
    if state is not None and first > state.acked_seq + 1:
        raise ApiError(
            409,
            "sequence_gap",
            f"The server expected changes from sequence {state.acked_seq + 1}, not {first}.",
            expected_seq=state.acked_seq + 1,
        )


def accept_batch(
    session: Session, *, device: Device, meta: ServerMeta, request: PushRequest, now: datetime
) -> PushReply:
    """One push, inside the caller's write transaction: checks (nothing written when one fails: a
    (device, seq) pair seen with another change id is 409 identity_reused), then each change judged on
    its own, appended or refused, the (device, seq) pairs recorded, and the acknowledged sequence."""
    from citydesk.server import identity  # it imports this module (the Ledger)

    if request.epoch != meta.epoch:
        raise ApiError(
            410, "epoch_changed", "The server was restored; sync again from the start.", epoch=meta.epoch
        )
    check_clock(request, meta, now)
    state = session.get(DeviceEpoch, (device.id, meta.epoch))
    check_sequence(request, state)
    pairs = identity.new_pairs(session, device, request.changes)  # 409 identity_reused: a copy
    ledger = Ledger(session, meta, now, pushed_by=device.id)
    everything = (*request.changes, *request.relayed)
    ledger.prepare(everything)
    accepted: list[str] = []
    refused: list[WireRejection] = []
    for i, change in enumerate(everything):
        verdict = ledger.offer(change, relayed=i >= len(request.changes))
        if verdict is None:
            accepted.append(change.change_id)
        else:
            refused.append(verdict)
    ledger.flush()
    identity.record_pairs(session, pairs)
    acked = state.acked_seq if state is not None else 0
    if request.seq_last is not None:
        acked = max(acked, request.seq_last)
        if state is None:
            session.add(DeviceEpoch(device_id=device.id, epoch=meta.epoch, acked_seq=acked))
        else:
            state.acked_seq = acked
    device.last_seen_at = now
    device.last_sync_at = now
    return PushReply(
        tuple(dict.fromkeys(accepted)), tuple({r.change_id: r for r in refused}.values()), meta.hlc, acked
    )
