"""How other apps add to an activity's page without activities importing them.

Dependencies point one way (activities <- coproduction). Co-production registers a function in
its AppConfig.ready() that says which of its suggestions an activity started from; activities
only calls what is registered.
"""

_idea_sources = []


def register_idea_source(func):
    """`func(request, activity) -> list[dict]`, each dict with `code` (a receipt code), `url`
    (a page this person may open, or None), `owner_id` and `needs_update` (the activity has
    moved to a pilot or is running, and the idea's answer has not caught up)."""
    if func not in _idea_sources:
        _idea_sources.append(func)
    return func


def ideas_for(request, activity):
    items = []
    for source in _idea_sources:
        items.extend(source(request, activity))
    return items
