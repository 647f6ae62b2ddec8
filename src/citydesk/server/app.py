"""The FastAPI app of the sync server: enrol, hello, push, pull, snapshot, missing, reidentify (and
file-key: a PC registers its key for sync by file).

Every request runs in one database transaction (a write transaction, serialised, for POST), every error
is a `messages.error_body` JSON with its status, and nothing is written when a request fails. Request bodies
may be gzip-compressed (`Content-Encoding: gzip`); replies are compressed for clients that accept it.
"""

from __future__ import annotations

import gzip
import json
import logging
import re
import zlib
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Header, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse
from sqlalchemy import select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session
from starlette.exceptions import HTTPException as StarletteHTTPException

from citydesk import __version__
from citydesk.domain.clock import Clock
from citydesk.server import snapshot as reading
from citydesk.server.changes import accept_batch
from citydesk.server.db import ServerDatabase, ServerError, open_server_database, read_meta
from citydesk.server.enrol import authenticate, enrol
from citydesk.server.errors import ApiError
from citydesk.server.identity import ReidentifyRequest, check_device_seq, reidentify
from citydesk.server.logs import log_event
from citydesk.server.models import ChangeLog, Device, Rejection
from citydesk.server.openapi import (
    ENROL_SCHEMA,
    FILE_KEY_SCHEMA,
    MISSING_SCHEMA,
    PUSH_SCHEMA,
    REIDENTIFY_SCHEMA,
    json_request,
)
from citydesk.server.ops import health
from citydesk.server.ratelimit import EnrolLimiter
from citydesk.server.state import chunks
from citydesk.sync import merge
from citydesk.sync.messages import PushRequest, error_body
from citydesk.sync.wire import MAX_BATCH, MAX_PAGE, WireError, check_change

MAX_BODY = 64 * 1024 * 1024  # bytes of a (decompressed) request body
MAX_MISSING = 1000  # change ids per missing request
MAX_INT64 = (1 << 63) - 1
WRITE_PATHS = frozenset({"/v1/enrol", "/v1/sync/push", "/v1/sync/file-key", "/v1/sync/reidentify"})


def parse_version(text: str) -> tuple[int, ...] | None:
    """ "1.2.3" (or "1.2.3.dev4") as (1, 2, 3); None when it does not start with numbers."""
    parts: list[int] = []
    for piece in text.strip().split(".")[:3]:
        digits = "".join(ch for ch in piece[:6] if ch.isdigit()) if piece[:1].isdigit() else ""
        if not digits:
            break
        parts.append(int(digits))
    return tuple(parts) or None


def check_version(version: str | None, *, required: bool) -> None:
    """426 when the client's version is below MIN_CLIENT_VERSION (or missing where required)."""
    minimum = reading.MIN_CLIENT_VERSION
    if version is None and not required:
        return
    parsed = parse_version(version or "")
    if parsed is None or parsed < (parse_version(minimum) or ()):
        raise ApiError(
            426,
            "client_too_old",
            f"This citydesk ({version or 'unknown version'}) is too old for the server; install "
            f"{minimum} or newer. Nothing was lost: your changes wait on this PC.",
            min_version=minimum,
        )


# ---- dependencies ---------------------------------------------------------------------------------


def get_db(request: Request) -> ServerDatabase:
    """The app's database."""
    db: ServerDatabase = request.app.state.db
    return db


def get_session(request: Request) -> Iterator[Session]:
    """One transaction per request (a serialised write transaction for enrol and push); rolled back
    unless the endpoint commits."""
    db = get_db(request)
    write = request.url.path in WRITE_PATHS
    session = db.session(write=write)
    try:
        db.begin(session, write=write)
        yield session
    finally:
        session.close()


SessionDep = Annotated[Session, Depends(get_session)]
DatabaseDep = Annotated[ServerDatabase, Depends(get_db)]


def current_device(session: SessionDep, authorization: Annotated[str | None, Header()] = None) -> Device:
    """The authenticated device (401/403 otherwise)."""
    return authenticate(session, authorization)


CurrentDevice = Annotated[Device, Depends(current_device)]
ClientVersion = Annotated[str | None, Header(alias="X-Citydesk-Version")]


async def json_body(request: Request) -> Any:
    """The request's JSON body, gunzipped when sent with `Content-Encoding: gzip` (400 when bad)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY:
        raise ApiError(413, "too_large", "The request body is too large.")
    raw = await request.body()
    encoding = request.headers.get("content-encoding", "").strip().lower()
    if encoding == "gzip":
        try:
            raw = zlib.decompressobj(wbits=31).decompress(raw, MAX_BODY + 1)
        except (zlib.error, gzip.BadGzipFile) as exc:
            raise ApiError(400, "bad_request", f"The body is not valid gzip: {exc}.") from None
    elif encoding not in ("", "identity"):
        raise ApiError(400, "bad_request", f"Unsupported Content-Encoding {encoding!r}.")
    if len(raw) > MAX_BODY:
        raise ApiError(413, "too_large", "The request body is too large.")
    try:
        body = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ApiError(400, "bad_json", f"The body is not valid JSON: {exc}.") from None
    except RecursionError:
        raise ApiError(400, "bad_json", "The body is not valid JSON: it is nested too deeply.") from None
    if LONE_SURROGATE.search(raw) and not _encodable(body):
        raise ApiError(400, "bad_json", "The body is not valid JSON: it holds a lone UTF-16 surrogate.")
    return body


# A \uD800-\uDFFF escape: the only way a lone surrogate (text no database can store) gets into a body.
LONE_SURROGATE = re.compile(rb"\\u[dD][89a-fA-F]")


def _encodable(body: Any) -> bool:
    """Whether every text (keys included) of a parsed JSON body encodes as UTF-8 (walked iteratively)."""
    stack = [body]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                return False
    return True


JsonBody = Annotated[Any, Depends(json_body)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE)]


# ---- endpoints ------------------------------------------------------------------------------------

router = APIRouter()


@router.post("/v1/enrol", openapi_extra=json_request(ENROL_SCHEMA))
def enrol_endpoint(request: Request, session: SessionDep, db: DatabaseDep, body: JsonBody) -> JSONResponse:
    """Enrol a PC with a one-time code: its id, office, number and credential (shown once). Wrong codes
    are rate-limited per client address (429 with Retry-After)."""
    limiter: EnrolLimiter = request.app.state.enrol_limiter
    address = request.client.host if request.client else "unknown"
    now = db.clock.now()
    limiter.check(address, now)
    if not isinstance(body, dict) or not isinstance(body.get("code"), str):
        raise ApiError(422, "bad_request", "The body needs a code and a device_name.")
    if isinstance(body.get("device_name"), str) and not reading.is_plain_text(body["device_name"]):
        raise ApiError(422, "bad_request", "device_name: a PC name may not hold a NUL character.")
    meta = read_meta(session)
    try:
        enrolment = enrol(
            session,
            meta,
            code=body["code"],
            device_name=body.get("device_name"),  # type: ignore[arg-type]
            now=now,
            adopt=body.get("adopt"),  # a standalone office's offer (server/adopt.py)
        )
    except ApiError as exc:
        if exc.code == "bad_code":
            limiter.failed(address, now)
        raise
    session.commit()
    log_event("enrol", device=enrolment.device_id, office=enrolment.office_id, number=enrolment.device_number,
              status=200)  # fmt: skip
    return JSONResponse(
        {
            "device_id": enrolment.device_id,
            "office_id": enrolment.office_id,
            "office_code": enrolment.office_code,
            "device_number": enrolment.device_number,
            "credential": enrolment.credential,
            "epoch": enrolment.epoch,
            "server_hlc": enrolment.server_hlc,
        }
    )


@router.get("/v1/sync/hello")
def hello_endpoint(
    session: SessionDep,
    db: DatabaseDep,
    device: CurrentDevice,
    version: ClientVersion = None,
    device_seq: Annotated[int | None, Query(ge=0, le=2**62)] = None,
) -> JSONResponse:
    """The server's epoch, clock, schema range, minimum client version, city settings and offices;
    409 identity_reused when `device_seq` is below what the server acknowledged from this device."""
    check_version(version, required=False)
    meta = read_meta(session)
    check_device_seq(session, device, meta, device_seq)
    return JSONResponse(reading.hello(session, meta, db.clock.now()).to_json())


@router.post("/v1/sync/reidentify", openapi_extra=json_request(REIDENTIFY_SCHEMA))
def reidentify_endpoint(
    session: SessionDep, db: DatabaseDep, device: CurrentDevice, body: JsonBody, version: ClientVersion = None
) -> JSONResponse:
    """A copied or restored database's new identity (authenticated by its old credential): a new device,
    number and credential (shown once); the old device is marked replaced."""
    check_version(version, required=True)
    request = ReidentifyRequest.from_json(body)
    new = reidentify(session, read_meta(session), device=device, request=request, now=db.clock.now())
    session.commit()
    log_event("reidentify", device=device.id, new_device=new.device_id, number=new.device_number, status=200)
    return JSONResponse(
        {
            "device_id": new.device_id,
            "office_id": new.office_id,
            "office_code": new.office_code,
            "device_number": new.device_number,
            "tag": new.tag,
            "credential": new.credential,
            "epoch": new.epoch,
            "server_hlc": new.server_hlc,
        }
    )


def check_storable(request: PushRequest) -> None:
    """422 for numbers past 64 bits (sequences, field clocks) and ids no database can store (a NUL
    character; the server keeps these as text columns): `sync.wire` accepts any whole number and text."""
    for name, value in (("seq_first", request.seq_first), ("seq_last", request.seq_last)):
        if value is not None and not 0 <= value <= MAX_INT64:
            raise ApiError(422, "bad_request", f"{name}: must be a 64-bit sequence number.", where=name)
    for group, changes in (("changes", request.changes), ("relayed", request.relayed)):
        for i, change in enumerate(changes):
            where = f"{group}[{i}]"
            if change.seq is not None and not 0 <= change.seq <= MAX_INT64:
                raise ApiError(
                    422, "bad_request", f"{where}.seq: must be a 64-bit sequence number.", where=where
                )
            for name, clock in change.clocks.items():
                if not 0 <= clock.hlc <= MAX_INT64:
                    message = f"{where}.clocks: the clock of {name!r} is not a 64-bit stamp."
                    raise ApiError(422, "bad_request", message, where=where)
            ids = [change.change_id, change.table, change.row_id, change.device_id, change.author_id]
            stored = (change.data.get("ticket_id"), merge.redaction_target(change))  # parent_id, ref_id
            ids += [text for text in stored if isinstance(text, str)]
            if not all(reading.is_plain_text(text) for text in ids):
                raise ApiError(422, "bad_request", f"{where}: an id holds a NUL character.", where=where)


@router.post("/v1/sync/push", openapi_extra=json_request(PUSH_SCHEMA))
def push_endpoint(
    session: SessionDep, db: DatabaseDep, device: CurrentDevice, body: JsonBody, version: ClientVersion = None
) -> JSONResponse:
    """Accept a batch of changes: each judged on its own, one transaction."""
    check_version(version, required=True)
    try:
        request = PushRequest.from_json(body)
    except WireError as exc:
        raise ApiError(422, "bad_request", str(exc), where=exc.where) from None
    if len(request.changes) + len(request.relayed) > MAX_BATCH:
        raise ApiError(413, "batch_too_large", f"At most {MAX_BATCH} changes per push.", max_batch=MAX_BATCH)
    check_storable(request)
    for group, changes in (("changes", request.changes), ("relayed", request.relayed)):
        for i, change in enumerate(changes):
            try:
                check_change(change, f"{group}[{i}]")
            except WireError as exc:
                raise ApiError(
                    422, "bad_change", str(exc), where=exc.where, change_id=change.change_id
                ) from None
    reply = accept_batch(session, device=device, meta=read_meta(session), request=request, now=db.clock.now())
    session.commit()
    log_event("push", device=device.id, changes=len(request.changes), relayed=len(request.relayed),
              accepted=len(reply.accepted), rejected=len(reply.rejected), acked_seq=reply.acked_seq,
              status=200)  # fmt: skip
    return JSONResponse(reply.to_json())


@router.get("/v1/sync/pull")
def pull_endpoint(
    session: SessionDep,
    db: DatabaseDep,
    device: CurrentDevice,
    version: ClientVersion = None,
    cursor: str | None = None,
    limit: Limit = MAX_PAGE,
) -> JSONResponse:
    """The changes after `cursor` in commit order (410 for another epoch's cursor)."""
    check_version(version, required=False)
    now = db.clock.now()
    page = reading.pull(session, read_meta(session), now, cursor=cursor, limit=limit)
    session.rollback()  # the read ends here
    log_event("pull", device=device.id, changes=len(page.changes), more=page.has_more, status=200)
    if not page.has_more:  # caught up: the office's "last successful sync" (bookkeeping only)
        with db.write() as write:
            write.get(Device, device.id).last_sync_at = now  # type: ignore[union-attr]
    return JSONResponse(page.to_json())


@router.get("/v1/sync/snapshot")
def snapshot_endpoint(
    session: SessionDep,
    db: DatabaseDep,
    device: CurrentDevice,
    version: ClientVersion = None,
    cursor: str | None = None,
    after: str | None = None,
    limit: Limit = MAX_PAGE,
) -> JSONResponse:
    """One page of every synced row (the first carries the start cursor)."""
    check_version(version, required=False)
    page = reading.snapshot(
        session, read_meta(session), db.clock.now(), cursor=cursor, after=after, limit=limit
    )
    return JSONResponse(page.to_json())


@router.post("/v1/sync/missing", openapi_extra=json_request(MISSING_SCHEMA))
def missing_endpoint(session: SessionDep, device: CurrentDevice, body: JsonBody) -> JSONResponse:
    """Which of the given change ids the server has never seen (neither accepted nor refused)."""
    ids = body.get("change_ids") if isinstance(body, dict) else None
    if not isinstance(ids, list) or not all(
        isinstance(i, str) and 0 < len(i) <= 36 and reading.is_plain_text(i) for i in ids
    ):
        raise ApiError(422, "bad_request", "change_ids must be a list of change ids.")
    if len(ids) > MAX_MISSING:
        raise ApiError(413, "too_many", f"At most {MAX_MISSING} change ids per request.")
    known: set[str] = set()
    for part in chunks(list(dict.fromkeys(ids))):
        known.update(session.scalars(select(ChangeLog.change_id).where(ChangeLog.change_id.in_(part))))
        known.update(session.scalars(select(Rejection.change_id).where(Rejection.change_id.in_(part))))
    return JSONResponse({"missing": [i for i in dict.fromkeys(ids) if i not in known]})


@router.post("/v1/sync/file-key", openapi_extra=json_request(FILE_KEY_SCHEMA))
def file_key_endpoint(
    session: SessionDep, db: DatabaseDep, device: CurrentDevice, body: JsonBody
) -> JSONResponse:
    """Register the public key this PC signs its sync files with (sync by file); the reply is the
    server's public key and the city, which the PC checks replies against."""
    from citydesk.server.enrol_file import register_file_key
    from citydesk.server.signing import server_key
    from citydesk.sync.signing import SyncFileError

    public_key = body.get("public_key") if isinstance(body, dict) else None
    if not isinstance(public_key, str) or len(public_key) > 64:
        raise ApiError(422, "bad_request", "The body needs this PC's public_key (base64).")
    try:
        register_file_key(session, device.id, public_key, now=db.clock.now(), source="http")
    except SyncFileError as exc:
        raise ApiError(422, "bad_request", str(exc)) from None
    key = server_key(db.url)
    meta = read_meta(session)
    session.commit()
    log_event("file_key", device=device.id, status=200)
    return JSONResponse(
        {"server_public_key": key.public_key, "server_key": key.fingerprint, "city": meta.city}
    )


@router.get("/healthz")
def healthz(db: DatabaseDep) -> JSONResponse:
    """No authentication: 200 {"status": "ok", "epoch": ...} when the database answers, 503 otherwise."""
    try:
        epoch = health(db)
    except ServerError as exc:
        log_event("health", status=503, level=logging.WARNING)
        return JSONResponse({"status": "unavailable", "message": str(exc)}, status_code=503)
    return JSONResponse({"status": "ok", "epoch": epoch})


# ---- the app --------------------------------------------------------------------------------------


def _log_error(request: Request, status: int, code: str, **fields: object) -> None:
    """Log a refused or failed request: path, status and error code (never its body or headers)."""
    level = logging.ERROR if status >= 500 else logging.WARNING
    log_event("error", path=request.url.path, status=status, error=code, level=level, **fields)


def _install_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        _log_error(request, exc.status, exc.code)
        headers = {"Retry-After": str(exc.extra["retry_after"])} if "retry_after" in exc.extra else None
        return JSONResponse(exc.body(), status_code=exc.status, headers=headers)

    @app.exception_handler(ServerError)
    async def _server_error(request: Request, exc: ServerError) -> JSONResponse:
        _log_error(request, 503, "not_ready")
        return JSONResponse(error_body("not_ready", str(exc)), status_code=503)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}" for e in exc.errors()
        )
        return JSONResponse(error_body("bad_request", problems or "Bad request."), status_code=422)

    @app.exception_handler(OperationalError)
    async def _busy(request: Request, exc: OperationalError) -> JSONResponse:
        _log_error(request, 503, "unavailable")
        message = "The server's database is busy or unavailable; nothing was saved. Try again shortly."
        return JSONResponse(error_body("unavailable", message), status_code=503)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        return JSONResponse(error_body(code, str(exc.detail)), status_code=exc.status_code)

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception) -> JSONResponse:
        _log_error(request, 500, "internal", kind=type(exc).__name__)
        message = "The server failed on this request; nothing of it was saved."
        return JSONResponse(error_body("internal", message), status_code=500)


def create_app(database_url: str, *, clock: Clock | None = None) -> FastAPI:
    """The server app on the database at `database_url` (its schema brought to the head).

    An unexpected failure is a 500 with an error body (Starlette's outermost handler); the request's
    transaction is rolled back, so nothing of it is saved.
    """
    db = open_server_database(database_url, clock=clock)
    with db.read() as session:
        read_meta(session)  # ServerError now, not at the first request, when `init` has not run

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        db.close()  # release the database's connections when the server stops

    app = FastAPI(
        title="citydesk-server", version=__version__, docs_url=None, redoc_url=None, lifespan=lifespan
    )
    app.state.db = db
    app.state.enrol_limiter = EnrolLimiter()
    app.add_middleware(GZipMiddleware, minimum_size=1024)
    _install_handlers(app)
    app.include_router(router)
    return app
