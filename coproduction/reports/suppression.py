"""Small-number suppression for everything the steering group sees.

The rule (docs/reports.md explains it in plain English):

1. Primary: a count from 1 to 4 is shown as "fewer than 5". Zero is shown as 0.
2. Secondary: in a group of counts that add up to a total someone can see, the hidden counts
   must not be recoverable from the total and the counts that are shown. We say a group is
   protected when, for every count hidden under rule 1, each of 1, 2, 3 and 4 is still
   possible given the total, every shown count, and the fact that a count hidden under this
   rule is 5 or more. While a group is not protected we also hide its smallest shown non-zero
   count ("not shown"); someone who knows the rule knows such a count is no larger than any
   count of 5 or more still shown, and the test of protection uses that. If hiding every
   non-zero count still does not protect it:
   - when the total is not printed anywhere else, we hide the total instead and keep the other
     counts;
   - when it is (a headline figure), we hide the whole breakdown, zeros included.
   Under a total of fewer than 5, three or more non-zero counts are all hidden ("not shown"):
   four of them could only be 1 each.
3. An average or a median is shown only when it rests on 5 or more (women, suggestions), and
   only when the figures it is made from are shown.
4. A share is shown as a percentage only when neither the part nor the rest is 1 to 4; else it
   says "fewer than 5" or "all but fewer than 5".

Counts of sessions, activities and key workers describe the service, not the women, and are
shown as they are.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

SMALL_BELOW = 5
SHOWN, SMALL, HIDDEN = "shown", "small", "hidden"


def fewer_than_text():
    return _("fewer than %(n)s") % {"n": SMALL_BELOW}


def not_shown_text():
    return _("not shown")


@dataclass(frozen=True)
class Figure:
    """A number as the report shows it. `value` is None whenever the number is not shown."""

    value: int | None
    text: str
    state: str = SHOWN

    @property
    def shown(self):
        return self.state == SHOWN


def is_small(n):
    return 0 < n < SMALL_BELOW


def count(n):
    """One count with rule 1 applied."""
    if is_small(n):
        return Figure(None, fewer_than_text(), SMALL)
    return Figure(n, f"{n:,}")


def _hidden():
    return Figure(None, not_shown_text(), HIDDEN)


def _order(values, key):
    """The order rule 2 hides counts of 5 or more in: smallest first, then by key."""
    return (values[key], str(key))


def _most_hidden_under_rule_2(values, hidden, key):
    """The most a count hidden under rule 2 can be, as someone who knows the rule sees it: the
    rule hides the smallest first, so it is no larger than any count of 5 or more still shown
    (and smaller than one it would have come after). None when no such count is shown."""
    shown = [k for k in values if k not in hidden and values[k] >= SMALL_BELOW]
    if not shown:
        return None
    limit = min(shown, key=lambda k: _order(values, k))
    return values[limit] if str(key) < str(limit) else values[limit] - 1


def is_protected(values, hidden):
    """True when no count hidden under rule 1 can be narrowed below 1..4 (see the module)."""
    small = [key for key in hidden if is_small(values[key])]
    if not small:
        return True
    others = [key for key in hidden if not is_small(values[key])]
    total_hidden = sum(values[key] for key in hidden)
    # Bounds on what the *other* hidden counts add up to, as someone reading the table sees it.
    least_others = (len(small) - 1) * 1 + len(others) * SMALL_BELOW
    most = [_most_hidden_under_rule_2(values, hidden, key) for key in others]
    most_others = (
        None if None in most else (len(small) - 1) * (SMALL_BELOW - 1) + sum(m or 0 for m in most)
    )
    lowest = 1 if most_others is None else max(1, total_hidden - most_others)
    highest = min(SMALL_BELOW - 1, total_hidden - least_others)
    return lowest == 1 and highest == SMALL_BELOW - 1


def protect(values, *, total_fixed=True):
    """Rules 1 and 2 for one group {key: count}. Returns ({key: Figure}, total Figure).

    `total_fixed`: the total is printed elsewhere (a headline), so hide cells rather than it.
    """
    total = sum(values.values())
    hidden = {key for key, n in values.items() if is_small(n)}
    if is_small(total) and len(hidden) >= SMALL_BELOW - 2:
        # Four counts of at least 1 under a total of fewer than 5 can only be 1 each; hiding
        # them from three on means the hidden breakdown does not say that either.
        return {key: _hidden() for key in values}, count(total)
    if not hidden or is_small(total):
        # Nothing hidden, or the total itself is "fewer than 5": no exact sum to work from.
        return {key: count(n) for key, n in values.items()}, count(total)
    candidates = sorted(
        (key for key, n in values.items() if n >= SMALL_BELOW), key=lambda k: _order(values, k)
    )
    while not is_protected(values, hidden) and candidates:
        hidden.add(candidates.pop(0))
    if is_protected(values, hidden):
        cells = {
            key: (count(n) if is_small(n) else _hidden()) if key in hidden else count(n)
            for key, n in values.items()
        }
        return cells, count(total)
    if not total_fixed:
        return {key: count(n) for key, n in values.items()}, _hidden()
    return {key: _hidden() for key in values}, count(total)


def share(part, whole):
    """Rule 4: '83 (83%)', 'fewer than 5', 'all but fewer than 5', or a dash for nothing."""
    if whole == 0:
        return "–"
    if is_small(whole):
        return fewer_than_text()
    if is_small(part):
        return fewer_than_text()
    if is_small(whole - part):
        return _("all but %(few)s") % {"few": fewer_than_text()}
    return f"{part:,} ({round(100 * part / whole)}%)"


def percent_share(part, whole):
    """Rule 4 for a share printed on its own (the part and whole are not printed)."""
    if whole == 0:
        return "–"
    if is_small(whole) or is_small(part) or is_small(whole - part):
        return not_shown_text()
    return f"{round(100 * part / whole)}%"


def average(value, based_on, *, unit=""):
    """Rule 3: the average, or a short reason it is not shown."""
    if value is None or based_on == 0:
        return "–"
    if based_on < SMALL_BELOW:
        return _("not shown (fewer than %(n)s)") % {"n": SMALL_BELOW}
    number = f"{value:,.1f}".rstrip("0").rstrip(".") if isinstance(value, float) else f"{value:,}"
    return f"{number}{unit}"
