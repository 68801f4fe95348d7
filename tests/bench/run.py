"""Benchmarks: `make bench`. Staff pages and PDFs on the large demo data set.

Measures each page with Django's test client in-process (no network noise), against a bare
authenticated page as the baseline, with production settings (DEBUG off). Prints a table and
writes bench-results/<timestamp>.json. Timings belong here, never in tests; tests assert the
query budgets.
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _configure():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "centre.settings")
    os.environ["DEBUG"] = "0"
    os.environ.setdefault("SECRET_KEY", "bench-only-" + "q8Wm3Zt5Lp2Xv7Rk9Ny4" * 3)
    os.environ["ALLOWED_HOSTS"] = "testserver"
    os.environ["SECURE_SSL_REDIRECT"] = "0"
    os.environ["REQUIRE_2FA"] = "0"
    os.environ.setdefault("LOG_LEVEL", "ERROR")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def _timed(fn, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return {
        "median_ms": round(statistics.median(times), 2),
        "p95_ms": round(times[max(0, int(len(times) * 0.95) - 1)], 2),
        "max_ms": round(times[-1], 2),
    }


def bench_page(page, repeat):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.force_login(page.user())
    url = page.url()
    for _ in range(3):
        response = client.get(url)
        assert response.status_code == 200, f"{page.label}: {url} gave {response.status_code}"
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    query_count = len(queries)  # read now: the next request clears the connection's query log
    result = _timed(lambda: client.get(url), repeat)
    result.update(label=page.label, url=url, queries=query_count)
    return result


def bench_pdf(job, repeat):
    result = _timed(job.run, repeat)
    result.update(label=job.label, url="(PDF)", queries=None)
    return result


def ensure_large_data(centres):
    from django.core.management import call_command

    from tests.bench.pages import data_is_large

    if not data_is_large():
        print("Seeding the large demo data set (once)...", flush=True)
        start = time.perf_counter()
        call_command("migrate", "--noinput", verbosity=0)
        call_command("seed_demo", "--scale", "large", "--centres", str(centres))
        print(f"Seeded in {time.perf_counter() - start:.0f}s", flush=True)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--centres", type=int, default=2)
    parser.add_argument("--no-seed", action="store_true", help="use the data as it is")
    parser.add_argument("--only", help="only pages whose label contains this")
    args = parser.parse_args(argv)
    _configure()
    from tests.bench.pages import PAGES, PDFS

    if not args.no_seed:
        ensure_large_data(args.centres)
    rows = []
    for page in PAGES:
        if args.only and args.only not in page.label:
            continue
        rows.append(bench_page(page, args.repeat))
        print(f"  {rows[-1]['label']:<42} {rows[-1]['median_ms']:>8.1f} ms median", flush=True)
    for job in PDFS:
        if args.only and args.only not in job.label:
            continue
        rows.append(bench_pdf(job, max(3, args.repeat // 10)))
        print(f"  {rows[-1]['label']:<42} {rows[-1]['median_ms']:>8.1f} ms median", flush=True)
    baseline = next((r["median_ms"] for r in rows if r["label"].startswith("baseline")), None)
    print()
    print(f"{'page':<42} {'median':>9} {'p95':>9} {'x base':>7} {'queries':>8}")
    for row in rows:
        ratio = (
            f"{row['median_ms'] / baseline:.1f}" if baseline and row["queries"] is not None else "-"
        )
        queries = row["queries"] if row["queries"] is not None else "-"
        print(
            f"{row['label']:<42} {row['median_ms']:>7.1f}ms {row['p95_ms']:>7.1f}ms {ratio:>7} {queries:>8}"
        )
    from django.db import connection

    out = ROOT / "bench-results"
    out.mkdir(exist_ok=True)
    path = out / time.strftime("%Y%m%d-%H%M%S.json")
    path.write_text(
        json.dumps({"database": connection.vendor, "repeat": args.repeat, "rows": rows}, indent=2)
    )
    print(f"\nWritten to {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
