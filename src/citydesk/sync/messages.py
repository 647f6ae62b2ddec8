"""The sync protocol's requests and replies (hello, enrol, push, pull and snapshot pages, errors,
cursors), built from `sync.wire`'s changes. Pure; nothing imports FastAPI or Qt."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from citydesk.sync.wire import (
    PROTOCOL,
    Change,
    WireError,
    parse_int,
    parse_optional_text,
    parse_text,
)


@dataclass(frozen=True, slots=True)
class PushRequest:
    """`POST /v1/sync/push`: one batch of a device's changes, its sequence range and the epoch it
    was built for. `seq_first` is the device's last acknowledged sequence + 1 (a range may hold holes
    left by rejected changes); relayed changes of other devices (after a server restore) carry no seq
    and are listed in `relayed`."""

    batch_id: str
    epoch: str
    seq_first: int | None
    seq_last: int | None
    changes: tuple[Change, ...]
    relayed: tuple[Change, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The request body."""
        return {"batch_id": self.batch_id, "epoch": self.epoch, "seq_first": self.seq_first,
                "seq_last": self.seq_last, "changes": [c.to_json() for c in self.changes],
                "relayed": [c.to_json() for c in self.relayed]}  # fmt: skip

    @classmethod
    def from_json(cls, raw: Any) -> PushRequest:
        """Parse a push body, or WireError."""
        if not isinstance(raw, dict):
            raise WireError("body", "must be an object")
        changes = raw.get("changes")
        relayed = raw.get("relayed", [])
        if not isinstance(changes, list) or not isinstance(relayed, list):
            raise WireError("changes", "must be a list")
        first, last = raw.get("seq_first"), raw.get("seq_last")
        return cls(
            batch_id=parse_text(raw.get("batch_id"), "batch_id", max_len=36),
            epoch=parse_text(raw.get("epoch"), "epoch", max_len=60),
            seq_first=None if first is None else parse_int(first, "seq_first"),
            seq_last=None if last is None else parse_int(last, "seq_last"),
            changes=tuple(Change.from_json(c, f"changes[{i}]") for i, c in enumerate(changes)),
            relayed=tuple(Change.from_json(c, f"relayed[{i}]") for i, c in enumerate(relayed)),
        )


@dataclass(frozen=True, slots=True)
class Rejection:
    """A change the server refused: why (in words), a code, and the server's current value.

    `current` is the server's version of what the change touched: for a row field, a `row` change
    carrying the field's value and clock (`fields` empty when the row is unknown there); for an entry,
    the server's copy of that entry when it has one (a rejected redaction: the target entry with its
    body); None when the server has nothing.
    """

    change_id: str
    code: str  # "author_inactive", "not_permitted", "system_author", "depends_on_rejected", ...
    reason: str
    current: Change | None = None

    def to_json(self) -> dict[str, Any]:
        """The rejection as JSON."""
        return {"change_id": self.change_id, "code": self.code, "reason": self.reason,
                "current": None if self.current is None else self.current.to_json()}  # fmt: skip

    @classmethod
    def from_json(cls, raw: Any, where: str) -> Rejection:
        """Parse a rejection, or WireError."""
        if not isinstance(raw, dict):
            raise WireError(where, "must be an object")
        current = raw.get("current")
        return cls(
            change_id=parse_text(raw.get("change_id"), f"{where}.change_id"),
            code=parse_text(raw.get("code"), f"{where}.code"),
            reason=parse_text(raw.get("reason"), f"{where}.reason"),
            current=None if current is None else Change.from_json(current, f"{where}.current"),
        )


@dataclass(frozen=True, slots=True)
class PushReply:
    """The reply to a push (HTTP 200): accepted and rejected change ids (a duplicate change gets its
    earlier verdict), the server's HLC, and the device's acknowledged sequence after this batch."""

    accepted: tuple[str, ...]
    rejected: tuple[Rejection, ...]
    server_hlc: int
    acked_seq: int

    def to_json(self) -> dict[str, Any]:
        """The reply body."""
        return {"accepted": list(self.accepted), "rejected": [r.to_json() for r in self.rejected],
                "server_hlc": self.server_hlc, "acked_seq": self.acked_seq}  # fmt: skip

    @classmethod
    def from_json(cls, raw: Any) -> PushReply:
        """Parse a push reply, or WireError."""
        if not isinstance(raw, dict):
            raise WireError("body", "must be an object")
        accepted = raw.get("accepted")
        rejected = raw.get("rejected")
        if not isinstance(accepted, list) or not isinstance(rejected, list):
            raise WireError("body", "accepted and rejected must be lists")
        return cls(
            accepted=tuple(parse_text(a, "accepted[]") for a in accepted),
            rejected=tuple(Rejection.from_json(r, f"rejected[{i}]") for i, r in enumerate(rejected)),
            server_hlc=parse_int(raw.get("server_hlc"), "server_hlc"),
            acked_seq=parse_int(raw.get("acked_seq"), "acked_seq"),
        )


@dataclass(frozen=True, slots=True)
class Page:
    """A pull page (`GET /v1/sync/pull?cursor=&limit=`) or a snapshot page
    (`GET /v1/sync/snapshot?cursor=&after=&limit=`).

    Pull: changes after `cursor` in commit order; `next_cursor` covers them. Snapshot: rows (op row
    with every field and its clock in `clocks`, ticket inserts each followed by all its entries,
    contacts) in parent-before-child order; the first page's `start_cursor` is where pulling resumes
    after the last page; `next_after` is the position of the next page (None after the last).
    A cursor is "<epoch>:<server sequence>"; a cursor of another epoch is 410.
    """

    changes: tuple[Change, ...]
    has_more: bool
    server_hlc: int
    next_cursor: str | None = None
    start_cursor: str | None = None
    next_after: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The page as JSON."""
        return {"changes": [c.to_json() for c in self.changes], "has_more": self.has_more,
                "server_hlc": self.server_hlc, "next_cursor": self.next_cursor,
                "start_cursor": self.start_cursor, "next_after": self.next_after}  # fmt: skip

    @classmethod
    def from_json(cls, raw: Any) -> Page:
        """Parse a page, or WireError."""
        if not isinstance(raw, dict) or not isinstance(raw.get("changes"), list):
            raise WireError("body", "must be an object with a list of changes")
        return cls(
            changes=tuple(Change.from_json(c, f"changes[{i}]") for i, c in enumerate(raw["changes"])),
            has_more=bool(raw.get("has_more")),
            server_hlc=parse_int(raw.get("server_hlc"), "server_hlc"),
            next_cursor=parse_optional_text(raw.get("next_cursor"), "next_cursor"),
            start_cursor=parse_optional_text(raw.get("start_cursor"), "start_cursor"),
            next_after=parse_optional_text(raw.get("next_after"), "next_after"),
        )


@dataclass(frozen=True, slots=True)
class OfficeSync:
    """One office's last successful sync, as hello reports it (for the weekly report's "data as of")."""

    office_id: str
    code: str
    last_sync_at: str | None


@dataclass(frozen=True, slots=True)
class Hello:
    """`GET /v1/sync/hello`: epoch, server clock, schema range, minimum client version, city
    settings and each office's last successful sync."""

    epoch: str
    server_time: str
    server_hlc: int
    schema_min: str
    schema_max: str
    min_client_version: str
    city_settings: Mapping[str, Any]
    offices: tuple[OfficeSync, ...] = ()
    protocol: int = PROTOCOL

    def to_json(self) -> dict[str, Any]:
        """The hello body."""
        return {"protocol": self.protocol, "epoch": self.epoch, "server_time": self.server_time,
                "server_hlc": self.server_hlc, "schema_min": self.schema_min,
                "schema_max": self.schema_max, "min_client_version": self.min_client_version,
                "city_settings": dict(self.city_settings),
                "offices": [{"office_id": o.office_id, "code": o.code, "last_sync_at": o.last_sync_at}
                            for o in self.offices]}  # fmt: skip

    @classmethod
    def from_json(cls, raw: Any) -> Hello:
        """Parse a hello body, or WireError."""
        if not isinstance(raw, dict):
            raise WireError("body", "must be an object")
        offices = raw.get("offices") or []
        return cls(
            epoch=parse_text(raw.get("epoch"), "epoch"),
            server_time=parse_text(raw.get("server_time"), "server_time"),
            server_hlc=parse_int(raw.get("server_hlc"), "server_hlc"),
            schema_min=parse_text(raw.get("schema_min"), "schema_min"),
            schema_max=parse_text(raw.get("schema_max"), "schema_max"),
            min_client_version=parse_text(raw.get("min_client_version"), "min_client_version"),
            city_settings=raw.get("city_settings") or {},
            offices=tuple(_office_sync(o) for o in offices if isinstance(o, dict)),
            protocol=parse_int(raw.get("protocol", PROTOCOL), "protocol"),
        )


def _office_sync(raw: dict[str, Any]) -> OfficeSync:
    return OfficeSync(
        parse_text(raw.get("office_id"), "office_id"),
        parse_text(raw.get("code"), "code"),
        parse_optional_text(raw.get("last_sync_at"), "last_sync_at"),
    )


@dataclass(frozen=True, slots=True)
class EnrolRequest:
    """`POST /v1/enrol`: a one-time code and the PC's name (no credential yet)."""

    code: str
    device_name: str


@dataclass(frozen=True, slots=True)
class Enrolment:
    """The enrolment reply: the device's id, office, number and credential (kept only in the OS
    keyring), the server's epoch and clock. The number prefix of new tickets is "<office code>-<number>"."""

    device_id: str
    office_id: str
    office_code: str
    device_number: int
    credential: str
    epoch: str
    server_hlc: int
    tag: str | None = None  # a new identity's tag when it is not its number (a restored backup's)

    @property
    def number_prefix(self) -> str:
        """The ticket number prefix this device hands out."""
        return f"{self.office_code}-{self.tag or self.device_number}"


MAX_ADOPT_USERS = 10_000  # user names an adoption may bring


@dataclass(frozen=True, slots=True)
class AdoptionOffer:
    """What a standalone office sends with an adoption code (`POST /v1/enrol` with `adopt`): its office
    row, its device id and random tag (its ticket prefix is "<office code>-<tag>"), the user names it
    brings and the last outbox sequence it holds now (changes up to it carry the issuing admin's
    authority)."""

    office_id: str
    office_code: str
    office_name: str
    device_id: str
    tag: str
    usernames: tuple[str, ...]
    through_seq: int

    @property
    def number_prefix(self) -> str:
        """The prefix the office's tickets are numbered with."""
        return f"{self.office_code}-{self.tag}"

    def to_json(self) -> dict[str, Any]:
        """The `adopt` object of the enrol body."""
        return {"office": {"id": self.office_id, "code": self.office_code, "name": self.office_name},
                "device_id": self.device_id, "tag": self.tag, "usernames": list(self.usernames),
                "through_seq": self.through_seq}  # fmt: skip

    @classmethod
    def from_json(cls, raw: Any) -> AdoptionOffer:
        """Parse the `adopt` object, or WireError."""
        if not isinstance(raw, dict):
            raise WireError("adopt", "must be an object")
        office = raw.get("office")
        if not isinstance(office, dict):
            raise WireError("adopt.office", "must be an object with id, code and name")
        usernames = raw.get("usernames")
        if not isinstance(usernames, list) or len(usernames) > MAX_ADOPT_USERS:
            raise WireError("adopt.usernames", f"must be a list of at most {MAX_ADOPT_USERS} user names")
        through = parse_int(raw.get("through_seq"), "adopt.through_seq")
        if through < 0:
            raise WireError("adopt.through_seq", "must not be negative")
        return cls(
            office_id=parse_text(office.get("id"), "adopt.office.id", max_len=36),
            office_code=parse_text(office.get("code"), "adopt.office.code", max_len=5),
            office_name=parse_text(office.get("name"), "adopt.office.name", max_len=120),
            device_id=parse_text(raw.get("device_id"), "adopt.device_id", max_len=36),
            tag=parse_text(raw.get("tag"), "adopt.tag", max_len=3),
            usernames=tuple(
                parse_text(u, f"adopt.usernames[{i}]", max_len=60) for i, u in enumerate(usernames)
            ),
            through_seq=through,
        )


def error_body(code: str, message: str, **extra: Any) -> dict[str, Any]:
    """Every error reply's body: a stable code, a sentence for people, and details."""
    return {"error": code, "message": message, **extra}


def parse_cursor(cursor: str) -> tuple[str, int]:
    """Split "<epoch>:<sequence>" (WireError when malformed)."""
    epoch, sep, seq = cursor.rpartition(":")
    if not sep or not epoch or not seq.isdigit():
        raise WireError("cursor", f"malformed cursor {cursor!r}")
    return epoch, int(seq)


def make_cursor(epoch: str, seq: int) -> str:
    """The cursor of server sequence `seq` in `epoch`."""
    return f"{epoch}:{seq}"
