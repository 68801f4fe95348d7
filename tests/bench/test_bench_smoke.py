"""The benchmark's machinery, run for a few seconds on a tiny data set so it cannot rot. It
checks that every journey ran and answered as expected, never how fast (timings belong in
`make bench`, not in tests)."""

import json
import os
import subprocess
import sys
from urllib.parse import urlsplit

import pytest

from tests.bench.forms import form_fields
from tests.bench.run import ROOT, database_url, distance_from_aim, table

JOURNEYS = {
    "floor",
    "home",
    "caseload",
    "her record",
    "her timeline",
    "log a contact (form)",
    "log a contact (POST)",
    "register",
    "register (POST)",
    "triage list",
    "audit search",
    "who looked at her record",
    "reports list",
    "ask for a report (POST)",
    "tablet: idea (form)",
    "tablet: idea (POST)",
}


@pytest.mark.services
def test_bench_runs_every_journey_against_gunicorn(tmp_path):
    base = os.environ.get("DATABASE_URL", "")
    if not base.startswith("postgres"):
        pytest.skip("the benchmark needs PostgreSQL")
    name = urlsplit(base).path.lstrip("/") + "_bench_smoke"
    # No Redis: the report builds in the request. Every user walks every journey in turn, for
    # long enough to go round once even on a busy machine.
    env = {**os.environ, "BENCH_REDIS_URL": "", "BENCH_IN_TURN": "1"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    command = [sys.executable, "-m", "tests.bench.run", "--size", "tiny", "--database", name]
    command += ["--users", "4", "--seconds", "30", "--floor-seconds", "6", "--workers", "2"]
    command += ["--warmup", "4", "--report-repeat", "1", "--out", str(tmp_path)]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    results = json.loads((tmp_path / "latest.json").read_text())
    assert set(results["pages"]) >= JOURNEYS, set(results["pages"])
    for page, row in results["pages"].items():
        assert row["requests"] > 0, page
        assert row["errors"] == 0, (page, row.get("failures"))
        assert row["queries"] is not None and row["queries"] > 0, page
        assert row["server_p50_ms"] > 0, page
    assert results["floor_alone_rps"] > 0 and results["mix_rps"] > 0
    assert set(results["report"]) >= {"numbers + PDF, small centre", "numbers + PDF, large / small"}
    assert "| floor |" in done.stdout and "x floor p50" in done.stdout


def test_database_url_keeps_the_server_and_changes_the_name():
    url = "postgres://postgres@127.0.0.1:5432/centre?sslmode=disable"
    assert database_url(url, "bench") == "postgres://postgres@127.0.0.1:5432/bench?sslmode=disable"


def test_a_form_is_filled_in_as_a_browser_would():
    html = """
    <form method="post" action="/accounts/logout/"><input type="hidden" name="csrf" value="a"></form>
    <form method="post" novalidate>
      <input type="hidden" name="csrf" value="b"><input type="text" name="note" value="x">
      <select name="kind"><option value="">--</option><option value="one">One</option></select>
      <select name="size"><option value="s">S</option><option value="m" selected>M</option></select>
      <input type="radio" name="about" value="food"><input type="radio" name="about" value="room">
      <input type="checkbox" name="tick" value="1" checked><input type="checkbox" name="no" value="2">
      <textarea name="text">hello</textarea><input type="submit" name="go" value="Save">
    </form>"""
    fields = form_fields(html, note="changed")
    assert sorted(fields) == sorted(
        [
            ("csrf", "b"),
            ("kind", "one"),
            ("size", "m"),
            ("about", "food"),
            ("tick", "1"),
            ("text", "hello"),
            ("note", "changed"),
        ]
    )
    assert form_fields(html, "/accounts/logout/") == [("csrf", "a")]
    with pytest.raises(ValueError):
        form_fields(html, "/elsewhere/")


def test_the_table_compares_every_page_with_the_floor():
    row = {"requests": 10, "errors": 0, "rps": 5.0, "queries": 4}
    results = {
        "pages": {
            "floor": {
                **row,
                "p50_ms": 900.0,
                "p95_ms": 990.0,
                "server_p50_ms": 10.0,
                "server_p95_ms": 20.0,
            },
            "caseload": {
                **row,
                "p50_ms": 950.0,
                "p95_ms": 1100.0,
                "server_p50_ms": 25.0,
                "server_p95_ms": 70.0,
            },
        },
        "mix_rps": 40.0,
        "floor_alone_rps": 100.0,
        "report": {"numbers, large / small": 1.2},
    }
    text = table(results)
    # Ratios of the time the server spent, not of the time waiting for a free worker.
    assert "| caseload | 950 | 1100 | 25 | 70 | 2.5 | 3.5 | 5.0 | 0 | 4 |" in text
    assert "- caseload: p50 2.5x (aim 2.0x); p95 3.5x (aim 3.0x)" in distance_from_aim(results)
    assert "mix / floor 0.4" in text
