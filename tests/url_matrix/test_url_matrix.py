"""Every URL, as every role: the committed table (rows_*.py) must match what the app does.
No page, and no form sent back with its errors, shows Django's meaningless empty choice.

Adding a URL without a row here fails `test_every_url_has_a_row`: someone has to decide who may
use it. POSTs go through Django's CSRF check for real (enforce_csrf_checks) with a valid token.
"""

import importlib
import pkgutil
from types import SimpleNamespace

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.factories import CentreFactory

from . import matrix

CSRF_SECRET = "matrixcsrfsecret0123456789abcdef"  # 32 characters, as Django expects


def _rows_modules():
    package = importlib.import_module("tests.url_matrix")
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        if info.name.startswith("rows_"):
            yield importlib.import_module(f"tests.url_matrix.{info.name}")


ROWS_MODULES = list(_rows_modules())
ROWS = {name: row for module in ROWS_MODULES for name, row in module.ROWS.items()}


def _url_names(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            if pattern.namespace == "admin":
                yield "admin:index"
                continue
            yield from _url_names(pattern, inner)
        elif isinstance(pattern, URLPattern):
            yield (
                f"{namespace}{pattern.name}"
                if pattern.name
                else f"{namespace}<unnamed {pattern.pattern}>"
            )


def test_every_url_has_a_row():
    names = set(_url_names())
    missing = sorted(names - set(ROWS))
    stale = sorted(set(ROWS) - names)
    assert not missing, (
        f"URLs with no row in tests/url_matrix/rows_*.py (decide who may use them): {missing}"
    )
    assert not stale, f"Rows for URLs that no longer exist: {stale}"


def test_every_row_has_every_column():
    for name, row in ROWS.items():
        for method, outcomes in (("GET", row.get), ("POST", row.post)):
            assert outcomes is not None, f"{name} has no {method} expectations"
            assert set(outcomes) == set(matrix.COLUMNS), (
                f"{name} {method} columns: {sorted(outcomes)}"
            )


def build_world(people, centre, other_centre):
    """The people and objects every row's URL needs, built by each rows module's `build`."""
    built = matrix.World(
        centre=centre, other_centre=other_centre, people=people, extra=SimpleNamespace()
    )
    for module in ROWS_MODULES:
        if hasattr(module, "build"):
            module.build(built)
    return built


@pytest.fixture
def world(people, centre, other_centre):
    return build_world(people, centre, other_centre)


def as_tablet(world, client):
    """`client` made an enrolled tablet by the rows module that has the kiosk (`tablet_client`)."""
    for module in ROWS_MODULES:
        if hasattr(module, "tablet_client"):
            client = module.tablet_client(world, client)
    return client


def _client(world, column, *, csrf):
    client = Client(enforce_csrf_checks=True)
    if column == "tablet":
        client = as_tablet(world, client)
    elif column != "anonymous":
        client.force_login(world.people[column])
    if csrf:
        client.cookies["csrftoken"] = CSRF_SECRET
    return client


def _outcome(response):
    if response.status_code in (301, 302, 303):
        location = response.headers.get("Location", "")
        return (
            "login"
            if location.startswith(reverse("login")) or "/admin/login/" in location
            else "redirect"
        )
    if response.status_code == 200:
        return "ok"
    return response.status_code


# Django's empty choice in a select: it says nothing about what leaving the field empty means.
DJANGO_EMPTY_CHOICE = "---------"


def _shows_django_empty_choice(response) -> bool:
    """A page, or a form sent back with its errors, that shows the empty choice "---------"
    (give the field an empty_label, or a first ("", ...) choice, that says what empty means)."""
    if response.streaming or not response.get("Content-Type", "").startswith("text/html"):
        return False
    return DJANGO_EMPTY_CHOICE in response.content.decode()


@pytest.mark.parametrize("name", sorted(ROWS))
def test_url_as_every_role(name, world):
    row = ROWS[name]
    url = reverse(name, kwargs=row.url_kwargs(world))
    wrong = []
    for column in matrix.COLUMNS:
        response = _client(world, column, csrf=False).get(url)
        got = _outcome(response)
        if got != row.get[column]:
            wrong.append(f"GET as {column}: expected {row.get[column]}, got {got}")
        if _shows_django_empty_choice(response):
            wrong.append(f"GET as {column}: shows {DJANGO_EMPTY_CHOICE!r}")
        response = _client(world, column, csrf=True).post(
            url, row.post_data(world), HTTP_X_CSRFTOKEN=CSRF_SECRET
        )
        got = _outcome(response)
        if got != row.post[column]:
            wrong.append(f"POST as {column}: expected {row.post[column]}, got {got}")
        if _shows_django_empty_choice(response):
            wrong.append(f"POST as {column}: shows {DJANGO_EMPTY_CHOICE!r}")
    assert not wrong, f"{url}:\n" + "\n".join(wrong)


def test_post_without_csrf_token_is_refused(world):
    """A state-changing request with no CSRF token never gets through, for any URL."""
    for name, row in ROWS.items():
        if row.post["manager"] not in ("ok", "redirect"):
            continue
        url = reverse(name, kwargs=row.url_kwargs(world))
        response = _client(world, "manager", csrf=False).post(url, row.post_data(world))
        assert response.status_code == 403, f"{url} accepted a POST with no CSRF token"


OBJECT_NAMESPACES = ("casework", "activities", "suggestions", "kiosk")
NOT_OBJECTS = {"kiosk:enrol_link"}  # its URL holds a one-time set-up code, not one of our objects


def test_another_centres_id_is_404_for_objects():
    """Sanity check of the table itself: rows with URL kwargs must 404 for the outsider."""
    for name, row in ROWS.items():
        if name in NOT_OBJECTS:
            continue
        if row.kwargs and name.split(":")[0] in OBJECT_NAMESPACES:
            assert row.get["outsider"] in (404, 403, "login"), (
                f"{name}: the outsider must not see our object"
            )


def test_a_view_without_an_access_rule_is_refused(rf, manager):
    """Deny by default: the middleware refuses a view nobody gave a rule."""
    from django.core.exceptions import PermissionDenied

    from centre.middleware import AccessRuleMiddleware

    def bare_view(request):
        raise AssertionError("must not run")

    request = rf.get("/")
    request.user = manager
    request.resolver_match = SimpleNamespace(namespace="")
    with pytest.raises(PermissionDenied):
        AccessRuleMiddleware(lambda r: None).process_view(request, bare_view, (), {})


def test_outsider_factory_is_really_another_centre(outsider, centre):
    assert not outsider.memberships.filter(centre=centre).exists()
    assert CentreFactory._meta.model.objects.count() >= 2
