"""Drill: PostgreSQL restarts while gunicorn serves the app.

gunicorn (as in production) serves the app from a private PostgreSQL cluster holding a copy of
the URL matrix's world. A quick restart with no request in between leaves every gunicorn
worker holding a dead connection: the next requests must still succeed, without restarting the
app (CONN_HEALTH_CHECKS tests a kept connection before reusing it). During a longer outage the
health page says the database is down and pages fail cleanly; when it is back, pages and a
contact logged by a key worker work again.
"""

import http.cookiejar
import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from tests.conftest import free_port, skip_or_fail, wait_for

pytestmark = [pytest.mark.drill, pytest.mark.services, pytest.mark.django_db(transaction=True)]

PASSWORD = "drill-password-2026"  # noqa: S105 - a throwaway test password
WORKERS = 2


def _copy_test_database_to(server):
    """The test database (the world, committed) into the private cluster's `centre` database."""
    source = connection.settings_dict
    target = ["-h", "127.0.0.1", "-p", str(server.port), "-U", "postgres"]
    subprocess.run(["psql", *target, "-qc", "create database centre"], check=True)
    dump = subprocess.run(
        [
            "pg_dump", "--no-owner", "-h", source["HOST"] or "127.0.0.1",
            "-p", str(source["PORT"] or 5432), "-U", source["USER"] or "postgres", source["NAME"],
        ],
        check=True, capture_output=True,
    )  # fmt: skip
    subprocess.run(
        ["psql", *target, "-q", "-v", "ON_ERROR_STOP=1", "-d", "centre"],
        input=dump.stdout, check=True, capture_output=True,
    )  # fmt: skip


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a redirect is an answer to look at, not to follow


class Browser:
    """A browser's part: cookies kept, redirects not followed. Answers (status, page)."""

    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        cookies = urllib.request.HTTPCookieProcessor(self.jar)
        self.opener = urllib.request.build_opener(cookies, _NoRedirect)

    def open(self, path, data=None, timeout=10):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        try:
            with self.opener.open(f"{self.base}{path}", body, timeout=timeout) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def cookie(self, name):
        return next(cookie.value for cookie in self.jar if cookie.name == name)


class Gunicorn:
    def __init__(self, database_url, folder: Path):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "SECRET_KEY")}
        env.update(
            DJANGO_SETTINGS_MODULE="centre.settings",
            DATABASE_URL=database_url,
            DEBUG="1",
            REQUIRE_2FA="0",
            EMAIL_BACKEND="console",
            SMS_BACKEND="console",
            LOG_LEVEL="WARNING",
        )
        gunicorn = Path(sys.executable).parent / "gunicorn"
        self.log = (folder / "gunicorn.log").open("w")
        self.process = subprocess.Popen(
            [
                str(gunicorn), "centre.wsgi", "--bind", f"127.0.0.1:{self.port}",
                "--workers", str(WORKERS), "--timeout", "30",
            ],
            env=env, stdout=self.log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        assert wait_for(self._up, timeout=60), "gunicorn did not start"

    def _up(self):
        try:
            return Browser(self.base).open("/healthz")[0] == 200
        except OSError:  # not listening yet, or too slow to answer
            return False

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


@pytest.fixture
def served(world, private_postgres, tmp_path):
    if connection.vendor != "postgresql":
        skip_or_fail("the drill copies the test database, which must be PostgreSQL")
    user = world.people["key_worker"]
    # Hashed as production hashes (the test settings use a fast hasher production lacks).
    user.password = PBKDF2PasswordHasher().encode(PASSWORD, "drillsalt")
    user.save()
    _copy_test_database_to(private_postgres)
    server = Gunicorn(private_postgres.url, tmp_path)
    yield server
    server.stop()


def _sign_in(base, username):
    browser = Browser(base)
    browser.open(reverse("login"))
    status, page = browser.open(
        reverse("login"),
        {
            "username": username,
            "password": PASSWORD,
            "csrfmiddlewaretoken": browser.cookie("csrftoken"),
        },
    )
    assert status == 302, page[:500]
    return browser


def _pages(world):
    return [
        reverse("casework:caseload"),
        reverse("casework:woman", args=[world.woman.pk]),
        reverse("home"),
    ]


def _statuses(browser, urls, rounds):
    return [browser.open(url)[0] for url in urls * rounds]


def test_after_a_postgresql_restart_requests_succeed_without_restarting_the_app(
    world, served, private_postgres
):
    browser = _sign_in(served.base, world.people["key_worker"].username)
    pages = _pages(world)
    # Every gunicorn worker now holds an open connection.
    assert set(_statuses(browser, pages, 3 * WORKERS)) == {200}

    # A quick restart that no request sees: each worker's kept connection is now dead.
    private_postgres.stop()
    private_postgres.start()
    assert _statuses(browser, pages, 3 * WORKERS) == [200] * (3 * WORKERS * 3)

    # A longer outage: the health page says so, a page fails cleanly (no hang), nothing more.
    private_postgres.stop()
    status, health = Browser(served.base).open("/healthz")  # as the load balancer asks
    assert (status, health) == (503, '{"database": "down", "broker": "eager"}')
    started = time.monotonic()
    assert browser.open(pages[0], timeout=30)[0] == 500
    assert time.monotonic() - started < 10

    private_postgres.start()
    assert json.loads(Browser(served.base).open("/healthz")[1])["database"] == "ok"
    assert set(_statuses(browser, pages, 2 * WORKERS)) == {200}
    # Her key worker logs a contact and it is there.
    contact_url = reverse("casework:contact_new", args=[world.woman.pk])
    browser.open(contact_url)
    status, page = browser.open(
        contact_url,
        {
            "contact_on": timezone.localdate().isoformat(),
            "contact_type": "phone",
            "note": "Logged after the database came back",
            "csrfmiddlewaretoken": browser.cookie("csrftoken"),
        },
    )
    assert status == 302, page[:500]
    saved = subprocess.run(
        [
            "psql", "-h", "127.0.0.1", "-p", str(private_postgres.port), "-U", "postgres",
            "-d", "centre", "-tAc",
            "select count(*) from casework_contact where note = 'Logged after the database came back'",
        ],
        check=True, capture_output=True, text=True,
    ).stdout.strip()  # fmt: skip
    assert saved == "1"
