"""People fixtures for each role, an outsider from another centre, and service helpers."""

import os
import shutil
import socket
import subprocess
import time

import pytest
from django.test import Client
from kombu import pools as kombu_pools

from centre.models import OutboxMessage
from centre.roles import Role
from centre.tasks import outbox_send_due_task

from .factories import CentreFactory, member

REQUIRE_SERVICES = os.environ.get("REQUIRE_SERVICES") == "1"
# Each role's test person: username, first name, last name.
ROLE_PEOPLE = {
    Role.MANAGER: ("t_manager", "Mary", "Ashgrove-Tst"),
    Role.KEY_WORKER: ("t_keyworker", "Kate", "Kilbride-Tst"),
    Role.PARTNER: ("t_partner", "Pat", "Pitcairn-Tst"),
    Role.VOLUNTEER: ("t_volunteer", "Val", "Vennel-Tst"),
    Role.STEERING: ("t_steering", "Stella", "Strathy-Tst"),
}
ROLE_USERNAMES = {role: username for role, (username, _first, _last) in ROLE_PEOPLE.items()}


def role_member(centre, role):
    """The test person of `role` at `centre` (see ROLE_PEOPLE)."""
    username, first_name, last_name = ROLE_PEOPLE[role]
    return member(centre, role, username, first_name=first_name, last_name=last_name)


def _skip_without_pango():
    """A bare machine may lack Pango, so PDFs cannot be made there: skip those tests (CI,
    with REQUIRE_SERVICES=1, installs Pango and fails instead)."""
    from centre.pdf import PDFUnavailable

    try:
        return (yield)
    except PDFUnavailable as error:
        skip_or_fail(str(error))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item):
    return (yield from _skip_without_pango())


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    return (yield from _skip_without_pango())


def skip_or_fail(reason):
    """On a bare machine a missing service skips; in CI (REQUIRE_SERVICES=1) it fails."""
    if REQUIRE_SERVICES:
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def _empty_cache():
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def centre(db):
    return CentreFactory(name="Test Women's Centre", slug="test-centre")


@pytest.fixture
def other_centre(db):
    return CentreFactory(name="Other Centre", slug="other-centre")


def _person_of(role):
    """A fixture named after `role`: the test person of that role at our centre (ROLE_PEOPLE)."""

    @pytest.fixture(name=role.value)
    def person(centre):
        return role_member(centre, role)

    return person


manager = _person_of(Role.MANAGER)
key_worker = _person_of(Role.KEY_WORKER)
partner = _person_of(Role.PARTNER)
volunteer = _person_of(Role.VOLUNTEER)
steering = _person_of(Role.STEERING)


@pytest.fixture
def other_key_worker(centre):
    return member(centre, Role.KEY_WORKER, "t_keyworker2", first_name="Kim")


@pytest.fixture
def outsider(other_centre):
    """A manager of another centre: everything of ours must be a 404 to her."""
    return member(other_centre, Role.MANAGER, "t_outsider", first_name="Olive")


@pytest.fixture
def people(manager, key_worker, partner, volunteer, steering, outsider):
    return {
        "manager": manager,
        "key_worker": key_worker,
        "partner": partner,
        "volunteer": volunteer,
        "steering": steering,
        "outsider": outsider,
    }


def client_for(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _client_of(person):
    """A fixture `<person>_client`: a test client signed in as the `person` fixture."""

    @pytest.fixture(name=f"{person}_client")
    def signed_in_client(request):
        return client_for(request.getfixturevalue(person))

    return signed_in_client


manager_client = _client_of("manager")
key_worker_client = _client_of("key_worker")
partner_client = _client_of("partner")
volunteer_client = _client_of("volunteer")
steering_client = _client_of("steering")
outsider_client = _client_of("outsider")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PrivateRedis:
    """A Redis server of the test's own on a free loopback port, so a test can stop and start
    it without touching the shared one."""

    def __init__(self):
        self.port = free_port()
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("private redis did not start")

    def stop(self):
        if self.process:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


@pytest.fixture
def private_redis():
    if not shutil.which("redis-server"):
        skip_or_fail("redis-server is not installed")
    server = PrivateRedis()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def sms_outbox():
    from centre.notifications import backends

    backends.sms_outbox.clear()
    yield backends.sms_outbox
    backends.sms_outbox.clear()


def point_celery_at(url):
    """Make this process publish to `url` for real (not eagerly). Returns a function to undo it."""
    from centre.celery import app

    old = (app.conf.broker_url, app.conf.task_always_eager)

    def _set(broker, eager):
        app.conf.broker_url = broker
        app.conf.task_always_eager = eager
        # kombu keeps connection and producer pools in global registries keyed by broker URL:
        # closing only the app's pool leaves a closed pool there for the next test to trip on.
        kombu_pools.reset()
        app._pool = None
        app.amqp._producer_pool = None

    _set(url, False)
    return lambda: _set(*old)


class WorkerProcess:
    """A real `celery worker` process using the test database and a given Redis."""

    def __init__(self, broker_url, outdir, name, extra_env=None):
        from django.db import connection

        settings_dict = connection.settings_dict
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "centre.settings",
            "DATABASE_URL": "postgres://{USER}@{HOST}:{PORT}/{NAME}".format(
                USER=settings_dict["USER"] or "postgres",
                HOST=settings_dict["HOST"] or "127.0.0.1",
                PORT=settings_dict["PORT"] or 5432,
                NAME=settings_dict["NAME"],
            ),
            "REDIS_URL": broker_url,
            "EMAIL_BACKEND": "file",
            "EMAIL_FILE_PATH": str(outdir / "mail"),
            "SMS_BACKEND": "file",
            "SMS_FILE_PATH": str(outdir / "sms"),
            "LOG_LEVEL": "WARNING",
            **(extra_env or {}),
        }
        self.name = name
        self.process = None

    def start(self):
        import sys

        celery = os.path.join(os.path.dirname(sys.executable), "celery")
        self.process = subprocess.Popen(
            [
                celery,
                "-A",
                "centre",
                "worker",
                "-Q",
                "default,notifications,reports",
                "--pool=solo",
                "--without-heartbeat",
                "--without-mingle",
                "--without-gossip",
                "-n",
                f"{self.name}@%h",
                "-l",
                "warning",
            ],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        return self

    def kill(self):
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()


@pytest.fixture
def celery_workers(tmp_path, private_redis):
    """Start real Celery workers against the test database (needs PostgreSQL) and a private Redis."""
    from django.db import connection

    if connection.vendor != "postgresql":
        skip_or_fail("real Celery workers need PostgreSQL (the test database must be shared)")
    undo = point_celery_at(private_redis.url)
    started = []

    def start(count=1, **extra_env):
        for _ in range(count):
            worker = WorkerProcess(private_redis.url, tmp_path, f"w{len(started)}", extra_env)
            started.append(worker.start())
        return started

    yield start
    for worker in started:
        worker.stop()
    undo()


def wait_for(predicate, timeout=60, interval=0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return False


def sent_messages():
    return OutboxMessage.objects.filter(status=OutboxMessage.Status.SENT)


def assert_racing_reminder_runs_send_once(queue_task, delivered, count):
    """Run `queue_task` three times at once (a task run twice, and two beat processes) and send:
    `count` messages go; one more run later delivers nothing more (`delivered` lists the files
    the workers wrote)."""
    for _ in range(3):
        queue_task.delay()
    outbox_send_due_task.delay()
    assert wait_for(lambda: sent_messages().count() == count), "the reminders were not sent"
    queue_task.delay()
    outbox_send_due_task.delay()
    assert not wait_for(lambda: len(delivered()) > count, timeout=4)
