"""Status-question lookups: by number, phone digits, name; the read-aloud view holds public notes only."""

from __future__ import annotations

from citydesk.services import tickets
from citydesk.services.requesters import create_requester
from citydesk.store.status import status_matches, status_view
from factories import Office


def test_lookup_by_number_phone_and_name(office: Office) -> None:
    first = tickets.create_ticket(office.db, actor=office.clerk, title="Pothole on Elm", channel="phone",
                                  requester_id=office.citizen)  # fmt: skip
    office.clock.advance(minutes=3)
    second = tickets.create_ticket(office.db, actor=office.clerk, title="Graffiti", channel="phone",
                                   requester_id=office.citizen)  # fmt: skip
    tickets.resolve(office.db, actor=office.clerk, ticket_id=second.ticket_id, reason="done",
                    public_note="Painted over.")  # fmt: skip
    other = tickets.create_ticket(office.db, actor=office.clerk, title="Noise", channel="phone",
                                  requester_id=office.spanish_citizen)  # fmt: skip
    with office.db.read() as session:
        assert [m.number for m in status_matches(session, first.number.lower())] == [first.number]
        by_phone = status_matches(session, "555.010.2000")
        assert [m.number for m in by_phone] == [first.number, second.number]  # open before resolved
        assert [m.number for m in status_matches(session, "nunez")] == [other.number]  # accents ignored
        assert status_matches(session, "   ") == []
        assert status_matches(session, "zzzz nothing") == []


def test_view_shows_public_notes_only_and_never_redacted_or_internal(office: Office) -> None:
    anonymous = create_requester(office.db, actor=office.clerk, anonymous=True).requester_id
    created = tickets.create_ticket(office.db, actor=office.clerk, title="Broken swing", channel="walk_in",
                                    requester_id=anonymous)  # fmt: skip
    tickets.add_note(office.db, actor=office.tech, ticket_id=created.ticket_id, body="Parts ordered.",
                     public=True)  # fmt: skip
    tickets.add_note(office.db, actor=office.tech, ticket_id=created.ticket_id, body="Vendor is slow.",
                     public=False)  # fmt: skip
    oops = tickets.add_note(office.db, actor=office.tech, ticket_id=created.ticket_id,
                            body="Call 555-0199 (private).", public=True)  # fmt: skip
    tickets.redact_note(office.db, actor=office.supervisor, entry_id=oops.entry_id, reason="private number")
    tickets.log_call(office.db, actor=office.tech, ticket_id=created.ticket_id, summary="Told: next week.",
                     public=True)  # fmt: skip
    with office.db.read() as session:
        view = status_view(session, created.ticket_id)
        assert status_view(session, "no-such-ticket") is None
    assert view is not None
    assert [n.body for n in view.public_notes] == ["Parts ordered.", "Told: next week."]
    assert (view.reporter_count, view.caller_name) == (1, None)  # a lookup by number names nobody
    assert view.due_at is not None and view.is_open


def shared_pothole(office: Office) -> str:
    """A pothole reported by Jane Roe (English) and then by José Núñez (Spanish)."""
    created = tickets.create_ticket(office.db, actor=office.clerk, title="Pothole on Elm", channel="phone",
                                    requester_id=office.citizen)  # fmt: skip
    office.clock.advance(minutes=10)
    tickets.add_reporter(office.db, actor=office.clerk, ticket_id=created.ticket_id,
                         requester_id=office.spanish_citizen, channel="walk_in")  # fmt: skip
    return created.ticket_id


def test_a_caller_found_by_phone_hears_only_their_own_name_in_their_language(office: Office) -> None:
    ticket_id = shared_pothole(office)
    with office.db.read() as session:
        [match] = status_matches(session, "555 010 3000")
        assert (match.caller_id, match.caller_name, match.matched_by) == (
            office.spanish_citizen, "José Núñez", "phone")  # fmt: skip
        view = status_view(session, ticket_id, caller_id=match.caller_id, matched_by=match.matched_by)
        [by_name] = status_matches(session, "jane")
        by_number = status_matches(session, view.number if view else "")
    assert view is not None
    assert (view.reporter_count, view.caller_name, view.matched_by, view.language) == (
        2, "José Núñez", "phone", "es")  # fmt: skip
    assert (by_name.caller_id, by_name.caller_name, by_name.matched_by) == (
        office.citizen, "Jane Roe", "name")  # fmt: skip
    assert [(m.caller_id, m.caller_name) for m in by_number] == [(None, None)]


def test_a_lookup_by_number_or_words_names_nobody(office: Office) -> None:
    ticket_id = shared_pothole(office)
    with office.db.read() as session:
        view = status_view(session, ticket_id)
        [by_words] = status_matches(session, "pothole elm")
        # a caller id that did not report this ticket is not named either
        stranger = status_view(session, ticket_id, caller_id="someone-else", matched_by="phone")
    assert view is not None and stranger is not None
    assert (view.reporter_count, view.caller_name, view.language) == (2, None, "en")
    assert (stranger.caller_name, stranger.matched_by) == (None, None)
    assert by_words.caller_name is None
