"""The sync client's HTTP side: one `SyncClient` per server, errors mapped to `SyncError`s a clerk reads.

Every request carries the device credential (`Authorization: Bearer ...`), the client's version and
local schema revision; a push body is gzip-compressed; gzip replies are accepted. Connection failures,
timeouts and 5xx replies are `ServerUnreachable` (retry later: nothing was lost); every other failure
has its own class below. Tests pass FastAPI's TestClient (or a fault injector) as `client`.
"""

from __future__ import annotations

import gzip
import json
import ssl
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import httpx

from citydesk import __version__
from citydesk.domain.errors import CitydeskError
from citydesk.store.schema import SCHEMA_HEAD
from citydesk.sync import wire
from citydesk.sync.messages import AdoptionOffer, Enrolment, Hello, Page, PushReply, PushRequest
from citydesk.sync.wire import WireError


class SyncError(CitydeskError):
    """A sync that could not be done; the message says what happened and what to do."""


class Unauthorized(SyncError):
    """401: the server does not accept this PC's credential (wrong, expired or revoked)."""


class Forbidden(SyncError):
    """403: this PC may not send changes (e.g. its office was deactivated on the server)."""


class CursorGone(SyncError):
    """410: the server no longer has the history after this PC's position (a full download follows)."""


class EpochChanged(CursorGone):
    """410 "epoch_changed": the server was restored from a backup since this PC's last sync."""


class ClockAhead(SyncError):
    """409 "clock_ahead": changes stamped more than five minutes ahead of the server's clock."""

    def __init__(self, message: str, *, server_time: str, server_hlc: int) -> None:
        super().__init__(message)
        self.server_time = server_time
        self.server_hlc = server_hlc


class SequenceGap(SyncError):
    """409 "sequence_gap": the server expected this PC's changes to start at `expected_seq`."""

    def __init__(self, message: str, *, expected_seq: int) -> None:
        super().__init__(message)
        self.expected_seq = expected_seq


class IdentityReused(SyncError):
    """409 "identity_reused": this database is a copy or a restored backup of another one (the server has
    other changes under its identity); it takes a new identity (`sync.identity`) before it goes on."""


class BatchTooLarge(SyncError):
    """413: more changes in one push than the server takes."""


class ClientTooOld(SyncError):
    """426: this citydesk is older than the server accepts (local changes are kept until it is updated)."""

    def __init__(self, message: str, *, min_version: str) -> None:
        super().__init__(message)
        self.min_version = min_version


class BadRequest(SyncError):
    """400/422: the server refused the request as malformed."""


class ServerUnreachable(SyncError):
    """The server could not be reached or failed (connection, timeout, 5xx): try again later."""


class UntrustedCertificate(ServerUnreachable):
    """The server's TLS certificate is not trusted by this PC (unknown authority, wrong host, expired)."""


class TooManyAttempts(SyncError):
    """429: too many wrong enrolment codes from this address; `retry_after` seconds to wait."""

    def __init__(self, message: str, *, retry_after: int | None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class BadReply(SyncError):
    """The server's reply could not be understood."""


class Conflict(BadReply):
    """409 with another code than the clock and sequence checks (an adoption's collisions, an adoption
    code used to enrol): `code` is the server's, `server_message` its sentence, `details` the reply body."""

    def __init__(
        self, message: str, *, code: str, server_message: str, details: Mapping[str, Any] | None = None
    ) -> None:
        super().__init__(message)
        self.code = code
        self.server_message = server_message
        self.details: Mapping[str, Any] = details or {}


DEFAULT_TIMEOUT = 30.0


class SyncClient:
    """The HTTP client of one sync server (see the module docstring)."""

    def __init__(
        self,
        base_url: str,
        *,
        credential: str | None,
        client: httpx.Client | None = None,
        ca_bundle: Path | None = None,
        timeout: float = DEFAULT_TIMEOUT,
    ) -> None:
        """`client` (tests: a TestClient or a fault injector) is used as given; otherwise one is made that
        trusts the system's certificate authorities, or only those in `ca_bundle` (a PEM file) when given."""
        self.base_url = base_url.rstrip("/")
        self.credential = credential
        if client is None:
            verify: ssl.SSLContext | bool = True
            if ca_bundle is not None:
                verify = _trusting(Path(ca_bundle))
            client = httpx.Client(timeout=timeout, verify=verify)
            self._owns_client = True
        else:
            self._owns_client = False
        self.client = client
        self.timeout = timeout

    def close(self) -> None:
        """Close the connection pool (when this client made it)."""
        if self._owns_client:
            self.client.close()

    def __enter__(self) -> SyncClient:
        """Use as a context manager (closed at the end)."""
        return self

    def __exit__(self, *_exc: object) -> None:
        """Close at the end of the block."""
        self.close()

    # ---- endpoints ------------------------------------------------------------------------------

    def hello(self, device_seq: int | None = None) -> Hello:
        """`GET /v1/sync/hello`: epoch, server clock, schema range, minimum version, city settings.
        With `device_seq` (this database's last device sequence) the server checks it is not older than
        what it acknowledged from this identity (IdentityReused)."""
        params = {} if device_seq is None else {"device_seq": device_seq}
        return _parse(Hello.from_json, self._request("GET", "/v1/sync/hello", params=params))

    def reidentify(self, *, acked_seq: int, tag: str | None = None) -> Enrolment:
        """`POST /v1/sync/reidentify` with this PC's current credential: a new identity (device id, number,
        credential) for a copied or restored database; `acked_seq` of its sequence counts as sent."""
        body: dict[str, Any] = {"acked_seq": acked_seq}
        if tag is not None:
            body["tag"] = tag
        return _parse(_enrolment, self._request("POST", "/v1/sync/reidentify", json_body=body))

    def enrol(self, code: str, device_name: str) -> Enrolment:
        """`POST /v1/enrol` with a one-time code: this PC's identity and credential."""
        try:
            body = self._request("POST", "/v1/enrol", json_body={"code": code, "device_name": device_name},
                                 auth=False)  # fmt: skip
        except Unauthorized as exc:
            raise Unauthorized(
                f"The sync server {self.base_url} did not accept the enrolment code (wrong, already used or "
                "expired). Ask the city's administrator for a new one."
            ) from exc
        return _parse(_enrolment, body)

    def adopt(self, code: str, device_name: str, offer: AdoptionOffer) -> Enrolment:
        """`POST /v1/enrol` with an adoption code and the standalone office's offer (gzip body): the
        office's PC identity and credential. Collisions are `Conflict` (409) with the server's words."""
        body = {"code": code, "device_name": device_name, "adopt": offer.to_json()}
        try:
            reply = self._request("POST", "/v1/enrol", json_body=body, auth=False, compress=True)
        except Unauthorized as exc:
            raise Unauthorized(
                f"The sync server {self.base_url} did not accept the adoption code (wrong, already used or "
                "expired). Ask the city's administrator for a new one."
            ) from exc
        return _parse(_enrolment, reply)

    def push(self, request: PushRequest) -> PushReply:
        """`POST /v1/sync/push` (gzip body): accepted and rejected changes, the acknowledged sequence."""
        return _parse(PushReply.from_json, self._request("POST", "/v1/sync/push", json_body=request.to_json(),
                                                         compress=True))  # fmt: skip

    def pull(self, cursor: str | None, limit: int) -> Page:
        """`GET /v1/sync/pull`: the changes after `cursor` in the server's commit order."""
        params: dict[str, Any] = {"limit": limit}
        if cursor is not None:
            params["cursor"] = cursor
        return _parse(Page.from_json, self._request("GET", "/v1/sync/pull", params=params))

    def snapshot(self, cursor: str | None, after: str | None, limit: int) -> Page:
        """`GET /v1/sync/snapshot`: one page of every row; resume a snapshot with its start cursor and
        the position `after` the last page applied."""
        params: dict[str, Any] = {"limit": limit}
        if cursor is not None:
            params["cursor"] = cursor
        if after is not None:
            params["after"] = after
        return _parse(Page.from_json, self._request("GET", "/v1/sync/snapshot", params=params))

    def missing(self, change_ids: Sequence[str]) -> list[str]:
        """`POST /v1/sync/missing`: which of these change ids the server does not have."""
        body = self._request("POST", "/v1/sync/missing", json_body={"change_ids": list(change_ids)})
        found = body.get("missing") if isinstance(body, dict) else None
        if not isinstance(found, list) or not all(isinstance(c, str) for c in found):
            raise BadReply(
                f"The server's reply to {self.base_url}/v1/sync/missing has no list of change ids."
            )
        return found

    def register_file_key(self, public_key: str) -> dict[str, Any]:
        """`POST /v1/sync/file-key`: register this PC's key for sync by file; the server's public key
        ("server_public_key") and the city ("city")."""
        body = self._request("POST", "/v1/sync/file-key", json_body={"public_key": public_key})
        if not isinstance(body, dict) or not all(
            isinstance(body.get(k), str) for k in ("server_public_key", "city")
        ):
            raise BadReply(
                f"The server's reply to {self.base_url}/v1/sync/file-key is not what citydesk expects."
            )
        return body

    # ---- plumbing -------------------------------------------------------------------------------

    def headers(self, *, auth: bool = True) -> dict[str, str]:
        """The headers every request carries."""
        out = {
            wire.VERSION_HEADER: __version__,
            wire.SCHEMA_HEADER: SCHEMA_HEAD,
            "Accept": "application/json",
            "Accept-Encoding": "gzip",
        }
        if auth and self.credential:
            out["Authorization"] = f"Bearer {self.credential}"
        return out

    def _request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        json_body: Any = None,
        compress: bool = False,
        auth: bool = True,
    ) -> Any:
        headers = self.headers(auth=auth)
        content: bytes | None = None
        if json_body is not None:
            content = json.dumps(json_body, separators=(",", ":"), ensure_ascii=False).encode()
            headers["Content-Type"] = "application/json"
            if compress:
                content = gzip.compress(content, compresslevel=5)
                headers["Content-Encoding"] = "gzip"
        url = f"{self.base_url}{path}"
        try:
            response = self.client.request(
                method, url, params=dict(params or {}), content=content, headers=headers
            )
        except httpx.TimeoutException as exc:
            raise ServerUnreachable(
                f"The sync server {self.base_url} did not answer in time; nothing was lost. Sync again later."
            ) from exc
        except httpx.ConnectError as exc:
            refused = _certificate_problem(exc)
            if refused is not None:
                target = httpx.URL(url)
                shown = presented_certificate(target.host, target.port or 443)
                named = f", certificate {shown}" if shown else ""
                raise UntrustedCertificate(
                    f"The sync server {self.base_url} presented a TLS certificate this PC does not trust "
                    f"(host {target.host}{named}: {refused}); nothing was sent. If the city uses its own "
                    "certificate authority, give its certificate file with `citydesk connect --ca-bundle "
                    "FILE`; otherwise ask the administrator to check the server's certificate."
                ) from exc
            raise ServerUnreachable(
                f"The sync server {self.base_url} could not be reached ({_reason(exc)}); nothing was lost. "
                "Check the network and sync again later."
            ) from exc
        except httpx.HTTPError as exc:  # DNS, TLS, a cut connection
            raise ServerUnreachable(
                f"The sync server {self.base_url} could not be reached ({_reason(exc)}); nothing was lost. "
                "Check the network and sync again later."
            ) from exc
        if response.status_code >= 400:
            raise self._error(response)
        try:
            return response.json()
        except (ValueError, httpx.DecodingError) as exc:
            raise BadReply(f"The sync server {self.base_url} sent a reply that is not JSON.") from exc

    def _error(self, response: httpx.Response) -> SyncError:
        """The SyncError of an error reply (its JSON body: `error` code, `message`, details)."""
        status = response.status_code
        try:
            body = response.json()
        except (ValueError, httpx.DecodingError):
            body = {}
        if not isinstance(body, dict):
            body = {}
        code = str(body.get("error") or "")
        said = str(body.get("message") or body.get("detail") or "").strip()
        server = self.base_url
        if status >= 500:
            return ServerUnreachable(
                f"The sync server {server} had a problem (HTTP {status}{': ' + said if said else ''}); "
                "nothing was lost. Sync again later."
            )
        if status == 401:
            return Unauthorized(
                f"The sync server {server} does not accept this PC's credential (it may have been revoked)"
                f"{': ' + said if said else ''}. This PC's changes are kept; ask the administrator "
                "for a new enrolment code and run `citydesk connect` again."
            )
        if status == 403:
            return Forbidden(
                f"The sync server {server} does not let this PC send changes{': ' + said if said else ''}. "
                "Nothing was lost; ask the city's administrator."
            )
        if status == 410:
            cls = EpochChanged if code == "epoch_changed" else CursorGone
            return cls(f"The sync server {server} no longer has this PC's place in its history "
                       f"({code or 'gone'}); a full download follows.")  # fmt: skip
        if status == 409 and code == "clock_ahead":
            server_time = body.get("server_time")
            server_hlc = body.get("server_hlc")
            if not isinstance(server_time, str) or not isinstance(server_hlc, int):
                return BadReply(f"The sync server {server} refused the PC's clock without saying its own.")
            return ClockAhead(
                f"This PC's clock is ahead of the server's (server time {server_time}); "
                "correct the PC's date and time.",
                server_time=server_time, server_hlc=server_hlc,
            )  # fmt: skip
        if status == 409 and code == "sequence_gap":
            expected = body.get("expected_seq")
            if isinstance(expected, bool) or not isinstance(expected, int):
                return BadReply(f"The sync server {server} reported a gap without the sequence it expected.")
            return SequenceGap(
                f"The sync server {server} expected this PC's changes from number {expected}.",
                expected_seq=expected,
            )
        if status == 409 and code == "identity_reused":
            return IdentityReused(
                f"The sync server {server} says: {said or 'this database is a copy of another one.'}"
            )
        if status == 409:
            return Conflict(f"The sync server {server} refused: {said or code}", code=code,
                            server_message=said or code, details=body)  # fmt: skip
        if status == 413:
            return BatchTooLarge(
                f"The sync server {server} refused a batch as too large{': ' + said if said else ''}."
            )
        if status == 426:
            minimum = str(body.get("min_version") or body.get("min_client_version") or "")
            return ClientTooOld(
                f"This citydesk ({__version__}) is older than the sync server accepts"
                f"{f' (at least {minimum})' if minimum else ''}. Local changes are kept; "
                "install the new version, then sync.",
                min_version=minimum,
            )
        if status == 429:
            wait = response.headers.get("retry-after", "")
            return TooManyAttempts(
                f"The sync server {server} refused more attempts for now{': ' + said if said else ''}",
                retry_after=int(wait) if wait.isdigit() else None,
            )
        if status in (400, 422):
            return BadRequest(f"The sync server {server} refused the request: {said or code or status}.")
        return BadReply(f"The sync server {server} answered HTTP {status}{': ' + said if said else ''}.")


def _parse(parser: Any, body: Any) -> Any:
    try:
        return parser(body)
    except WireError as exc:
        raise BadReply(f"The sync server's reply could not be read: {exc}") from exc


def _enrolment(raw: Any) -> Enrolment:
    """Parse the enrolment reply."""
    if not isinstance(raw, dict):
        raise WireError("body", "must be an object")

    def _text(name: str) -> str:
        value = raw.get(name)
        if not isinstance(value, str) or not value:
            raise WireError(name, "must be non-empty text")
        return value

    def _number(name: str) -> int:
        value = raw.get(name)
        if isinstance(value, bool) or not isinstance(value, int):
            raise WireError(name, "must be a whole number")
        return value

    return Enrolment(
        device_id=_text("device_id"),
        office_id=_text("office_id"),
        office_code=_text("office_code"),
        device_number=_number("device_number"),
        credential=_text("credential"),
        epoch=_text("epoch"),
        server_hlc=_number("server_hlc"),
        tag=_optional_tag(raw.get("tag")),
    )


def _optional_tag(value: Any) -> str | None:
    """A new identity's tag (None: the device number is the tag)."""
    if value is None:
        return None
    if not isinstance(value, str) or not 1 <= len(value) <= 3 or not value.isalnum():
        raise WireError("tag", "must be 1 to 3 letters or digits")
    return value


def _trusting(ca_bundle: Path) -> ssl.SSLContext:
    """A TLS context that trusts the certificate authorities in the PEM file `ca_bundle`."""
    if not ca_bundle.is_file():
        raise SyncError(f"The certificate file {ca_bundle} does not exist.")
    try:
        return ssl.create_default_context(cafile=str(ca_bundle))
    except (ssl.SSLError, OSError, ValueError) as exc:
        raise SyncError(
            f"The certificate file {ca_bundle} could not be read as PEM certificates ({exc})."
        ) from exc


def _certificate_problem(exc: BaseException) -> str | None:
    """What the certificate check said, when `exc` (or what caused it) is a failed certificate check."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, ssl.SSLCertVerificationError):
            return str(current.verify_message or current.reason or current)
        current = current.__cause__ or current.__context__
    text = str(exc)
    if "CERTIFICATE_VERIFY_FAILED" in text:
        return text.split("certificate verify failed:", 1)[-1].split("(_ssl", 1)[0].strip() or text
    return None


def presented_certificate(host: str, port: int) -> str | None:
    """The subject, issuer and end date of the certificate the server at host:port presents (fetched
    without checking it, for an error message), or None when it cannot be read."""
    try:
        from cryptography import x509  # optional: present on most systems (keyring's SecretStorage)

        pem = ssl.get_server_certificate((host, port), timeout=5)
        cert = x509.load_pem_x509_certificate(pem.encode("ascii"))
        return (
            f"'{cert.subject.rfc4514_string()}' issued by '{cert.issuer.rfc4514_string()}', "
            f"valid until {cert.not_valid_after_utc:%Y-%m-%d}"
        )
    except (ImportError, OSError, ValueError, UnicodeError):
        return None


def _reason(exc: httpx.HTTPError) -> str:
    text = str(exc).strip()
    if isinstance(exc, httpx.ConnectError):
        return f"connection failed: {text}" if text else "connection failed"
    return text or type(exc).__name__
