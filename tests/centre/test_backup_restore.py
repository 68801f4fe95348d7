"""The restore drill: back up the demo data and an uploaded file, restore into a scratch
database, check the migrations and every table's row count, and that the files came back."""

import os
import subprocess
import sys
from pathlib import Path

import psycopg2
import pytest
from django.core.management import call_command
from django.db import connection

from centre.backup import BackupError, backup_create, backup_restore, table_row_counts
from tests.conftest import skip_or_fail

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "a long passphrase nobody guesses"

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def postgres():
    if connection.vendor != "postgresql":
        skip_or_fail("the restore drill needs PostgreSQL")
    return connection.settings_dict


@pytest.fixture
def scratch_database(postgres):
    name = f"{postgres['NAME']}_restore"
    admin = psycopg2.connect(
        dbname="postgres", host=postgres["HOST"], port=postgres["PORT"], user=postgres["USER"]
    )
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield f"postgres://{postgres['USER']}@{postgres['HOST']}:{postgres['PORT']}/{name}"
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


def _env(database_url, media_root, passphrase=None):
    env = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "BACKUP_PASSPHRASE"}}
    env.update(DATABASE_URL=database_url, MEDIA_ROOT=str(media_root))
    env["DJANGO_SETTINGS_MODULE"] = "centre.settings"
    if passphrase:
        env["BACKUP_PASSPHRASE"] = passphrase
    return env


def _manage(*args, database_url, media_root, passphrase=None):
    env = _env(database_url, media_root, passphrase)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )


def _make(*args, database_url, media_root, passphrase=None):
    """`make backup` / `make restore` as the operations guide says, with this interpreter."""
    env = _env(database_url, media_root, passphrase)
    stamp = Path(media_root).parent / "installed"  # the test's interpreter is installed already
    stamp.touch()
    command = ["make", "--no-print-directory", f"PY={sys.executable}", f"STAMP={stamp}"]
    return subprocess.run([*command, *args], cwd=ROOT, env=env, capture_output=True, text=True)


def _counts(database_url):
    with psycopg2.connect(database_url) as conn, conn.cursor() as cursor:
        cursor.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
        )
        tables = [row[0] for row in cursor.fetchall()]
        counts = {}
        for table in tables:
            cursor.execute(f'SELECT COUNT(*) FROM "{table}"')
            counts[table] = cursor.fetchone()[0]
    return counts


@pytest.fixture
def demo(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    upload = Path(settings.MEDIA_ROOT) / "photos" / "2026" / "a-photo.jpg"
    upload.parent.mkdir(parents=True)
    upload.write_bytes(b"\xff\xd8\xff" + os.urandom(2048))
    return upload


def test_the_demo_data_and_its_files_survive_make_backup_and_make_restore(
    demo, tmp_path, scratch_database, settings
):
    before = table_row_counts()
    assert before["casework_woman"] > 0 and before["activities_attendance"] > 0
    made = _make(
        "backup",
        f"BACKUP_DIR={tmp_path / 'backups'}",
        database_url=connection_url(),
        media_root=settings.MEDIA_ROOT,
        passphrase=PASSPHRASE,
    )
    assert made.returncode == 0, made.stdout + made.stderr
    (archive,) = (tmp_path / "backups").iterdir()
    assert archive.name.startswith("centre-") and archive.name.endswith(".tar.gpg")
    assert oct(archive.stat().st_mode & 0o777) == "0o600"

    restored_media = tmp_path / "restored-media"
    result = _make(
        "restore",
        f"FILE={archive}",
        database_url=scratch_database,
        media_root=restored_media,
        passphrase=PASSPHRASE,
    )
    assert result.returncode == 0, result.stderr
    assert "every table's row count matches" in result.stdout

    check = _manage("migrate", "--check", database_url=scratch_database, media_root=restored_media)
    assert check.returncode == 0, check.stdout + check.stderr
    assert _counts(scratch_database) == before
    copy = restored_media / demo.relative_to(demo.parents[2])
    assert copy.read_bytes() == demo.read_bytes()


def test_an_encrypted_backup_gives_nothing_away_and_needs_its_passphrase(demo, tmp_path):
    archive = backup_create(output=tmp_path, passphrase=PASSPHRASE)
    assert b"casework_woman" not in archive.read_bytes()
    with pytest.raises(BackupError, match="passphrase"):
        backup_restore(archive=archive, passphrase="wrong", replace=True)
    with pytest.raises(BackupError, match="encrypted"):
        backup_restore(archive=archive, passphrase=None, replace=True)


def test_a_restore_never_overwrites_a_database_holding_data_unless_told(demo, tmp_path, postgres):
    archive = backup_create(output=tmp_path)
    with pytest.raises(BackupError, match="already holds data"):
        backup_restore(archive=archive)
    result = _manage(
        "restore", str(archive), database_url=connection_url(), media_root=tmp_path / "m"
    )
    assert result.returncode != 0
    assert "already holds data" in result.stderr


def connection_url():
    s = connection.settings_dict
    return f"postgres://{s['USER']}@{s['HOST']}:{s['PORT']}/{s['NAME']}"


def test_make_restore_without_a_file_says_what_to_do(tmp_path, postgres):
    result = _make("restore", database_url=connection_url(), media_root=tmp_path)
    assert result.returncode != 0
    assert "make restore FILE=" in result.stdout
