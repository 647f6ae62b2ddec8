"""Recurring problems read exact figures only for the candidates whose upper bound could still place
them in the list, and the list is the same as reading everyone's exact figures."""

from __future__ import annotations

import random

from citydesk.reports.metrics.recurring import EXACT_BATCH, rank, top_by_bounds
from citydesk.reports.model import RecurringProblem


def _people(count: int, seed: int) -> dict[str, RecurringProblem]:
    rng = random.Random(seed)
    out = {}
    for i in range(count):
        n = rng.randint(3, 40)
        out[f"r{i}"] = RecurringProblem("requester", f"Person {i:03d}", n, rng.randint(0, n), (f"N-{i}",))
    return out


def test_the_list_equals_the_exact_list_and_reads_few_candidates() -> None:
    for seed in range(20):
        people = _people(EXACT_BATCH * 5, seed)
        rng = random.Random(seed)
        # an upper bound: the exact count, or more (reporters added to older tickets later)
        bounds = [(key, p.count + rng.choice((0, 0, 0, 1, 5))) for key, p in people.items()]
        asked: list[str] = []

        def exact(
            keys: list[str], people: dict[str, RecurringProblem] = people, asked: list[str] = asked
        ) -> list:
            asked.extend(keys)
            return [people[k] for k in keys]

        found = top_by_bounds(bounds, exact, 8)
        assert found == sorted(people.values(), key=rank)[:8]
        assert len(asked) < len(people)  # the bounds spared most of the exact reading


def test_ties_at_the_last_place_are_read_before_stopping() -> None:
    # Everyone's bound equals the 8th count: all must be read (a later one may rank first on open_now).
    people = {
        f"r{i}": RecurringProblem("requester", f"P{i:03d}", 5, i % 7, ()) for i in range(EXACT_BATCH * 2)
    }
    found = top_by_bounds([(k, 5) for k in people], lambda keys: [people[k] for k in keys], 8)
    assert found == sorted(people.values(), key=rank)[:8]


def test_fewer_candidates_than_places_lists_them_all() -> None:
    people = _people(3, 1)
    found = top_by_bounds(
        [(k, p.count) for k, p in people.items()], lambda keys: [people[k] for k in keys], 8
    )
    assert found == sorted(people.values(), key=rank)
