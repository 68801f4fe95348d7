"""Every page of the URL matrix's world that some role may open, and a client to open it as."""

from django.test import Client
from django.urls import reverse

from tests.url_matrix.test_url_matrix import ROWS, as_tablet

from .html_forms import Form, page_forms

# The first of these a page's row allows is who opens it (the fullest view of its forms).
ROLE_ORDER = ("manager", "key_worker", "partner", "volunteer", "steering", "tablet")


def client_as(world, column) -> Client:
    client = Client()
    if column == "tablet":
        return as_tablet(world, client)
    client.force_login(world.people[column])
    return client


def reachable_pages(world):
    """(url name, url, column) for every GET page some role may open, as the first such role."""
    for name in sorted(ROWS):
        row = ROWS[name]
        column = next((c for c in ROLE_ORDER if row.get[c] == "ok"), None)
        if column is not None:
            yield name, reverse(name, kwargs=row.url_kwargs(world)), column


def forms_on(client, url) -> list[Form]:
    response = client.get(url)
    if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
        return []
    return page_forms(response.content.decode(), f"http://testserver{url}")


def post(client, form: Form, data: dict, files: dict | None = None):
    """Submit `form` with `data` (name -> list of values) as its method says."""
    path = form.action.removeprefix("http://testserver")
    if form.method == "post":
        return client.post(path, {**data, **(files or {})})
    return client.get(path, data)


# How a page shows a message about what was sent: crispy's error list and field feedback, an
# alert, or Django's plain error list.
ERROR_MARKS = (
    "alert-danger",
    "is-invalid",
    "invalid-feedback",
    'class="errorlist',
    "kiosk-error",  # the tablet's own plain messages
    "kiosk-notice",
)


def shows_error(html: str) -> bool:
    return any(mark in html for mark in ERROR_MARKS)


def collect_forms(world) -> list[tuple[str, str, list[Form]]]:
    """(url name, column, forms) for every page with a form, opened as the first role allowed."""
    found = []
    for name, url, column in reachable_pages(world):
        forms = forms_on(client_as(world, column), url)
        if forms:
            found.append((name, column, forms))
    return found


_FORMS: list = []  # as collected from the first world: the world has the same shape each time


def pages_with_forms(world) -> list[tuple[str, str, list[Form]]]:
    """collect_forms, once per run (the forms' hidden values and addresses are the first
    world's: open the page again for this world's)."""
    if not _FORMS:
        _FORMS.append(collect_forms(world))
    return _FORMS[0]
