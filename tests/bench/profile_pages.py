"""One staff page, timed and profiled in process against the benchmark's data set.

    .venv/bin/python -m tests.bench.profile_pages PAGE [-n 20] [--top 30] [--sort cumulative]

PAGE is one of the names below (the pages `make bench` walks) or a path such as
`/casework/women/12/needs/`. The page is asked for N times by Django's test client, signed in
with `force_login` as a key worker (or the manager, for the manager's pages), with production-like
settings (DEBUG off, the real middleware, BENCH=1 for the floor page), against the large data
set `make bench` builds (`centre_bench_data`; build it with `make bench` or
tests/bench/data.py first). It prints the median wall time of the page and of the floor (the
signed-in base template) and their ratio, then a cProfile of a few more requests, top functions
by cumulative time (or --sort tottime).

Timings are in process, one request at a time: no gunicorn, no load, so they are lower than the
benchmark's but the ratio to the floor is comparable. Nothing is written to the database but
what viewing a page writes anyway (sessions, audit events). It is a tool, not a test.
"""

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/centre_bench_data"


def _environment() -> None:
    """Production-like settings against the benchmark database (as tests/bench/run.py does)."""
    sys.path.insert(0, str(ROOT))
    from tests.bench.run import bench_environment

    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE)
    env = bench_environment(url, os.environ.get("REDIS_URL", ""))
    env["ALLOWED_HOSTS"] = "127.0.0.1,localhost,testserver"
    os.environ.update({k: v for k, v in env.items() if k != "PYTHONPATH"})


def pages() -> dict[str, tuple[str, str]]:
    """Page name -> (username, path), with the women and session `make bench` would ask for."""
    from django.utils import timezone

    from activities.models import Session
    from casework.models import Woman
    from centre.models import Centre
    from tests.bench.data import BIG_CENTRE

    centre = Centre.objects.get(slug=BIG_CENTRE)
    woman = (
        Woman.objects.filter(centre=centre, key_worker__username="keyworker")
        .order_by("pk")
        .values_list("pk", flat=True)
        .first()
    )
    session = (
        Session.objects.filter(centre=centre, date__lt=timezone.localdate())
        .exclude(status="cancelled")
        .order_by("-date", "pk")
        .values_list("pk", flat=True)
        .first()
    )
    return {
        "floor": ("keyworker", "/bench/floor/"),
        "home": ("keyworker", "/"),
        "caseload": ("keyworker", "/casework/"),
        "record": ("keyworker", f"/casework/women/{woman}/"),
        "timeline": ("keyworker", f"/casework/women/{woman}/timeline/"),
        "contact": ("keyworker", f"/casework/women/{woman}/contacts/new/"),
        "register": ("keyworker", f"/activities/sessions/{session}/register/"),
        "triage": ("manager", "/coproduction/?status=open"),
        "audit": ("manager", "/audit/?action=casework.woman"),
        "who-looked": ("manager", f"/casework/women/{woman}/who-looked/"),
        "reports": ("manager", "/reports/"),
    }


def signed_in(username: str):
    from django.test import Client

    from centre.models import User

    client = Client()
    client.force_login(
        User.objects.get(username=username), backend="django.contrib.auth.backends.ModelBackend"
    )
    return client


def timed(client, path: str, times: int) -> list[float]:
    """Wall times in ms of `times` requests (after two not counted, to warm the caches)."""
    for _ in range(2):
        response = client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}")
    out = []
    for _ in range(times):
        start = time.perf_counter()
        client.get(path)
        out.append((time.perf_counter() - start) * 1000)
    return out


def slowest_queries(client, path: str, show: int = 40) -> None:
    """One request's queries with their times, slowest first."""
    from django.db import connection

    timings: list[tuple[float, str]] = []

    def timed_query(execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            timings.append(((time.perf_counter() - start) * 1000, sql))

    with connection.execute_wrapper(timed_query):
        client.get(path)
    total = sum(ms for ms, _sql in timings)
    print(f"\n{len(timings)} queries, {total:.1f} ms in all; the slowest:")
    for ms, sql in sorted(timings, reverse=True)[:show]:
        print(f"{ms:8.1f} ms  {sql[:300] if show < 40 else sql[:140]}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", help="a page name (see --list) or a path")
    parser.add_argument("-n", type=int, default=20, help="timed requests (default 20)")
    parser.add_argument("--profiled", type=int, default=5, help="requests under cProfile")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--sort", default="cumulative", help="cumulative or tottime")
    parser.add_argument("--user", help="sign in as this user instead")
    parser.add_argument("--no-profile", action="store_true")
    parser.add_argument("--callers", help="also print who calls functions matching this")
    parser.add_argument("--list", action="store_true", help="print the page names and paths")
    parser.add_argument(
        "--queries", action="store_true", help="print one request's queries, slowest first"
    )
    args = parser.parse_args(argv)

    _environment()
    import django

    django.setup()

    known = pages()
    if args.list:
        for name, (user, path) in known.items():
            print(f"{name:12} {user:10} {path}")
        return 0
    user, path = known.get(args.page, ("keyworker", args.page))
    if not path.startswith("/"):
        parser.error(f"unknown page {args.page!r}: one of {', '.join(known)} or a path")
    user = args.user or user
    client = signed_in(user)

    floor = statistics.median(timed(signed_in(user), known["floor"][1], args.n))
    page = timed(client, path, args.n)
    median = statistics.median(page)
    print(f"{path} as {user}: median {median:.1f} ms over {args.n} (min {min(page):.1f})")
    print(f"floor: median {floor:.1f} ms; page / floor {median / floor:.1f}x")

    if args.queries:
        slowest_queries(client, path)

    if not args.no_profile:
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(args.profiled):
            client.get(path)
        profile.disable()
        print(f"\ncProfile of {args.profiled} requests, top {args.top} by {args.sort}:")
        stats = pstats.Stats(profile).strip_dirs().sort_stats(args.sort)
        stats.print_stats(args.top)
        if args.callers:
            stats.print_callers(args.callers)
    return 0


if __name__ == "__main__":
    sys.exit(main())
