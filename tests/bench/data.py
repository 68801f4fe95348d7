"""The benchmark's data set, in a database of its own, built once and reused.

`large`: one centre with 3,000 women and about 300,000 contacts over two years, plus 20 smaller
centres, with activities, suggestions and meetings (the demo seeders, which write with
bulk_create), and 300,000 audit events spread over all 21 centres (so the audit search and
"who looked at her record" have a real table to search). `tiny`: two small demo centres, for
the smoke test. The database records which data version and size it holds; a database from an
older DATA_VERSION or another size is dropped and built again. Bump DATA_VERSION whenever what
is built here changes.

Import it after django.setup() (tests/bench/run.py does).
"""

import random
import secrets
import statistics
import time
from datetime import timedelta
from urllib.parse import urlsplit

import psycopg2
from django.conf import settings
from django.core.management import call_command
from django.db import connection, connections
from django.test import Client
from django.utils import timezone

from activities.models import Session
from casework.demo import KEY_WORKERS
from casework.models import Woman
from centre.models import AuditEvent, Centre, Membership, User
from coproduction.kiosk.access import device_cookie_value
from coproduction.kiosk.models import Tablet
from coproduction.reports.content import report_content
from coproduction.reports.quarters import Quarter
from coproduction.reports.services import report_pdf_render
from tests.bench.run import database_url

DATA_VERSION = 1
SIZES = {
    # demo seed scale, centres, audit events in the big centre, and in each smaller one
    "large": ("large", 21, 240_000, 3_000),
    "tiny": ("small", 2, 2_000, 200),
}
BIG_CENTRE = "tomorrows-women-demo"
MARKER_TABLE = "bench_data_version"


def _server(url: str):
    conn = psycopg2.connect(database_url(url, "postgres"))
    conn.autocommit = True
    return conn


def create_database(url: str, *, drop: bool = False) -> None:
    name = urlsplit(url).path.lstrip("/")
    conn = _server(url)
    with conn.cursor() as cursor:
        if drop:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone() is None:
            cursor.execute(f'CREATE DATABASE "{name}"')
    conn.close()


def held_version() -> tuple[int, str] | None:
    with connection.cursor() as cursor:
        if MARKER_TABLE not in connection.introspection.table_names(cursor):
            return None
        cursor.execute(f"SELECT version, size FROM {MARKER_TABLE}")  # noqa: S608
        row = cursor.fetchone()
    return (row[0], row[1]) if row else None


def ensure(url: str, size: str, *, rebuild: bool = False, say=print) -> float:
    """Build the data set unless the database already holds this version and size. Returns the
    seconds spent building (0 when reused)."""
    create_database(url)
    if not rebuild and held_version() == (DATA_VERSION, size):
        call_command("migrate", "--noinput", verbosity=0)  # new migrations since it was built
        return 0.0
    say(f"Building the {size} benchmark data set (data version {DATA_VERSION})...")
    start = time.perf_counter()
    connections.close_all()
    create_database(url, drop=True)
    call_command("migrate", "--noinput", verbosity=0)
    scale, centres, big_events, small_events = SIZES[size]
    call_command("seed_demo", "--scale", scale, "--centres", str(centres), verbosity=0)
    audit_history(big_events, small_events)
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TABLE {MARKER_TABLE} (version integer, size text)")
        cursor.execute(f"INSERT INTO {MARKER_TABLE} VALUES (%s, %s)", [DATA_VERSION, size])  # noqa: S608
        cursor.execute("ANALYZE")
    took = time.perf_counter() - start
    say(f"Built in {took:.0f} s.")
    return took


def audit_history(big_centre_events: int, small_centre_events: int) -> None:
    """Two years of staff reading records, in every centre (append-only rows, written once)."""
    rng = random.Random(17)
    now = timezone.now()
    actions = [
        ("casework.woman.view", 6),
        ("casework.woman.view_timeline", 3),
        ("casework.contact.create", 2),
        ("activities.register.view", 1),
    ]
    names, weights = zip(*actions, strict=True)
    for centre in Centre.objects.order_by("pk"):
        count = big_centre_events if centre.slug == BIG_CENTRE else small_centre_events
        women = list(Woman.objects.filter(centre=centre).values_list("pk", flat=True))
        staff = list(Membership.objects.filter(centre=centre).values_list("user_id", flat=True))
        if not women or not staff:
            continue
        batch = []
        for _ in range(count):
            woman = rng.choice(women)
            batch.append(
                AuditEvent(
                    actor_id=rng.choice(staff),
                    centre=centre,
                    action=rng.choices(names, weights)[0],
                    object_type="casework.woman",
                    object_id=str(woman),
                    woman_id=woman,
                    grounds="allocated",
                    created_at=now - timedelta(seconds=rng.randrange(2 * 365 * 24 * 3600)),
                )
            )
            if len(batch) == 5000:
                AuditEvent.objects.bulk_create(batch)
                batch = []
        AuditEvent.objects.bulk_create(batch)


def signed_in_sessions(usernames: list[str], each: int = 10) -> dict[str, list[str]]:
    """Session cookies of staff already signed in, so the run measures pages, not Argon2."""
    cookies: dict[str, list[str]] = {}
    for user in User.objects.filter(username__in=usernames):
        cookies[user.username] = []
        for _ in range(each):
            client = Client()
            client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
            cookies[user.username].append(client.cookies[settings.SESSION_COOKIE_NAME].value)
    return cookies


def plan(tablets: int = 12) -> dict:
    """What the Locust journeys ask for: each key worker's women, sessions whose register can
    be taken (one per simulated key worker, so two never save the same register), women for
    "who looked", and the cookies of freshly enrolled tablets."""
    centre = Centre.objects.get(slug=BIG_CENTRE)
    today = timezone.localdate()
    women = {
        name: list(
            Woman.objects.filter(centre=centre, key_worker__username=name)
            .order_by("pk")
            .values_list("pk", flat=True)[:60]
        )
        for name in KEY_WORKERS
    }
    sessions = list(
        Session.objects.filter(centre=centre, date__lt=today, date__gte=today - timedelta(days=60))
        .exclude(status="cancelled")
        .order_by("-date", "pk")
        .values_list("pk", flat=True)[:60]
    )
    Tablet.objects.filter(name__startswith="Benchmark tablet", revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    enrolled = []
    for index in range(tablets):
        tablet = Tablet.objects.create(
            centre=centre,
            name=f"Benchmark tablet {index + 1}",
            device_key=secrets.token_urlsafe(32),
            enrolled_at=timezone.now(),
        )
        enrolled.append(device_cookie_value(tablet))
    return {
        "signed_in": signed_in_sessions(["manager", *KEY_WORKERS]),
        "key_workers": [name for name in KEY_WORKERS if women[name]],
        "women": women,
        "all_women": list(
            Woman.objects.filter(centre=centre).order_by("?").values_list("pk", flat=True)[:200]
        ),
        "sessions": sessions,
        "tablets": enrolled,
    }


def report_build_times(repeat: int = 3) -> dict:
    """The quarterly report (numbers, then numbers and the PDF) for the large centre and the
    smallest, last quarter; the median of a few builds, in process."""
    quarter = Quarter.current().previous()
    big = Centre.objects.get(slug=BIG_CENTRE)
    small = Centre.objects.exclude(pk=big.pk).order_by("pk").first()  # ten women
    result = {}
    for label, centre in (("small", small), ("large", big)):
        for kind, build in (("numbers", report_content), ("numbers + PDF", None)):
            times = []
            for _ in range(repeat):
                start = time.perf_counter()
                if build is None:
                    report_pdf_render(centre=centre, quarter=quarter)
                else:
                    build(centre, quarter)
                times.append((time.perf_counter() - start) * 1000)
            result[f"{kind}, {label} centre"] = round(statistics.median(times), 1)
    for kind in ("numbers", "numbers + PDF"):
        small_ms = result[f"{kind}, small centre"]
        result[f"{kind}, large / small"] = (
            round(result[f"{kind}, large centre"] / small_ms, 2) if small_ms else None
        )
    return result
