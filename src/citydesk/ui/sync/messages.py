"""Every sync failure and refused change in a clerk's words (translated), with what to do next."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication


def tr(text: str) -> str:
    """Translate in the "SyncMessages" context."""
    return QCoreApplication.translate("SyncMessages", text)


@dataclass(frozen=True, slots=True)
class FailureText:
    """A failed sync for the person at the PC: the status bar's short `status`, the one-time `message`;
    `reached` whether the server answered; `retry` whether background sync goes on."""

    kind: str
    status: str
    message: str
    reached: bool
    retry: bool


def failure_text(kind: str, detail: str = "") -> FailureText:
    """The words for a failure kind (see `citydesk.jobs.background_sync.failure_kind`)."""
    kept = tr("Everything you did on this PC is kept here; nothing is lost.")
    table = {
        "busy": (tr("Another sync is running"), tr("Another sync of this database is running; citydesk "
                 "tries again in a moment."), True, True),
        "cancelled": (tr("Sync stopped"), tr("The sync was stopped; what had arrived is saved."), True, True),
        "not_connected": (tr("Not connected to the city's server"),
                          tr("This database is not connected to the city's server."), False, False),
        "certificate": (tr("Offline: the server's certificate is not trusted"),
                        tr("This PC does not trust the city's server's security certificate, so nothing was "
                           "sent. {0} Ask IT for the city's certificate file.").format(kept), False, True),
        "offline": (tr("Offline: the server cannot be reached"),
                    tr("The city's server cannot be reached right now (no network, or the server is down). "
                       "{0} citydesk keeps trying and sends your changes when it can.").format(kept),
                    False, True),
        "revoked": (tr("This PC may no longer sync"),
                    tr("The city's server no longer accepts this PC (it was removed, or its access was "
                       "withdrawn). {0} Changes not yet sent stay waiting here; save them with File → Save "
                       "unsent changes…, and ask the city's administrator to connect this PC again: they "
                       "are sent then.")
                    .format(kept), True, False),
        "too_old": (tr("Update citydesk to send your changes"),
                    tr("This citydesk is older than the city's server accepts, so your changes wait on "
                       "this PC (other offices' changes still arrive). {0} Ask IT to update citydesk.")
                    .format(kept),
                    True, True),
        "keyring": (tr("Cannot sync: no keyring on this PC"),
                    tr("citydesk keeps this PC's server password only in the system's keyring, and none is "
                       "available. {0} How to set one up: {1}").format(kept, detail), False, False),
    }  # fmt: skip
    fallback = (tr("The last sync failed"), tr("The sync did not finish: {0} {1}").format(detail, kept))
    status, message, reached, retry = table.get(kind, (*fallback, False, True))
    return FailureText(kind, status, message, reached, retry)


def connect_failure_text(kind: str, url: str, detail: str = "") -> str:
    """Why connecting failed, with what to do next (see `connect_failure_kind`)."""
    texts = {
        "code": tr("The server did not accept this code: it may be mistyped, already used or expired. "
                   "Ask the city's administrator for a new one-time code."),
        "certificate": tr("This PC does not trust the server's security certificate. Ask IT for the city's "
                          "certificate file, choose it under \"Certificate file\", then try again."),
        "offline": tr("citydesk could not reach the server at {0}. Check the address, and that this PC is on "
                      "the network (can it open web pages?), then try again.").format(url),
        "too_many": tr("Too many codes were tried from this PC. Wait a few minutes, then try again."),
        "too_old": tr("This citydesk is older than the city's server accepts. "
                      "Ask IT to update citydesk first."),
        "keyring": tr("This PC has no safe place to keep its server password (the system's keyring), so the "
                      "code was not used. How to set one up: {0}").format(detail),
        "refused": detail,
    }  # fmt: skip
    return texts.get(kind, tr("Connecting did not work: {0}").format(detail))


_WHAT = {
    "timeline_entry": QT_TRANSLATE_NOOP("SyncMessages", "A change to a ticket"),
    "ticket": QT_TRANSLATE_NOOP("SyncMessages", "A new ticket"),
    "contact_log": QT_TRANSLATE_NOOP("SyncMessages", "A counted contact"),
    "requester": QT_TRANSLATE_NOOP("SyncMessages", "A change to a requester"),
    "address": QT_TRANSLATE_NOOP("SyncMessages", "A change to an address"),
    "receipt_text": QT_TRANSLATE_NOOP("SyncMessages", "A change to a receipt text"),
}


def rejected_text(table: str, reason: str) -> str:
    """One refused change in plain words: what it was, why, and that it is kept here."""
    found = _WHAT.get(table)
    what = tr(found) if found else tr("A change")
    return tr("{0} was refused by the city's server: {1}. It is kept on this PC.").format(
        what, (reason or tr("no reason given")).rstrip(".")
    )
