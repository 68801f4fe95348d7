"""The URL x role matrix: the committed table of who may reach what.

Each app has a rows module (rows_<app>.py) with:
- `ROWS`: {url name: Row}, one for every named URL the app has. A URL with no row fails the test.
- `build(world)`: optional; adds the objects its rows need (in `world.centre`) to `world`.
- `tablet_client(world)`: optional (the kiosk app); a client that is an enrolled tablet.

Outcomes: "ok" (200), "login" (redirected to sign-in), "redirect" (302 elsewhere, e.g. after a
POST that worked), or a status code such as 403, 404 or 405.
"""

from dataclasses import dataclass, field
from types import SimpleNamespace

COLUMNS = (
    "anonymous",
    "manager",
    "key_worker",
    "partner",
    "volunteer",
    "steering",
    "outsider",
    "tablet",
)
STAFF = ("manager", "key_worker", "partner")
MEMBERS = ("manager", "key_worker", "partner", "volunteer", "steering", "outsider")


def expect(default, **overrides):
    """A full column -> outcome mapping: `default` for every column not named."""
    unknown = set(overrides) - set(COLUMNS)
    if unknown:
        raise ValueError(f"unknown columns {unknown}")
    return {column: overrides.get(column, default) for column in COLUMNS}


def for_roles(
    allowed, outcome="ok", *, others=403, anonymous="login", tablet="login", outsider=None
):
    """`outcome` for the roles in `allowed`, `others` for other members of the centre.

    The outsider (a manager of another centre) gets `outsider`, by default what a manager gets
    for a page with no object in it (her own centre's page) and 404 for an object of ours.
    """
    mapping = dict.fromkeys(COLUMNS, others)
    mapping.update(dict.fromkeys(allowed, outcome))
    mapping["anonymous"] = anonymous
    mapping["tablet"] = tablet
    mapping["outsider"] = (
        outsider if outsider is not None else (outcome if "manager" in allowed else others)
    )
    return mapping


@dataclass
class Row:
    get: dict
    post: dict = None
    kwargs: object = None  # callable(world) -> dict of URL kwargs
    data: object = None  # callable(world) -> POST data; default empty
    notes: str = ""

    def url_kwargs(self, world):
        return self.kwargs(world) if self.kwargs else {}

    def post_data(self, world):
        return self.data(world) if self.data else {}


@dataclass
class World:
    centre: object
    other_centre: object
    people: dict
    extra: SimpleNamespace = field(default_factory=SimpleNamespace)

    def __getattr__(self, name):
        return getattr(self.extra, name)
