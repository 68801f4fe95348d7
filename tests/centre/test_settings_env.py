"""Settings come from the environment and a bad value stops start-up with a clear message."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "k3y-for-the-deploy-check-only-" + "x9Qz7Lm2Vb8Nc4Rt6Yw1" * 3,
    "ALLOWED_HOSTS": "centre.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://centre.example.org",
    "SITE_URL": "https://centre.example.org",
    "SMS_BACKEND": "http",
    "SMS_API_URL": "https://sms.example.org",
    "SMS_API_KEY": "key-for-the-deploy-check-only",
}


def run_manage(*args, **env):
    clean = {
        k: v
        for k, v in os.environ.items()
        # The browser tests set DJANGO_ALLOW_ASYNC_UNSAFE for their session; a deployment never has it.
        if k not in ("DJANGO_SETTINGS_MODULE", "DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    clean.update(env)
    clean["DJANGO_SETTINGS_MODULE"] = "centre.settings"
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("DEBUG", "maybe"),
        ("SESSION_IDLE_SECONDS", "thirty"),
        ("REDIS_URL", "localhost:6379"),
        ("DATABASE_URL", "nonsense://"),
        ("SMS_BACKEND", "carrier-pigeon"),
        ("AXES_FAILURE_LIMIT", "0"),
    ],
)
def test_a_bad_value_fails_at_start_up_naming_the_variable(variable, value):
    result = run_manage("check", **{variable: value})
    assert result.returncode != 0
    assert variable in result.stderr


def test_secret_key_is_required_when_debug_is_off():
    result = run_manage("check", DEBUG="0", ALLOWED_HOSTS="x.example.org")
    assert result.returncode != 0 and "SECRET_KEY must be set" in result.stderr


def test_http_sms_backend_needs_its_url_and_key():
    result = run_manage("check", SMS_BACKEND="http")
    assert result.returncode != 0 and "SMS_API_URL" in result.stderr


@pytest.mark.parametrize("backend", ["console", "file", "locmem", ""])
def test_production_refuses_to_start_without_a_real_sms_provider(backend):
    result = run_manage("check", **{**PRODUCTION, "SMS_BACKEND": backend})
    assert result.returncode != 0 and "SMS_BACKEND" in result.stderr


def test_production_needs_the_providers_address_and_key():
    without_key = {k: v for k, v in PRODUCTION.items() if k != "SMS_API_KEY"}
    result = run_manage("check", **without_key)
    assert result.returncode != 0 and "SMS_API_KEY" in result.stderr


def test_production_needs_the_site_address_for_links_in_emails():
    without = {k: v for k, v in PRODUCTION.items() if k != "SITE_URL"}
    result = run_manage("check", **without)
    assert result.returncode != 0 and "SITE_URL" in result.stderr


def test_check_deploy_passes_with_production_values():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stderr + result.stdout


def test_production_requires_the_second_factor_by_default():
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings; print(settings.REQUIRE_2FA)",
        **PRODUCTION,
    )
    assert result.stdout.strip().splitlines()[-1] == "True", result.stderr


def test_the_app_starts_without_weasyprint_imported():
    """WeasyPrint needs Pango: it is imported only where a PDF is made."""
    code = "import sys, django; django.setup(); import centre.urls, centre.pdf; print('weasyprint' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "centre.settings"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == "False", result.stderr
