"""`citydesk user rename OLD NEW`: rename a user of a standalone office (for example before the city's
server adopts it, when a user name is already taken there).

    citydesk user rename OLD NEW [--user ADMIN] [--database PATH]

The change is authored by --user (an active admin of this database) or, without it, by the system user
as the office's setup rows are. Refused once the database is connected to a server.
"""

from __future__ import annotations

import argparse

from citydesk.cli.common import database_arg, open_existing, setup_actor, setup_admin_arg


def add_users_parsers(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `user rename` to the `citydesk` parser."""
    user = subparsers.add_parser("user", help="users of this office database")
    actions = user.add_subparsers(dest="user_command", required=True)
    rename = actions.add_parser(
        "rename",
        help="give a user another user name (before the office is adopted by the city's server)",
        description="Give a user another user name. Used before `citydesk connect --adopt` when the city's "
        "server already has a user of that name. Refused once this database is connected.",
    )
    rename.add_argument("old", metavar="OLD", help="the user name now")
    rename.add_argument("new", metavar="NEW", help="the new user name")
    setup_admin_arg(rename)
    database_arg(rename)
    rename.set_defaults(handler=cmd_user_rename)


def cmd_user_rename(args: argparse.Namespace) -> int:
    """Rename one user; prints what was done."""
    from citydesk.services.users import rename_user

    db = open_existing(args, read_only=False)
    try:
        actor = setup_actor(db, args)
        rename_user(db, actor=actor, old=args.old, new=args.new)
    finally:
        db.close()
    print(f"User {args.old.strip().lower()} is now {args.new.strip().lower()}.")
    return 0
