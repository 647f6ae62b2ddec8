"""`citydesk setting list` and `citydesk setting set KEY VALUE`: the city's settings of a standalone office
(holidays, opening hours, date order, working language, the city's phone for receipts, its name and zone).

    citydesk setting list [--database PATH]
    citydesk setting set KEY VALUE [--user ADMIN] [--database PATH]

A change is authored by --user (an active admin of this database) or, without it, by the system user as
the office's setup rows are. Once the database is connected, the city's server holds the settings
(`citydesk-server setting set`) and this command refuses, saying so.
"""

from __future__ import annotations

import argparse

from citydesk.cli.common import database_arg, open_existing, setup_actor, setup_admin_arg
from citydesk.domain.city_settings import KEYS, setting_text


def add_settings_parsers(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `setting list` and `setting set` to the `citydesk` parser."""
    setting = subparsers.add_parser("setting", help="the city's settings (holidays, hours, language…)")
    actions = setting.add_subparsers(dest="setting_command", required=True)
    show = actions.add_parser("list", help="show the city's settings", description="The city's settings.")
    database_arg(show)
    show.set_defaults(handler=cmd_setting_list)
    change = actions.add_parser(
        "set",
        help="change one city setting",
        description="Change one city setting of this office database (a standalone office; a connected "
        "city changes them on its server with `citydesk-server setting set`).",
    )
    change.add_argument("key", metavar="KEY", help=", ".join(KEYS))
    change.add_argument("value", metavar="VALUE", help='e.g. holidays "2026-12-25, 2027-01-01"; opens 07:30')
    setup_admin_arg(change)
    database_arg(change)
    change.set_defaults(handler=cmd_setting_set)


def cmd_setting_list(args: argparse.Namespace) -> int:
    """Print every setting with what it takes."""
    from citydesk.store.settings import load_settings

    db = open_existing(args, read_only=True)
    try:
        with db.read() as session:
            values = load_settings(session)
    finally:
        db.close()
    for key, what in KEYS.items():
        print(f"{key} = {setting_text(values.get(key))}    # {what}")
    return 0


def cmd_setting_set(args: argparse.Namespace) -> int:
    """Change one setting; prints what is stored now."""
    from citydesk.services.setup import change_city_setting

    db = open_existing(args, read_only=False)
    try:
        actor = setup_actor(db, args)
        value = change_city_setting(db, actor=actor, key=args.key, value=args.value)
    finally:
        db.close()
    print(f"{args.key.strip().lower()} = {setting_text(value)}")
    return 0
