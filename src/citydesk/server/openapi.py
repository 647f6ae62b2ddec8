"""The request bodies of the sync API, described for its OpenAPI schema.

The endpoints read their JSON bodies by hand (`app.json_body`, gzip allowed, one clear error for a bad
one), so FastAPI cannot see them; these JSON schemas (`openapi_extra` of each route) say what a client
sends, so readers and the fuzzer (tests/server/test_server_fuzz.py) see the bodies. They describe, never
decide: the endpoints and `sync.wire` check every body whatever the schema says.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Boolean, Float, Integer, String

from citydesk.store.types import UTCDateTime
from citydesk.sync.tables import SYNCED, Merge, SyncedTable
from citydesk.sync.wire import MAX_BATCH, OP_OF_MERGE, Op, column

_ID = {"type": "string", "minLength": 1, "maxLength": 36}
_STAMP = {"type": "integer", "minimum": 1, "maximum": (1 << 63) - 1, "description": "64-bit HLC"}
_SEQ = {"type": ["integer", "null"], "minimum": 1, "maximum": (1 << 63) - 1}

CLOCK_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "The clock of one last-writer-wins field.",
    "required": ["hlc", "device_id"],
    "properties": {"hlc": _STAMP, "device_id": _ID, "author_id": _ID, "change_id": _ID},
}

_CHANGE_ENVELOPE: dict[str, Any] = {
    "change_id": _ID,
    "row_id": {"type": "string", "minLength": 1, "maxLength": 60},
    "hlc": _STAMP,
    "device_id": _ID,
    "author_id": _ID,
    "clocks": {"type": "object", "additionalProperties": CLOCK_SCHEMA},
    "seq": _SEQ,
}


def _value_schema(table: str, name: str) -> dict[str, Any]:
    """The JSON schema of one synced column's value (by the client model's column type)."""
    col = column(table, name)
    if col is None:
        return {}
    kind = col.type
    out: dict[str, Any]
    if isinstance(kind, UTCDateTime):
        out = {"type": "string", "format": "date-time"}
    elif isinstance(kind, Boolean):
        out = {"type": "boolean"}
    elif isinstance(kind, Integer):
        out = {"type": "integer", "minimum": -(1 << 63), "maximum": (1 << 63) - 1}
    elif isinstance(kind, Float):
        out = {"type": "number"}
    elif isinstance(kind, String) and kind.length:
        out = {"type": "string", "maxLength": kind.length}
    elif isinstance(kind, String):  # Text included
        out = {"type": "string"}
    else:
        return {}  # JSON: any value
    if col.nullable:
        out["type"] = [out["type"], "null"]
    return out


def change_schema(spec: SyncedTable) -> dict[str, Any]:
    """The JSON schema of a change to one synced table: its op, its columns' values, its fields."""
    op = OP_OF_MERGE[spec.merge]
    columns = {name: _value_schema(spec.name, name) for name in spec.synced_columns}
    data: dict[str, Any] = {"type": "object", "properties": columns}
    properties: dict[str, Any] = {
        **_CHANGE_ENVELOPE,
        "table": {"type": "string", "enum": [spec.name]},
        "op": {"type": "string", "enum": [op.value]},
        "data": data,
    }
    if op is Op.ROW:
        properties["fields"] = {"type": "array", "items": {"type": "string", "enum": list(spec.fields)}}
        data["required"] = list(spec.key)
    else:
        data["required"] = list(spec.synced_columns)
    return {
        "type": "object",
        "required": ["change_id", "table", "op", "row_id", "hlc", "device_id", "author_id", "data"],
        "properties": properties,
    }


CHANGE_SCHEMA: dict[str, Any] = {
    "description": "One change (`sync.wire.Change`): a row write, an insert or a timeline entry.",
    "oneOf": [change_schema(spec) for spec in SYNCED.values() if spec.merge is not Merge.CLOCK],
}

PUSH_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "A batch of this device's changes (and relayed ones after a server restore).",
    "required": ["batch_id", "epoch", "changes"],
    "properties": {
        "batch_id": _ID,
        "epoch": {"type": "string", "minLength": 1, "maxLength": 60},
        "seq_first": _SEQ,
        "seq_last": _SEQ,
        "changes": {"type": "array", "items": CHANGE_SCHEMA, "maxItems": MAX_BATCH},
        "relayed": {"type": "array", "items": CHANGE_SCHEMA, "maxItems": MAX_BATCH},
    },
}

ENROL_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "A one-time enrolment code and this PC's name.",
    "required": ["code", "device_name"],
    "properties": {
        "code": {"type": "string", "minLength": 1, "maxLength": 200},
        "device_name": {"type": "string", "minLength": 1, "maxLength": 120},
        "adopt": {
            "type": "object",
            "description": "With an adoption code: the standalone office this PC brings.",
            "required": ["office", "device_id", "tag", "usernames", "through_seq"],
            "properties": {
                "office": {
                    "type": "object",
                    "required": ["id", "code", "name"],
                    "properties": {
                        "id": _ID,
                        "code": {"type": "string", "minLength": 2, "maxLength": 5},
                        "name": {"type": "string", "minLength": 1, "maxLength": 120},
                    },
                },
                "device_id": _ID,
                "tag": {"type": "string", "minLength": 1, "maxLength": 3},
                "usernames": {"type": "array", "items": {"type": "string", "maxLength": 60}},
                "through_seq": {"type": "integer", "minimum": 0, "maximum": (1 << 63) - 1},
            },
        },
    },
}

REIDENTIFY_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "A copied or restored database asks for a new identity.",
    "properties": {
        "acked_seq": {"type": "integer", "minimum": 0, "maximum": (1 << 63) - 1},
        "tag": {"type": ["string", "null"], "maxLength": 3},
        "device_name": {"type": ["string", "null"], "maxLength": 120},
    },
}

FILE_KEY_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "The public key this PC signs its sync files with.",
    "required": ["public_key"],
    "properties": {"public_key": {"type": "string", "minLength": 1, "maxLength": 200}},
}

MISSING_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "Change ids this PC can name; the server answers those it never saw.",
    "required": ["change_ids"],
    "properties": {"change_ids": {"type": "array", "items": _ID, "maxItems": 1000}},
}


def json_request(schema: dict[str, Any]) -> dict[str, Any]:
    """An `openapi_extra` describing a required JSON request body (gzip allowed)."""
    return {
        "requestBody": {
            "required": True,
            "description": "JSON; may be sent with Content-Encoding: gzip.",
            "content": {"application/json": {"schema": schema}},
        }
    }
