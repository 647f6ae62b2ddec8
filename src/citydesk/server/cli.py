"""`citydesk-server`: run the sync server and administer it (offices, users, devices).

Every command takes `--database-url` (default: $CITYDESK_SERVER_DATABASE_URL; a plain file path means
an SQLite file). Bad input prints one clear line on stderr and exits 1; usage errors exit 2.
"""

from __future__ import annotations

import argparse
import getpass
import os
import ssl
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from citydesk import __version__
from citydesk.domain.city_settings import KEYS as CITY_SETTING_KEYS
from citydesk.domain.city_settings import setting_text
from citydesk.domain.errors import CitydeskError
from citydesk.domain.passwords import PASSWORD_MIN
from citydesk.server import admin, ops
from citydesk.server.db import URL_ENV, default_url


class UsageError(CitydeskError):
    """A command given without something it needs."""


def _url(args: argparse.Namespace) -> str:
    url: str | None = args.database_url or default_url()
    if not url:
        raise UsageError(
            f"Give --database-url (for example sqlite+pysqlite:///server.sqlite) or set {URL_ENV}."
        )
    return url


def _password(given: str | None, who: str) -> str:
    """The password given, or asked for twice on the terminal."""
    if given is not None:
        return given
    first = getpass.getpass(f"Password for {who} (at least {PASSWORD_MIN} characters): ")
    if getpass.getpass("Again: ") != first:
        raise UsageError("The two passwords differ; nothing was changed.")
    return first


def _tls_files(args: argparse.Namespace) -> dict[str, str]:
    """uvicorn's TLS options from --certfile/--keyfile (both or neither; readable files)."""
    if (args.certfile is None) != (args.keyfile is None):
        raise UsageError("Give both --certfile and --keyfile for TLS (or neither to serve plain HTTP).")
    if args.certfile is None:
        return {}
    for what, given in (("certificate", args.certfile), ("key", args.keyfile)):
        if not Path(given).is_file():
            raise UsageError(f"The TLS {what} file {given} does not exist.")
        if not os.access(given, os.R_OK):
            raise UsageError(f"The TLS {what} file {given} cannot be read by this user.")
    try:
        ssl.create_default_context(ssl.Purpose.CLIENT_AUTH).load_cert_chain(args.certfile, args.keyfile)
    except (ssl.SSLError, ValueError) as exc:
        raise UsageError(
            f"The TLS certificate {args.certfile} and key {args.keyfile} do not load together ({exc})."
        ) from None
    return {"ssl_certfile": str(args.certfile), "ssl_keyfile": str(args.keyfile)}


def cmd_serve(args: argparse.Namespace) -> int:
    """Run the server with uvicorn until stopped (HTTPS with --certfile/--keyfile)."""
    import uvicorn

    from citydesk.server import logs
    from citydesk.server.app import create_app

    tls = _tls_files(args)
    url = _url(args)
    with ops.serving_lock(url):
        app = create_app(url)
        logs.configure(args.log_level)
        uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level, **tls)  # type: ignore[arg-type]
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    """Copy the SQLite database while the server runs (PostgreSQL: pg_dump)."""
    target = ops.backup(_url(args), Path(args.to))
    print(f"Backup written to {target}.")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    """Put a backup in place (server stopped) and start a new epoch."""
    done = ops.restore(_url(args), Path(args.backup))
    if done.kept is not None:
        print(f"The previous database was kept as {done.kept}.")
    print(f"Restored {args.backup} to {done.database}; new epoch {done.epoch}. Start the server again: "
          "offices re-send what the backup lacks at their next sync.")  # fmt: skip
    return 0


def cmd_init(args: argparse.Namespace) -> int:
    """Create the server database with the city settings and the first admin."""
    password = _password(args.password, args.admin)
    epoch = admin.init_server(
        _url(args), city=args.city, time_zone=args.time_zone, admin=args.admin, password=password,
        working_language=args.working_language,
    )  # fmt: skip
    print(f"The server for {args.city} is set up (epoch {epoch}); the admin is {args.admin.lower()}.")
    return 0


def cmd_setting_list(args: argparse.Namespace) -> int:
    """Print the city's settings, one a line."""
    values = admin.city_settings(_url(args))
    for key, what in CITY_SETTING_KEYS.items():
        print(f"{key} = {setting_text(values.get(key))}    # {what}")
    return 0


def cmd_setting_set(args: argparse.Namespace) -> int:
    """Change one city setting."""
    value = admin.set_city_setting(_url(args), key=args.key, value=args.value)
    print(f"{args.key.strip().lower()} = {setting_text(value)}; every office receives it at its next sync.")
    return 0


def cmd_office_add(args: argparse.Namespace) -> int:
    """Add an office."""
    admin.add_office(_url(args), code=args.code, name=args.name)
    print(f"Office {args.code.upper()} added.")
    return 0


def cmd_department_add(args: argparse.Namespace) -> int:
    """Add a department."""
    admin.add_department(_url(args), code=args.code, name=args.name)
    print(f"Department {args.code.upper()} added.")
    return 0


def cmd_category_add(args: argparse.Namespace) -> int:
    """Add a category."""
    admin.add_category(_url(args), name=args.name, department=args.department, target_days=args.target_days)
    print(f"Category {args.name!r} added.")
    return 0


def cmd_user_add(args: argparse.Namespace) -> int:
    """Add a user."""
    password = _password(args.password, args.username)
    admin.add_user(
        _url(args),
        username=args.username,
        display_name=args.display_name,
        role=args.role,
        office=args.office,
        department=args.department,
        password=password,
    )
    print(f"User {args.username.lower()} added.")
    return 0


def cmd_user_disable(args: argparse.Namespace) -> int:
    """Disable a user."""
    admin.disable_user(_url(args), username=args.username)
    print(f"User {args.username.lower()} disabled; changes they make from now on are refused.")
    return 0


def cmd_user_set_password(args: argparse.Namespace) -> int:
    """Set a user's password."""
    password = _password(args.password, args.username)
    admin.set_password(_url(args), username=args.username, password=password)
    print(f"Password of {args.username.lower()} set.")
    return 0


def cmd_device_enrol_code(args: argparse.Namespace) -> int:
    """Print a one-time enrolment code (alone on its line): for a PC of an office (--office), or one that
    adopts a standalone office (--adopt-office --by ADMIN)."""
    if args.adopt_office == (args.office is not None):
        raise UsageError("Give either --office CODE (a new PC of that office) or --adopt-office --by ADMIN.")
    if args.adopt_office:
        if not args.by:
            raise UsageError("An adoption code is vouched for by a server admin: give --by ADMIN_USERNAME.")
        code = admin.adoption_code(_url(args), by=args.by, expires_hours=args.expires_hours)
        print(code)
        print(
            f"(one standalone office may join with it within {args.expires_hours:g} hours, under the "
            f"authority of {args.by.lower()}: `citydesk connect URL --code CODE --adopt --database FILE`)",
            file=sys.stderr,
        )
        return 0
    if args.by:
        raise UsageError("--by goes with --adopt-office.")
    code = admin.enrol_code(_url(args), office=args.office, expires_hours=args.expires_hours)
    print(code)
    print(
        f"(one PC of {args.office.upper()} may enrol with it within {args.expires_hours:g} hours)",
        file=sys.stderr,
    )
    return 0


def cmd_device_list(args: argparse.Namespace) -> int:
    """List the enrolled devices."""
    devices = admin.list_devices(_url(args))
    if not devices:
        print("No devices are enrolled.")
    for d in devices:
        state = "revoked" if d.revoked else "active"
        synced = d.last_sync_at.isoformat(timespec="seconds") if d.last_sync_at else "never"
        print(f"{d.prefix:10} {state:8} last sync {synced:25} {d.name}  ({d.id})")
    return 0


def cmd_device_revoke(args: argparse.Namespace) -> int:
    """Revoke a device."""
    device_id = admin.revoke_device(_url(args), device=args.device)
    print(f"Device {device_id} revoked; it can no longer sync.")
    return 0


def cmd_new_epoch(args: argparse.Namespace) -> int:
    """Start a new epoch after restoring the database from a backup."""
    epoch = admin.new_epoch(_url(args))
    print(f"New epoch {epoch}: offices will re-send what this backup lacks at their next sync.")
    return 0


def cmd_device_enrol_file(args: argparse.Namespace) -> int:
    """Enrol a PC with no connection and write its enrolment file (a secret until imported)."""
    from citydesk.server.enrol_file import enrol_file

    done = enrol_file(_url(args), office=args.office, out=Path(args.out), device_name=args.name,
                      server_url=args.server_url, key_path=args.signing_key)  # fmt: skip
    print(f"Enrolled {done.number_prefix} (office {done.office_code}); its enrolment file is {done.path}.")
    print(
        "The file is a SECRET until it is imported: whoever holds it can sync as this PC. Carry it to the "
        "PC, run `citydesk connect --enrol-file FILE` there, then delete the file.",
        file=sys.stderr,
    )
    return 0


def cmd_exchange(args: argparse.Namespace) -> int:
    """Apply an office's sync file and write the reply to carry back."""
    from citydesk.server.exchange import exchange

    done = exchange(_url(args), Path(args.in_file), Path(args.out), key_path=args.signing_key)
    what = "a full copy of the city's data" if done.snapshot else f"{done.sent} change(s) from other PCs"
    print(f"From {done.device_name}: {done.accepted} change(s) accepted, {done.rejected} refused.")
    if done.clock_ahead:
        print(f"Nothing from {done.device_name} was applied: its clock runs ahead of the server's. The reply "
              "tells it to correct its changes' times; they come with its next file.")  # fmt: skip
    print(f"Reply written to {done.reply} with {what}; carry it back to the office.")
    return 0


def cmd_signing_key(args: argparse.Namespace) -> int:
    """Create the signing key for sync by file if missing; print its public fingerprint (never the key)."""
    from citydesk.server.signing import key_path, load_key

    key = load_key(key_path(_url(args), args.signing_key))
    print(f"Signing key {key.path}: public key {key.fingerprint}")
    return 0


def _signing_key_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--signing-key",
        default=None,
        metavar="PATH",
        help="the server's signing key for sync by file (default: $CITYDESK_SERVER_SIGNING_KEY, or beside "
        "the SQLite database); created with mode 0600 when missing",
    )


def _command(
    sub: argparse._SubParsersAction, name: str, run: Callable[[argparse.Namespace], int], help_text: str
) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(name, help=help_text, description=help_text)
    parser.add_argument("--database-url", help=f"the server database (default: ${URL_ENV})")
    parser.set_defaults(run=run)
    return parser


def build_parser() -> argparse.ArgumentParser:
    """The `citydesk-server` argument parser."""
    parser = argparse.ArgumentParser(prog="citydesk-server", description="The citydesk sync server.")
    parser.add_argument("--version", action="version", version=f"citydesk-server {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    serve = _command(sub, "serve", cmd_serve, "run the sync server")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8311)
    serve.add_argument(
        "--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"]
    )
    serve.add_argument("--certfile", help="TLS certificate chain (PEM); serves HTTPS with --keyfile")
    serve.add_argument("--keyfile", help="TLS private key (PEM) of --certfile")

    backup = _command(sub, "backup", cmd_backup, "copy the SQLite database while the server runs")
    backup.add_argument("--to", required=True, help="the backup file to create (must not exist)")
    restore = _command(
        sub, "restore", cmd_restore, "put a backup in place (stop the server first); starts a new epoch"
    )
    restore.add_argument("backup", help="a file made by `citydesk-server backup`")

    init = _command(sub, "init", cmd_init, "set up a new server database")
    init.add_argument("--city", required=True)
    init.add_argument("--time-zone", required=True, help="IANA name, e.g. America/Chicago")
    init.add_argument("--admin", required=True, help="user name of the first admin")
    init.add_argument("--password", help="the admin's password (asked for when omitted)")
    init.add_argument("--working-language", help="the city's working language for the weekly report and "
                      "CSV exports: en (the default) or es")  # fmt: skip

    setting = sub.add_parser("setting", help="city settings (holidays, hours, language…)").add_subparsers(
        dest="action", required=True
    )
    _command(setting, "list", cmd_setting_list, "show the city's settings")
    set_one = _command(setting, "set", cmd_setting_set, "change one city setting (offices get it at their "
                       "next sync)")  # fmt: skip
    set_one.add_argument("key", help=", ".join(CITY_SETTING_KEYS))
    set_one.add_argument("value", help='the new value, e.g. holidays "2026-12-25, 2027-01-01" or opens 07:30')

    office = sub.add_parser("office", help="offices").add_subparsers(dest="action", required=True)
    add = _command(office, "add", cmd_office_add, "add an office")
    add.add_argument("--code", required=True, help="2 to 5 letters, e.g. CLK")
    add.add_argument("--name", required=True)

    department = sub.add_parser("department", help="departments").add_subparsers(dest="action", required=True)
    add = _command(department, "add", cmd_department_add, "add a department")
    add.add_argument("--code", required=True)
    add.add_argument("--name", required=True)

    category = sub.add_parser("category", help="request categories").add_subparsers(
        dest="action", required=True
    )
    add = _command(category, "add", cmd_category_add, "add a category")
    add.add_argument("--name", required=True)
    add.add_argument("--department", required=True, help="the owning department's code")
    add.add_argument("--target-days", type=int, default=5, help="target in business days (default 5)")

    user = sub.add_parser("user", help="users").add_subparsers(dest="action", required=True)
    add = _command(user, "add", cmd_user_add, "add a user")
    add.add_argument("--username", required=True)
    add.add_argument("--display-name", required=True)
    add.add_argument("--role", required=True, choices=[r.value for r in admin.USER_ROLES])
    add.add_argument("--office", help="office code")
    add.add_argument("--department", help="department code")
    add.add_argument("--password", help="asked for when omitted")
    disable = _command(user, "disable", cmd_user_disable, "disable a user")
    disable.add_argument("username")
    password = _command(user, "set-password", cmd_user_set_password, "set a user's password")
    password.add_argument("username")
    password.add_argument("--password", help="asked for when omitted")

    device = sub.add_parser("device", help="enrolled PCs").add_subparsers(dest="action", required=True)
    code = _command(device, "enrol-code", cmd_device_enrol_code, "print a one-time enrolment code")
    code.add_argument("--office", help="office code (a new PC of that office)")
    code.add_argument("--adopt-office", action="store_true",
                      help="a code that adopts an office which ran standalone (with --by)")  # fmt: skip
    code.add_argument("--by", metavar="ADMIN_USERNAME", help="the server admin who vouches for the adoption")
    code.add_argument("--expires-hours", "--hours", type=float, default=24.0)
    enrol_help = "enrol a PC with no connection: write its enrolment file (a secret until imported)"
    by_file = _command(device, "enrol-file", cmd_device_enrol_file, enrol_help)
    by_file.add_argument("--office", required=True, help="office code")
    by_file.add_argument(
        "--out", required=True, metavar="FILE", help="the enrolment file to write (must not exist)"
    )
    by_file.add_argument("--name", default="field PC", metavar="PC", help="the PC's name (default: field PC)")
    by_file.add_argument(
        "--server-url",
        default=None,
        metavar="URL",
        help="the server's address (to sync over the network later)",
    )
    _signing_key_arg(by_file)
    _command(device, "list", cmd_device_list, "list enrolled PCs")
    revoke = _command(device, "revoke", cmd_device_revoke, "revoke a PC (id or OFFICE-number)")
    revoke.add_argument("device")
    exchange_help = "sync by file: apply an office's sync file and write the reply to carry back"
    exchange = _command(sub, "exchange", cmd_exchange, exchange_help)
    exchange.add_argument(
        "--in", dest="in_file", required=True, metavar="FILE", help="the office's sync file"
    )
    exchange.add_argument("--out", required=True, metavar="REPLY", help="the reply file to write")
    _signing_key_arg(exchange)
    key_help = "create the signing key for sync by file if missing and show its fingerprint"
    key = _command(sub, "signing-key", cmd_signing_key, key_help)
    _signing_key_arg(key)
    _command(sub, "new-epoch", cmd_new_epoch, "after restoring a backup: make every office re-send its work")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit code (0 done, 1 refused, 2 usage)."""
    args = build_parser().parse_args(argv)
    try:
        code: int = args.run(args)
    except CitydeskError as exc:
        print(f"citydesk-server: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return code


if __name__ == "__main__":
    sys.exit(main())
