"""Small-number suppression: the rule, and an attacker who knows it and tries every possibility."""

import itertools
import random

import pytest

from coproduction.reports import suppression as s

MAX_VALUE = 14  # large enough that "5 or more" has room, small enough to try everything


def _possible(cell, *, everything_hidden):
    """What someone reading the table knows a cell could be."""
    if cell.state == s.SHOWN:
        return [cell.value]
    if cell.state == s.SMALL:
        return [1, 2, 3, 4]
    if everything_hidden:
        return list(range(MAX_VALUE + 1))
    return list(range(5, MAX_VALUE + 1))  # hidden under rule 2: 5 or more


def _shown_as(cells, total):
    return ({key: (cell.state, cell.text) for key, cell in cells.items()}, total.text)


def _attack(values):
    """Every value each cell could have, given the shown cells, the total and the rule. The
    attacker knows the rule itself: she runs it on every group the table could have come from
    and keeps those that would be shown exactly as this one is (which cells are hidden, and
    under which rule, says something about their size)."""
    cells, total = s.protect(values)
    shown_as = _shown_as(cells, total)
    keys = list(values)
    everything_hidden = all(cells[k].state == s.HIDDEN for k in keys)
    options = [_possible(cells[k], everything_hidden=everything_hidden) for k in keys]
    seen = {k: set() for k in keys}
    for combination in itertools.product(*options):
        if total.shown and sum(combination) != total.value:
            continue
        if total.state == s.SMALL and not 1 <= sum(combination) <= 4:
            continue
        world = dict(zip(keys, combination, strict=True))
        if _shown_as(*s.protect(world)) != shown_as:
            continue
        for key, value in world.items():
            seen[key].add(value)
    return cells, total, seen


def test_counts_from_one_to_four_are_fewer_than_five():
    assert [s.count(n).text for n in range(7)] == [
        "0",
        "fewer than 5",
        "fewer than 5",
        "fewer than 5",
        "fewer than 5",
        "5",
        "6",
    ]
    assert s.count(3).value is None and s.count(1234).text == "1,234"


def test_one_small_cell_hides_the_next_smallest_too():
    cells, total = s.protect({"a": 3, "b": 40, "c": 12, "d": 0})
    assert cells["a"].text == "fewer than 5"
    assert cells["c"].text == "not shown" and cells["c"].value is None
    assert cells["b"].text == "40" and cells["d"].text == "0"
    assert total.text == "55"


def test_two_small_cells_that_pin_each_other_down_hide_another():
    # 1 + 1 = 2 would say both are exactly 1.
    cells, _total = s.protect({"a": 1, "b": 1, "c": 30, "d": 9})
    assert cells["d"].state == s.HIDDEN and cells["c"].shown


def test_two_small_cells_that_could_be_anything_are_enough():
    cells, _total = s.protect({"a": 2, "b": 3, "c": 30})
    assert cells["c"].shown and cells["a"].state == cells["b"].state == s.SMALL


def test_a_total_only_just_above_the_hidden_cells_hides_the_whole_breakdown():
    # 1 + 5 = 6: hiding the 5 as well would still say the small one is exactly 1.
    cells, total = s.protect({"a": 1, "b": 5})
    assert {cell.state for cell in cells.values()} == {s.HIDDEN}
    assert total.text == "6"


def test_a_total_not_printed_elsewhere_is_hidden_instead():
    cells, total = s.protect({"a": 1, "b": 5}, total_fixed=False)
    assert total.state == s.HIDDEN
    assert cells["a"].state == s.SMALL and cells["b"].text == "5"


def test_a_small_total_is_fewer_than_five_and_so_are_its_parts():
    cells, total = s.protect({"a": 3, "b": 0})
    assert total.text == "fewer than 5" and cells["a"].state == s.SMALL and cells["b"].text == "0"


def test_three_or_more_small_counts_under_a_small_total_are_not_shown():
    # Four counts of at least 1 that add up to fewer than 5 can only be 1 each; hidden from
    # three on, a hidden breakdown does not give that away either.
    for values in ({"a": 1, "b": 1, "c": 1, "d": 1}, {"a": 1, "b": 2, "c": 1, "d": 0}):
        cells, total = s.protect(values)
        assert {cell.state for cell in cells.values()} == {s.HIDDEN}
        assert total.text == "fewer than 5"
    cells, _total = s.protect({"a": 1, "b": 2, "c": 0})
    assert cells["a"].state == cells["b"].state == s.SMALL and cells["c"].text == "0"


def test_a_count_hidden_as_the_next_smallest_says_how_large_it_can_be():
    """4, 5, 5 (total 14): hiding the 4 and one 5 is not enough, as the rule hides the smallest
    first: the hidden one cannot be more than the 5 still shown, so the small one is 4."""
    cells, total = s.protect({"a": 4, "b": 5, "c": 5})
    assert {cell.state for cell in cells.values()} == {s.SMALL, s.HIDDEN}
    assert not any(cell.shown for cell in cells.values()) and total.text == "14"


def test_nothing_is_hidden_when_nothing_is_small():
    cells, total = s.protect({"a": 0, "b": 5, "c": 99})
    assert all(cell.shown for cell in cells.values()) and total.value == 104


@pytest.mark.parametrize("seed", range(6))
def test_no_hidden_count_can_be_worked_out_from_what_is_shown(seed):
    """Property: for many random groups, someone who knows the rule, the total and every shown
    count still finds at least two possible values for every count from 1 to 4."""
    rng = random.Random(seed)
    for _round in range(80):
        size = rng.randint(1, 5)
        values = {f"k{i}": rng.choice([0, 0, 1, 2, 3, 4, 5, 6, 7, 9, 12]) for i in range(size)}
        cells, _total, seen = _attack(values)
        for key, value in values.items():
            assert value in seen[key], (values, key)  # the attacker's model is right
            if 1 <= value <= 4:
                assert len(seen[key]) >= 2, f"{values}: {key} can be worked out ({seen[key]})"
            if cells[key].shown:
                assert cells[key].value == value


def test_every_group_of_up_to_three_cells_is_safe():
    """Exhaustively, for three cells of 0 to 9."""
    for triple in itertools.product(range(10), repeat=3):
        values = dict(zip("abc", triple, strict=True))
        _cells, _total, seen = _attack(values)
        for key, value in values.items():
            if 1 <= value <= 4:
                assert len(seen[key]) >= 2, f"{values}: {key} can be worked out"


def test_shares_never_give_away_a_small_part_or_rest():
    assert s.share(83, 100) == "83 (83%)"
    assert s.share(3, 100) == "fewer than 5"
    assert s.share(97, 100) == "all but fewer than 5"
    assert s.share(100, 100) == "100 (100%)"
    assert s.share(0, 100) == "0 (0%)"
    assert s.share(2, 3) == "fewer than 5"
    assert s.share(0, 0) == "–"


def test_averages_rest_on_five_or_more():
    assert s.average(3.25, 4) == "not shown (fewer than 5)"
    assert s.average(3.25, 5) == "3.2" or s.average(3.25, 5) == "3.3"
    assert s.average(12, 5, unit=" days") == "12 days"
    assert s.average(None, 0) == "–"
