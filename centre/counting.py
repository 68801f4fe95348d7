"""Counting rows against several tests at once: one query, one conditional count per test.

Used where a page or report wants the same count for several periods or conditions (the
report's eight quarters of headlines): a query each costs its building and a round trip each,
and scans the same rows again.
"""

from collections.abc import Sequence
from typing import Any

from django.db.models import Count, Q, QuerySet


def counts_each(
    rows: QuerySet[Any], tests: Sequence[Q], *, of: str = "pk", distinct: bool = False
) -> list[int]:
    """How many of `rows` pass each of `tests`, in order (of `of`'s distinct values, with
    `distinct`), counted in one query."""
    counts = rows.aggregate(
        **{f"c{i}": Count(of, distinct=distinct, filter=test) for i, test in enumerate(tests)}
    )
    return [counts[f"c{i}"] for i in range(len(tests))]
