"""Prebuilt statements run on the driver's cursor: the hot write path without per-call SQLAlchemy work.

Used for what every service transaction runs (its first read, the timeline entry, the outbox rows,
the device counters) and for what creating a ticket writes (`store.statements.RUN_*`).

A `Prepared` statement is a Core statement (so names and types come from the models) compiled once
for SQLite. Running it converts the parameters by column type (aware UTC datetimes to the stored
text, JSON to text, booleans to 0/1, exactly as the column types would) and executes on the DBAPI
connection of the session's transaction: the same connection, the same BEGIN IMMEDIATE, the same
commit. It costs a few microseconds instead of the 15–20 µs SQLAlchemy spends preparing each
execution, which is most of the difference between `create_ticket` and raw sqlite3.

Results are plain named tuples of driver values: booleans come back as 0/1 and datetimes as text,
so only use it for columns read as ids, numbers, strings or truth values. SQLite only: the
statements are compiled for its dialect (the local replica; a server store would use the Core ones).
"""

from __future__ import annotations

import json
import sqlite3
from collections import namedtuple
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import JSON, Boolean, Table, bindparam, insert
from sqlalchemy.dialects.sqlite import pysqlite
from sqlalchemy.orm import Session
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.expression import ClauseElement

from citydesk.store.types import UTCDateTime, to_db_text

_DIALECT = pysqlite.dialect()
_MISSING = object()
_SQL_NULL = object()  # a column left out of an INSERT: NULL as such (JSON None would be the text 'null')


def driver_value(kind: Any) -> Callable[[Any], Any] | None:
    """The conversion SQLAlchemy would apply to a parameter of this type before the driver sees it."""
    if isinstance(kind, UTCDateTime):
        return _datetime_text
    if isinstance(kind, JSON):
        return _json_text
    if isinstance(kind, Boolean):
        return _bool_int
    return None


def _datetime_text(value: Any) -> Any:
    if value is None or not isinstance(value, datetime):
        return value
    if value.tzinfo is None:
        raise ValueError(f"naive datetime {value!r}: citydesk stores only aware UTC stamps")
    return to_db_text(value)


def _json_text(value: Any) -> Any:
    return json.dumps(value)  # None too: SQLAlchemy's JSON stores it as the JSON text 'null'


def _bool_int(value: Any) -> Any:
    return None if value is None else int(bool(value))


def dbapi(session: Session) -> sqlite3.Connection:
    """The driver connection of the session's transaction (begun, BEGIN IMMEDIATE for writes).

    SQLite only (the local replica); another database gets the Core statements through SQLAlchemy.
    """
    driver = session.connection().connection.dbapi_connection
    if not isinstance(driver, sqlite3.Connection):
        raise TypeError(f"store.prepared runs on SQLite's driver, not {type(driver).__name__}")
    return driver


class Prepared:
    """A Core statement compiled once for SQLite, executed with dict parameters on the driver cursor."""

    def __init__(self, statement: ClauseElement, *, defaults: Mapping[str, Any] | None = None) -> None:
        compiled = cast(SQLCompiler, statement.compile(dialect=_DIALECT))
        self.sql = str(compiled)
        self.names: tuple[str, ...] = tuple(compiled.positiontup or ())
        given = defaults or {}
        spec = []
        for name in self.names:
            bind = compiled.binds[name]
            default = given.get(name, _MISSING if bind.required else bind.effective_value)
            spec.append((name, default, driver_value(bind.type)))
        self._spec = tuple(spec)
        columns = [c.key for c in getattr(statement, "selected_columns", ())] or [
            c.key for c in getattr(statement, "_returning", ())
        ]
        self.row = namedtuple("Row", columns, rename=True) if columns else None

    def values(self, params: Mapping[str, Any]) -> tuple[Any, ...]:
        """The positional driver values for these parameters (a missing one takes its default)."""
        out: list[Any] = []
        for name, default, convert in self._spec:
            value = params.get(name, default)
            if value is _MISSING:
                raise KeyError(f"missing parameter {name!r} for {self.sql!r}")
            if value is _SQL_NULL:
                out.append(None)
            else:
                out.append(value if convert is None else convert(value))
        return tuple(out)

    def execute(self, session: Session, params: Mapping[str, Any] | None = None) -> sqlite3.Cursor:
        """Run once with these parameters."""
        return dbapi(session).execute(self.sql, self.values(params or {}))

    def execute_many(self, session: Session, rows: Sequence[Mapping[str, Any]]) -> None:
        """Run once per parameter dict (one executemany)."""
        if rows:
            dbapi(session).executemany(self.sql, [self.values(r) for r in rows])

    def one_or_none(self, session: Session, params: Mapping[str, Any] | None = None) -> Any:
        """The first result row as a named tuple, or None."""
        found = self.execute(session, params).fetchone()
        if found is None or self.row is None:
            return found
        return self.row(*found)

    def scalar(self, session: Session, params: Mapping[str, Any] | None = None) -> Any:
        """The first column of the first row, or None."""
        found = self.execute(session, params).fetchone()
        return None if found is None else found[0]


def prepared_insert(table: Table, columns: Sequence[str]) -> Prepared:
    """An INSERT of these columns; a column missing from a row takes its scalar default, else NULL
    (as SQLAlchemy's insert does for a key left out)."""
    defaults: dict[str, Any] = {}
    for name in columns:
        default = table.c[name].default
        scalar = default is not None and getattr(default, "is_scalar", False)
        defaults[name] = getattr(default, "arg", None) if scalar else _SQL_NULL
    statement = insert(table).values({name: bindparam(name, type_=table.c[name].type) for name in columns})
    return Prepared(statement, defaults=defaults)
