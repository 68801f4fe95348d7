"""The benchmark: `make bench` (arguments through BENCH_ARGS, e.g. BENCH_ARGS="--users 5 --seconds 15").

1. Builds or reuses the large data set in a database of its own (tests/bench/data.py).
2. Serves the app with gunicorn, as in production (DEBUG off, production settings), in
   benchmark mode (BENCH=1: the floor page at /bench/floor/ and an X-Bench-Queries header).
3. Drives it with Locust, headless (tests/bench/locustfile.py): first the floor page alone, for
   the throughput the app can reach at all; then the mix of journeys, which also asks for the
   floor, so every page is compared with the floor in the same run.
4. Times the quarterly report's build for the large centre and a small one.
5. Prints the table (p50, p95, requests/s, errors, queries per request, ratio to the floor),
   writes it as JSON under bench-results/ and, with --docs, into docs/performance.md.

It is not a test and never fails the build: it exits 0 whatever the numbers are (only a broken
set-up, such as gunicorn not starting, is an error). Timings belong here, never in tests.
"""

import argparse
import csv
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
AIM_P50, AIM_P95, AIM_MIX = 2.0, 3.0, 0.5
REPORT_AIM = 1.5
DOCS_START, DOCS_END = "<!-- bench:start -->", "<!-- bench:end -->"
# Pages that are not staff pages: the sign-in, the tablet's, and the POSTs' own redirects.
NOT_STAFF = ("sign in", "tablet:")
MIX = ["KeyWorker", "Manager", "Tablet"]


def database_url(base: str, name: str) -> str:
    """The same PostgreSQL server as `base`, another database."""
    parts = urlsplit(base)
    return urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, parts.fragment))


def bench_environment(database_url: str, redis_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="centre.settings",
        DEBUG="0",
        BENCH="1",
        SECRET_KEY=os.environ.get("BENCH_SECRET_KEY", "bench-only-" + "q8Wm3Zt5Lp2Xv7Rk9Ny4" * 3),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="0",
        SECURE_HSTS_SECONDS="0",
        REQUIRE_2FA="0",
        LOG_LEVEL="ERROR",
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        EMAIL_BACKEND="locmem",
        SITE_URL="http://127.0.0.1",
        # Production refuses the console backends for texts; nothing is sent during a run (no
        # worker runs), so the address is never called.
        SMS_BACKEND="http",
        SMS_API_URL="http://127.0.0.1:9/",
        SMS_API_KEY="bench-only",
        PYTHONPATH=str(ROOT),
    )
    # Tests' stand-ins must not leak in from the caller (pytest-django sets this).
    env.pop("PYTEST_XDIST_WORKER", None)
    return env


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(url: str, server: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn stopped (exit {server.returncode}); see its output above")
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=2):  # noqa: S310 - loopback
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("gunicorn did not answer within a minute")


def _percentile(values: list[float] | None, percent: int) -> float:
    if not values:
        return 0.0
    if len(values) == 1:
        return round(values[0], 1)
    return round(statistics.quantiles(values, n=100, method="inclusive")[percent - 1], 1)


def _number(text: str) -> float:
    try:
        return float(text or 0)
    except ValueError:  # "N/A": no request of this name succeeded
        return 0.0


def locust(
    host: str, users: int, seconds: int, classes: list[str], out: Path, env, phase: int
) -> dict:
    """One headless Locust run; returns its rows by page name, with queries per request."""
    prefix = out / "locust"
    queries = out / "queries.json"
    command = [
        str(BIN / "locust"),
        "-f",
        str(ROOT / "tests" / "bench" / "locustfile.py"),
        "--headless",
        "--host",
        host,
        "--users",
        str(users),
        "--spawn-rate",
        str(max(users, 1)),
        "--run-time",
        f"{seconds}s",
        "--stop-timeout",
        "5",
        "--csv",
        str(prefix),
        "--only-summary",
        "--loglevel",
        "WARNING",
        *classes,
    ]
    subprocess.run(
        command,
        env={**env, "BENCH_QUERIES_OUT": str(queries), "BENCH_PHASE": str(phase)},
        check=False,
        stdout=subprocess.DEVNULL,
    )
    seen = json.loads(queries.read_text()) if queries.exists() else {}
    counts, server = seen.get("queries", {}), seen.get("server_ms", {})
    rows = {}
    with open(f"{prefix}_stats.csv", newline="") as handle:
        for line in csv.DictReader(handle):
            name = "(all requests)" if line["Name"] == "Aggregated" else line["Name"]
            queries_seen = counts.get(name) or []

            rows[name] = {
                "page": name,
                "requests": int(line["Request Count"]),
                "errors": int(line["Failure Count"]),
                "p50_ms": _number(line["50%"]),
                "p95_ms": _number(line["95%"]),
                "rps": round(_number(line["Requests/s"]), 1),
                "server_p50_ms": _percentile(server.get(name), 50),
                "server_p95_ms": _percentile(server.get(name), 95),
                "queries": round(statistics.mean(queries_seen), 1) if queries_seen else None,
            }
    failures = Path(f"{prefix}_failures.csv")
    if failures.exists():
        with open(failures, newline="") as handle:
            for line in csv.DictReader(handle):
                rows.get(line["Name"], {}).setdefault("failures", []).append(
                    f"{line['Occurrences']}x {line['Error']}"
                )
    return rows


def _ratio(value, floor):
    return round(value / floor, 1) if floor else None


def table(results: dict) -> str:
    floor = results["pages"].get("floor", {})
    lines = [
        "| page | p50 ms | p95 ms | server p50 ms | server p95 ms | x floor p50 | x floor p95 "
        "| req/s | errors | queries |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, row in results["pages"].items():
        lines.append(
            f"| {name} | {row['p50_ms']:.0f} | {row['p95_ms']:.0f} | "
            f"{row['server_p50_ms']:.0f} | {row['server_p95_ms']:.0f} | "
            f"{_ratio(row['server_p50_ms'], floor.get('server_p50_ms')) or '-'} | "
            f"{_ratio(row['server_p95_ms'], floor.get('server_p95_ms')) or '-'} | {row['rps']} | "
            f"{row['errors']} | {row['queries'] if row['queries'] is not None else '-'} |"
        )
    mix, alone = results["mix_rps"], results["floor_alone_rps"]
    lines += [
        "",
        f"Throughput: the mix {mix} requests/s; the floor alone {alone} requests/s "
        f"(mix / floor {_ratio(mix, alone) or '-'}, aim at least {AIM_MIX}).",
        "",
        "| quarterly report build | ms |",
        "| --- | ---: |",
    ]
    for name, value in results["report"].items():
        unit = "x" if "/" in name else ""
        lines.append(f"| {name} | {value}{unit} |")
    return "\n".join(lines)


def distance_from_aim(results: dict) -> str:
    floor = results["pages"].get("floor", {})
    lines = []
    for name, row in results["pages"].items():
        if name in ("floor", "(all requests)") or name.startswith(NOT_STAFF):
            continue
        p50 = _ratio(row["server_p50_ms"], floor.get("server_p50_ms")) or 0
        p95 = _ratio(row["server_p95_ms"], floor.get("server_p95_ms")) or 0
        misses = []
        if p50 > AIM_P50:
            misses.append(f"p50 {p50}x (aim {AIM_P50}x)")
        if p95 > AIM_P95:
            misses.append(f"p95 {p95}x (aim {AIM_P95}x)")
        if row["errors"]:
            misses.append(f"{row['errors']} errors")
        lines.append(f"- {name}: " + ("; ".join(misses) if misses else "within the aim"))
    ratio = _ratio(results["mix_rps"], results["floor_alone_rps"]) or 0
    lines.append(
        f"- the mix: {ratio} of the floor's throughput "
        + ("(within the aim)" if ratio >= AIM_MIX else f"(aim {AIM_MIX})")
    )
    report = results["report"].get("numbers + PDF, large / small")
    if report is not None:
        lines.append(
            f"- the report, large / small: {report}x "
            + ("(within the aim)" if report <= REPORT_AIM else f"(aim {REPORT_AIM}x)")
        )
    return "\n".join(lines)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        model = re.search(r"model name\s*:\s*(.*)", Path("/proc/cpuinfo").read_text())
        cpu = model.group(1) if model else cpu
    except OSError:
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0
    return (
        f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, "
        f"load average {load:.1f} at the start"
    )


def write_docs(results: dict, path: Path) -> None:
    text = path.read_text() if path.exists() else f"{DOCS_START}\n{DOCS_END}\n"
    block = (
        f"{DOCS_START}\nLatest run: {results['when']}, {results['users']} users, "
        f"{results['seconds']} s of the mix after {results['floor_seconds']} s of the floor "
        f"alone (after a {results['warmup']} s warm-up), {results['workers']} gunicorn workers, data set `{results['size']}`.\n"
        f"Machine: {results['machine']}.\n\n{table(results)}\n\n"
        f"How far each page is from the aim:\n\n{distance_from_aim(results)}\n{DOCS_END}"
    )
    start, end = text.index(DOCS_START), text.index(DOCS_END) + len(DOCS_END)
    path.write_text(text[:start] + block + text[end:])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=int, default=60, help="length of the mix")
    parser.add_argument(
        "--floor-seconds", type=int, default=None, help="floor alone (default a third)"
    )
    parser.add_argument("--warmup", type=int, default=5, help="seconds of the mix not measured")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers (as deployed)")
    parser.add_argument("--size", choices=["large", "tiny"], default="large")
    parser.add_argument("--rebuild", action="store_true", help="build the data set afresh")
    parser.add_argument("--database", help="database name (default centre_bench_data)")
    parser.add_argument("--out", default=str(ROOT / "bench-results"))
    parser.add_argument(
        "--docs", action="store_true", help="write the table to docs/performance.md"
    )
    parser.add_argument("--no-report", action="store_true", help="skip the report build times")
    parser.add_argument("--report-repeat", type=int, default=3, help="builds of each report")
    args = parser.parse_args(argv)
    floor_seconds = args.floor_seconds or max(5, args.seconds // 3)

    base = os.environ.get("BENCH_DATABASE_URL") or os.environ.get("DATABASE_URL")
    if not base or not base.startswith("postgres"):
        print("The benchmark needs PostgreSQL: set DATABASE_URL (or BENCH_DATABASE_URL).")
        return 2
    url = database_url(base, args.database or "centre_bench_data")
    # BENCH_REDIS_URL="" runs without Redis (tasks in the request, as on a bare machine).
    redis_url = os.environ.get("BENCH_REDIS_URL", os.environ.get("REDIS_URL", ""))
    env = bench_environment(url, redis_url)
    os.environ.update({k: v for k, v in env.items() if k not in ("PYTHONPATH",)})
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    # Django is set up only now, with the benchmark's settings: these modules need it.
    from django.core.management import call_command
    from django.db import connections

    from tests.bench import data

    data.ensure(url, args.size, rebuild=args.rebuild)
    call_command("collectstatic", "--noinput", verbosity=0)
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    plan_path = work / "plan.json"
    plan_path.write_text(json.dumps(data.plan()))
    env["BENCH_PLAN"] = str(plan_path)
    connections.close_all()

    port = _free_port()
    host = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(  # noqa: S603 - our own gunicorn, on the loopback
        [
            str(BIN / "gunicorn"),
            "centre.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(args.workers),
            "--timeout",
            "60",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    # Stopped from outside (kill): still stop gunicorn, in the finally below.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    started = time.strftime("%Y-%m-%d %H:%M")
    where = machine()
    try:
        _wait_until_up(host, server)
        # Each worker compiles templates and fills caches on its first requests: not measured.
        print(f"Warming up: {args.users} users for {args.warmup} s...", flush=True)
        (work / "warm").mkdir()
        locust(host, args.users, args.warmup, MIX, work / "warm", env, phase=0)
        print(f"Floor alone: {args.users} users for {floor_seconds} s...", flush=True)
        (work / "floor").mkdir()
        alone = locust(host, args.users, floor_seconds, ["FloorOnly"], work / "floor", env, phase=1)
        print(f"The mix: {args.users} users for {args.seconds} s...", flush=True)
        (work / "mix").mkdir()
        pages = locust(host, args.users, args.seconds, MIX, work / "mix", env, phase=2)
    finally:
        server.terminate()
        server.wait(timeout=30)
    report = {} if args.no_report else data.report_build_times(args.report_repeat)
    mix_row = pages.pop("(all requests)", {"rps": 0})
    results = {
        "when": started,
        "machine": where,
        "size": args.size,
        "users": args.users,
        "seconds": args.seconds,
        "floor_seconds": floor_seconds,
        "warmup": args.warmup,
        "workers": args.workers,
        "floor_alone_rps": alone.get("floor", {}).get("rps", 0),
        "mix_rps": mix_row["rps"],
        "pages": dict(sorted(pages.items(), key=lambda item: (item[0] != "floor", item[0]))),
        "report": report,
    }
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    path = out / time.strftime("%Y%m%d-%H%M%S.json")
    path.write_text(json.dumps(results, indent=2))
    (out / "latest.json").write_text(json.dumps(results, indent=2))
    print()
    print(table(results))
    print()
    print(distance_from_aim(results))
    for name, row in results["pages"].items():
        for failure in row.get("failures", [])[:3]:
            print(f"  {name}: {failure}")
    print(f"\nWritten to {path}")
    if args.docs:
        write_docs(results, ROOT / "docs" / "performance.md")
        print("Table written to docs/performance.md")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
