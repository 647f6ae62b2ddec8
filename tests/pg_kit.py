"""PostgreSQL helpers of the tests: databases created (from a template), dropped and addressed by URL."""

from __future__ import annotations

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url


def is_postgresql(where: object) -> bool:
    """Whether `where` (a path or URL) is a PostgreSQL URL."""
    return str(where).startswith("postgresql")


def database_name(url: str) -> str:
    """The database a URL names."""
    return make_url(url).database or ""


def with_database(url: str, name: str) -> str:
    """`url` pointing at database `name` on the same server."""
    return make_url(url).set(database=name).render_as_string(hide_password=False)


_ADMIN: dict[str, Engine] = {}  # one pooled connection per PostgreSQL server, to its `postgres` database


def _admin(url: str, sql: str) -> None:
    """Run `sql` outside a transaction from the server's maintenance database (`postgres`)."""
    maintenance = with_database(url, "postgres")
    engine = _ADMIN.get(maintenance) or _ADMIN.setdefault(
        maintenance, create_engine(maintenance, isolation_level="AUTOCOMMIT", pool_size=1)
    )
    with engine.connect() as conn:
        conn.execute(text(sql))


def create_database(url: str, name: str, *, template: str | None = None) -> None:
    """CREATE DATABASE `name` (a copy of `template` when given; nobody may be connected to it)."""
    _admin(url, f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))


def drop_database(url: str, name: str) -> None:
    """DROP DATABASE `name` if it exists, closing its connections."""
    _admin(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
