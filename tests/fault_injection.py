"""A fault injector between the sync client and the real FastAPI app: an httpx transport that forwards
each request to the app (through FastAPI's TestClient) unless a planned fault says otherwise.

Faults (each planned for the next request whose path ends with a given endpoint, or any):
- `DROP_REQUEST`: the request never reaches the server (the client sees a connection error);
- `DROP_REPLY`: the server handles the request (and commits), then the reply is lost;
- `DUPLICATE`: the request reaches the server twice (a retry by a proxy); the client sees the second reply;
- `CUT_PAGE`: the reply is cut halfway (the client sees a broken body) after the server handled it.

    injector = FaultInjector(test_client)
    injector.plan(Fault.DROP_REPLY, "push")
    client = SyncClient("http://testserver", credential=..., client=injector.client())

`log` records every request's endpoint and the fault applied (None when forwarded untouched),
`requests` the requests themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

import httpx


class Fault(Enum):
    """What happens to one request."""

    DROP_REQUEST = "drop_request"
    DROP_REPLY = "drop_reply"
    DUPLICATE = "duplicate"
    CUT_PAGE = "cut_page"


@dataclass
class Planned:
    """A fault waiting for the next request to `endpoint` (None: any)."""

    fault: Fault
    endpoint: str | None
    skip: int = 0  # matching requests to let through first


@dataclass
class FaultInjector(httpx.BaseTransport):
    """The transport (see the module docstring)."""

    app_client: httpx.Client
    planned: list[Planned] = field(default_factory=list)
    log: list[tuple[str, Fault | None]] = field(default_factory=list)
    requests: list[httpx.Request] = field(default_factory=list)  # every request, as the client sent it
    before: Callable[[httpx.Request], None] | None = None  # called before forwarding (e.g. move a clock)

    def plan(self, fault: Fault, endpoint: str | None = None, *, skip: int = 0) -> None:
        """Apply `fault` to the next request whose path ends with `endpoint` ("push", "pull", ...), after
        letting `skip` such requests through."""
        self.planned.append(Planned(fault, endpoint, skip))

    def client(self) -> httpx.Client:
        """An httpx client whose requests go through this injector."""
        return httpx.Client(transport=self, base_url="http://testserver")

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Forward the request to the app, applying the first planned fault that matches it."""
        endpoint = request.url.path.rsplit("/", 1)[-1]
        fault = self._take(endpoint)
        self.log.append((endpoint, fault))
        self.requests.append(request)
        if self.before is not None:
            self.before(request)
        if fault is Fault.DROP_REQUEST:
            raise httpx.ConnectError("injected: the request was lost", request=request)
        response = self._forward(request)
        if fault is Fault.DUPLICATE:
            response = self._forward(request)
        if fault is Fault.DROP_REPLY:
            raise httpx.ReadError("injected: the reply was lost after the server handled it", request=request)
        if fault is Fault.CUT_PAGE:
            raw = response.content
            headers = {k: v for k, v in response.headers.items() if k.lower() not in ("content-length",)}
            return httpx.Response(response.status_code, headers=headers, content=raw[: len(raw) // 2],
                                  request=request)  # fmt: skip
        return response

    def _take(self, endpoint: str) -> Fault | None:
        for i, planned in enumerate(self.planned):
            if planned.endpoint is None or planned.endpoint == endpoint:
                if planned.skip:
                    planned.skip -= 1
                    continue
                del self.planned[i]
                return planned.fault
        return None

    def _forward(self, request: httpx.Request) -> httpx.Response:
        """Send the request to the app and return its reply exactly as sent (body still encoded)."""
        inner = httpx.Request(request.method, request.url, headers=request.headers, content=request.read())
        reply = self.app_client.send(inner, stream=True)
        try:
            raw = b"".join(reply.iter_raw())
        finally:
            reply.close()
        return httpx.Response(reply.status_code, headers=reply.headers, content=raw, request=request)
