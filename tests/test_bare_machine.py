"""The bare-machine path: no DATABASE_URL, no REDIS_URL. Migrate, seed the demo, sign in."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SMOKE = """
import django
django.setup()
from django.test import Client
from django.conf import settings
assert settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"), settings.DATABASES
assert settings.CELERY_TASK_ALWAYS_EAGER
client = Client(HTTP_HOST="127.0.0.1")
assert client.get("/accounts/login/").status_code == 200
assert client.get("/healthz").json() == {"database": "ok", "broker": "eager"}
for username in ["manager", "keyworker", "partner", "volunteer", "steering"]:
    client = Client(HTTP_HOST="127.0.0.1")
    response = client.post("/accounts/login/", {"username": username, "password": "centre-demo-2026"})
    assert response.status_code == 302, (username, response.status_code)
    home = client.get("/")
    assert home.status_code == 200 and b"Hello" in home.content, username
print("smoke ok")
"""


def test_migrate_seed_and_sign_in_on_sqlite_with_no_broker(tmp_path):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE")
    }
    env.update(
        SQLITE_PATH=str(tmp_path / "bare.sqlite3"),
        DJANGO_SETTINGS_MODULE="centre.settings",
        DEBUG="1",
    )

    def run(*args):
        result = subprocess.run(
            args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
        )
        assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
        return result.stdout

    run(sys.executable, "manage.py", "migrate", "--noinput", "-v0")
    first = run(sys.executable, "manage.py", "seed_demo")
    assert "centre-demo-2026" in first
    run(sys.executable, "manage.py", "seed_demo")  # idempotent: a second run must not fail
    assert "smoke ok" in run(sys.executable, "-c", SMOKE)
