#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL server:
#
#   scripts/with-postgres.sh CMD [ARGS...]
#
# Starts a fresh cluster in a temp dir on a free loopback port, exports
#   CITYDESK_TEST_PG_URL=postgresql+psycopg://postgres@127.0.0.1:PORT/postgres
# runs CMD, then always stops the server and deletes the dir (also on failure or Ctrl-C).
# Works as root (the server runs as the `postgres` user) and as a normal user.
# Without PostgreSQL binaries CMD runs without the variable (PG tests skip), except in CI (CI=true).
# `make test` does not wrap pytest in it: the `pg_url` fixture (tests/conftest.py) runs it on first use.
set -euo pipefail

if (($# == 0)); then echo "usage: $0 CMD [ARGS...]" >&2; exit 2; fi

# Find initdb/pg_ctl: on PATH, else Debian's newest /usr/lib/postgresql/<version>/bin.
pgbin=""
if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then
    pgbin=$(dirname "$(command -v initdb)")
else
    pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
fi
if [[ -z $pgbin || ! -x $pgbin/initdb ]]; then
    if [[ ${CI:-} == true ]]; then
        echo "with-postgres: PostgreSQL not found and CI=true; run scripts/bootstrap.sh test" >&2
        exit 1
    fi
    echo "with-postgres: PostgreSQL not found; running without CITYDESK_TEST_PG_URL (PG tests skip)" >&2
    exec "$@"
fi

# As root, the server must run as `postgres` (initdb refuses root).
as_pg=()
if [[ $(id -u) -eq 0 ]]; then as_pg=(runuser -u postgres --); fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/citydesk-pg.XXXXXX")
if ((${#as_pg[@]})); then chown postgres:postgres "$dir"; fi

# Run a PostgreSQL tool from inside $dir (so `postgres` never needs to read our cwd).
pg() { (cd "$dir" && "${as_pg[@]}" "$pgbin/$1" "${@:2}"); }

cleanup() {
    if [[ -e $dir/data/postmaster.pid ]]; then pg pg_ctl -D "$dir/data" -m fast -w stop >/dev/null || true; fi
    rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

pg initdb -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null

# Pick a free port; retry in the unlikely case someone grabs it first.
started=""
for _ in 1 2 3; do
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    if pg pg_ctl -D "$dir/data" -l "$dir/log" -w \
          -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off" start >/dev/null; then
        started=yes
        break
    fi
done
if [[ -z $started ]]; then
    echo "with-postgres: PostgreSQL did not start; its log:" >&2
    cat "$dir/log" >&2 || true
    exit 1
fi

export CITYDESK_TEST_PG_URL="postgresql+psycopg://postgres@127.0.0.1:$port/postgres"
echo "with-postgres: PostgreSQL at 127.0.0.1:$port (stopped afterwards)" >&2
set +e
"$@"
rc=$?
exit $rc
