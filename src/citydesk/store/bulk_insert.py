"""Fast multi-row inserts for the bulk path: values converted once, then the driver's executemany.

SQLAlchemy's ORM bulk insert splits rows whose keys differ into single statements; here every row
gets every column (missing ones as their default or NULL) and goes through one `executemany`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Connection, Table

from citydesk.store.types import UTCDateTime, to_db_text


def _converter(column: Any) -> Callable[[Any], Any] | None:
    kind = column.type
    if isinstance(kind, UTCDateTime):
        return lambda v: None if v is None else to_db_text(v) if isinstance(v, datetime) else v
    if isinstance(kind, JSON):
        return lambda v: None if v is None else json.dumps(v)
    if isinstance(kind, Boolean):
        return lambda v: None if v is None else int(bool(v))
    return None


def _default(column: Any) -> Any:
    default = column.default
    if default is not None and getattr(default, "is_scalar", False):
        return default.arg
    if default is not None and getattr(default, "is_callable", False):
        return default.arg(None)
    return None


class RowWriter:
    """Inserts dict rows into one table with a single prepared statement."""

    def __init__(self, table: Table, columns: Sequence[str] | None = None) -> None:
        self.table = table
        self.columns = list(columns) if columns is not None else [c.name for c in table.columns]
        cols = [table.c[name] for name in self.columns]
        self._convert = [_converter(c) for c in cols]
        self._defaults = [_default(c) for c in cols]
        names = ", ".join(self.columns)
        marks = ", ".join("?" for _ in self.columns)
        self.sql = f"INSERT INTO {table.name} ({names}) VALUES ({marks})"

    def tuples(self, rows: Sequence[dict[str, Any]]) -> list[tuple[Any, ...]]:
        """Rows as tuples of driver values, in column order."""
        spec = list(zip(self.columns, self._defaults, self._convert, strict=True))
        out = []
        for row in rows:
            get = row.get
            out.append(tuple([get(n, d) if c is None else c(get(n, d)) for n, d, c in spec]))
        return out

    def write_tuples(self, conn: Connection, rows: Sequence[tuple[Any, ...]]) -> None:
        """Insert rows already given as driver values in `self.columns` order."""
        if rows:
            conn.exec_driver_sql(self.sql, list(rows))

    def write(self, conn: Connection, rows: Sequence[dict[str, Any]]) -> None:
        """Insert all rows with one executemany."""
        if rows:
            conn.exec_driver_sql(self.sql, self.tuples(rows))
