"""docker compose cannot run here (no Docker engine), so check the file against the code."""

import re
from pathlib import Path

import yaml

from centre.celery import app as celery_app

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]


def _settings_variables():
    text = (ROOT / "centre" / "settings.py").read_text()
    return set(re.findall(r'env_(?:str|bool|int|list|choice)\(\s*"([A-Z0-9_]+)"', text))


def test_all_five_services_with_health_checks():
    assert set(SERVICES) == {"postgres", "redis", "web", "worker", "beat"}
    for name, service in SERVICES.items():
        assert "healthcheck" in service, f"{name} has no health check"


def test_postgres_16_with_a_volume():
    assert SERVICES["postgres"]["image"] == "postgres:16"
    assert any(v.endswith("/var/lib/postgresql/data") for v in SERVICES["postgres"]["volumes"])
    assert "pgdata" in COMPOSE["volumes"]


def test_redis_7_keeps_its_append_only_file():
    redis = SERVICES["redis"]
    assert redis["image"] == "redis:7"
    command = redis["command"]
    assert command[command.index("--appendonly") + 1] == "yes"
    assert any(v.endswith(":/data") for v in redis["volumes"])


def test_commands_match_the_code():
    assert "gunicorn centre.wsgi" in " ".join(SERVICES["web"]["command"])
    assert "migrate" in " ".join(SERVICES["web"]["command"])
    worker = SERVICES["worker"]["command"]
    queues = set(worker[worker.index("-Q") + 1].split(","))
    assert queues == {q.name for q in celery_app.conf.task_queues}, (
        "the worker must consume every queue"
    )
    assert SERVICES["beat"]["command"][:4] == ["celery", "-A", "centre", "beat"]


def test_app_services_share_environment_that_settings_read():
    known = _settings_variables() | {"DATABASE_URL", "REDIS_URL", "SECRET_KEY"}
    for name in ("web", "worker", "beat"):
        environment = SERVICES[name]["environment"]
        unknown = set(environment) - known
        assert not unknown, f"{name} sets variables settings.py never reads: {unknown}"
        assert environment["DEBUG"] == "0"
        assert (
            environment["DATABASE_URL"].startswith("postgres://")
            and "@postgres:5432/" in environment["DATABASE_URL"]
        )
        assert environment["REDIS_URL"] == "redis://redis:6379/0"
        assert "SECRET_KEY" in environment and "ALLOWED_HOSTS" in environment
        depends = SERVICES[name]["depends_on"]
        assert (
            depends["postgres"]["condition"] == depends["redis"]["condition"] == "service_healthy"
        )


def test_dockerfile_installs_what_pdfs_need_and_runs_gunicorn():
    dockerfile = (ROOT / "Dockerfile").read_text()
    for package in ("libpango-1.0-0", "libpangoft2-1.0-0", "libharfbuzz0b"):
        assert package in dockerfile
    assert "python:3.11" in dockerfile and "gunicorn" in dockerfile and "USER centre" in dockerfile


def test_readme_documents_every_environment_variable():
    readme = (ROOT / "README.md").read_text()
    missing = sorted(
        v
        for v in _settings_variables() | {"DATABASE_URL", "REDIS_URL", "SECRET_KEY"}
        if f"`{v}`" not in readme
    )
    assert not missing, f"README configuration table lacks: {missing}"


def test_compose_sends_texts_through_a_real_provider_never_the_console():
    for name in ("web", "worker", "beat"):
        environment = SERVICES[name]["environment"]
        assert environment["SMS_BACKEND"] == "http"
        for variable in ("SMS_API_URL", "SMS_API_KEY", "SITE_URL"):
            assert ":?" in environment[variable], f"{variable} must be required in .env"
