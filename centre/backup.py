"""Backups and restores: the database and every uploaded or generated file, in one archive.

An archive is a tar file holding `manifest.json` (when, which database engine, the applied
migrations, the row count of every table and a checksum of every file), `database.dump`
(`pg_dump --format=custom`; a consistent copy of the file on SQLite) and `media/` (MEDIA_ROOT).
With a passphrase it is encrypted with GnuPG (AES-256, symmetric), streamed so no plain copy ever
touches the disk; `gpg --decrypt` opens it by hand if this code is not to hand. A restore refuses
a database that already holds data unless told to replace it, then checks every table's row
count against the manifest, so a restore that lost anything fails loudly.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.db import connections
from django.db.migrations.recorder import MigrationRecorder

MANIFEST = "manifest.json"
DUMP = "database.dump"
MEDIA = "media"
ENCRYPTED_SUFFIX = ".gpg"


class BackupError(RuntimeError):
    """A backup or restore could not be done; the message says why in plain words."""


@dataclass(frozen=True)
class RestoreReport:
    tables: int
    rows: int
    files: int


# --- Reading the database ---------------------------------------------------------------------


def table_row_counts(alias: str = "default") -> dict[str, int]:
    """Every table of the database and its number of rows."""
    connection = connections[alias]
    with connection.cursor() as cursor:
        tables = sorted(connection.introspection.table_names(cursor))
        counts = {}
        for table in tables:
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            counts[table] = cursor.fetchone()[0]
    return counts


def _applied_migrations(alias: str) -> list[str]:
    recorder = MigrationRecorder(connections[alias])
    return sorted(f"{app}.{name}" for app, name in recorder.applied_migrations())


def _pg_env(database: dict[str, Any]) -> tuple[list[str], dict[str, str]]:
    args = ["--dbname", database["NAME"]]
    if database.get("HOST"):
        args += ["--host", str(database["HOST"])]
    if database.get("PORT"):
        args += ["--port", str(database["PORT"])]
    if database.get("USER"):
        args += ["--username", str(database["USER"])]
    env = dict(os.environ)
    if database.get("PASSWORD"):
        env["PGPASSWORD"] = str(database["PASSWORD"])  # never on a command line others can see
    return args, env


def _run(command: list[str], *, env: dict[str, str] | None = None, what: str) -> None:
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise BackupError(f"{what} needs {command[0]!r}, which is not installed here.") from None
    if result.returncode != 0:
        raise BackupError(f"{what} failed: {result.stderr.strip()[:500]}")


def _dump_database(alias: str, target: Path) -> str:
    database = connections[alias].settings_dict
    if connections[alias].vendor == "postgresql":
        args, env = _pg_env(database)
        pg_dump = os.environ.get("PG_DUMP", "pg_dump")
        command = [pg_dump, "--format=custom", "--no-owner", "--no-privileges", "--file"]
        _run([*command, str(target), *args], env=env, what="pg_dump")
        return "postgresql"
    if connections[alias].vendor == "sqlite":
        connection = connections[alias]
        connection.ensure_connection()  # the live connection also reaches an in-memory database
        with sqlite3.connect(target) as copy:
            connection.connection.backup(copy)  # consistent even while the app writes
        return "sqlite"
    raise BackupError(f"Backups support PostgreSQL and SQLite, not {connections[alias].vendor}.")


# --- Writing the archive ----------------------------------------------------------------------


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _media_files(media_root: Path) -> Iterator[Path]:
    if media_root.is_dir():
        yield from sorted(p for p in media_root.rglob("*") if p.is_file() and not p.is_symlink())


@contextmanager
def _gpg_writer(target: Path, passphrase: str) -> Iterator[IO[bytes]]:
    read_end, write_end = os.pipe()
    command = ["gpg", "--batch", "--yes", "--quiet", "--symmetric", "--cipher-algo", "AES256"]
    command += ["--passphrase-fd", str(read_end), "--pinentry-mode", "loopback"]
    command += ["--output", str(target)]
    try:
        process = subprocess.Popen(command, stdin=subprocess.PIPE, pass_fds=(read_end,))
    except FileNotFoundError:
        raise BackupError(
            "An encrypted backup needs GnuPG ('gpg'), which is not installed."
        ) from None
    os.close(read_end)
    with os.fdopen(write_end, "w") as secret:
        secret.write(passphrase)
    try:
        yield process.stdin  # type: ignore[misc]
    finally:
        process.stdin.close()  # type: ignore[union-attr]
        if process.wait() != 0:
            target.unlink(missing_ok=True)
            raise BackupError("GnuPG could not encrypt the backup.")


def backup_create(*, output: Path, passphrase: str | None = None, alias: str = "default") -> Path:
    """Write a timestamped archive of the database and MEDIA_ROOT into the folder `output`."""
    output.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    name = f"centre-{stamp}.tar" + (ENCRYPTED_SUFFIX if passphrase else "")
    target = output / name
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="centre-backup-") as scratch:
        dump = Path(scratch) / DUMP
        engine = _dump_database(alias, dump)
        files = list(_media_files(media_root))
        manifest = {
            "created_at": datetime.now(UTC).isoformat(),
            "engine": engine,
            "migrations": _applied_migrations(alias),
            "tables": table_row_counts(alias),
            "files": {p.relative_to(media_root).as_posix(): _sha256(p) for p in files},
        }
        if passphrase:
            with _gpg_writer(target, passphrase) as stream:
                _write_tar(stream, manifest, dump, media_root, files)
        else:
            with target.open("wb") as stream:
                _write_tar(stream, manifest, dump, media_root, files)
        target.chmod(0o600)  # it holds everything about every woman
    return target


def _write_tar(
    stream: IO[bytes], manifest: dict, dump: Path, media_root: Path, files: list[Path]
) -> None:
    with tarfile.open(fileobj=stream, mode="w|") as archive:
        data = json.dumps(manifest, indent=2, sort_keys=True).encode()
        info = tarfile.TarInfo(MANIFEST)
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))
        archive.add(dump, arcname=DUMP)
        for path in files:
            archive.add(path, arcname=f"{MEDIA}/{path.relative_to(media_root).as_posix()}")


# --- Restoring --------------------------------------------------------------------------------


@contextmanager
def _opened(archive: Path, passphrase: str | None) -> Iterator[Path]:
    """The archive as a plain tar file in a private scratch folder (decrypted if need be)."""
    if not archive.is_file():
        raise BackupError(f"There is no backup file at {archive}.")
    with tempfile.TemporaryDirectory(prefix="centre-restore-") as scratch:
        if archive.name.endswith(ENCRYPTED_SUFFIX):
            if not passphrase:
                raise BackupError("This backup is encrypted: give its passphrase.")
            plain = Path(scratch) / "backup.tar"
            read_end, write_end = os.pipe()
            command = ["gpg", "--batch", "--yes", "--quiet", "--decrypt"]
            command += ["--passphrase-fd", str(read_end), "--pinentry-mode", "loopback"]
            command += ["--output", str(plain), str(archive)]
            process = subprocess.Popen(command, pass_fds=(read_end,), stderr=subprocess.DEVNULL)
            os.close(read_end)
            with os.fdopen(write_end, "w") as secret:
                secret.write(passphrase)
            if process.wait() != 0:
                raise BackupError("The backup could not be decrypted: is the passphrase right?")
            yield plain
        else:
            yield archive


def _extract(tar_path: Path, into: Path) -> dict:
    with tarfile.open(tar_path, mode="r") as archive:
        archive.extractall(into, filter="data")  # no absolute paths, links out or devices
    manifest_path = into / MANIFEST
    if not manifest_path.is_file():
        raise BackupError("This file is not a centre backup (it has no manifest).")
    return json.loads(manifest_path.read_text())


def _database_is_empty(alias: str) -> bool:
    counts = table_row_counts(alias)
    return not any(rows for table, rows in counts.items() if table != "django_migrations")


def _restore_database(alias: str, engine: str, dump: Path) -> None:
    connection = connections[alias]
    if engine != connection.vendor:
        raise BackupError(f"This backup is of a {engine} database, not {connection.vendor}.")
    database = connection.settings_dict
    if engine == "postgresql":
        args, env = _pg_env(database)
        pg_restore = os.environ.get("PG_RESTORE", "pg_restore")
        command = [pg_restore, "--clean", "--if-exists", "--no-owner", "--no-privileges"]
        command += ["--single-transaction", "--exit-on-error"]
        connection.close()
        _run([*command, *args, str(dump)], env=env, what="pg_restore")
    else:
        connection.close()
        shutil.copyfile(dump, database["NAME"])


def _restore_media(extracted: Path, manifest: dict) -> int:
    media_root = Path(settings.MEDIA_ROOT)
    for relative, checksum in manifest["files"].items():
        source = extracted / MEDIA / relative
        if _sha256(source) != checksum:
            raise BackupError(f"The file {relative} in the backup is damaged.")
        target = media_root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
    return len(manifest["files"])


def backup_restore(
    *, archive: Path, passphrase: str | None = None, replace: bool = False, alias: str = "default"
) -> RestoreReport:
    """Restore an archive into the configured database and MEDIA_ROOT, then prove every row came
    back. Refuses a database holding data unless `replace` is given."""
    if not replace and not _database_is_empty(alias):
        raise BackupError(
            "The database already holds data. Restore into an empty database, or say --replace "
            "to overwrite it."
        )
    with _opened(archive, passphrase) as plain, tempfile.TemporaryDirectory() as scratch:
        extracted = Path(scratch)
        manifest = _extract(plain, extracted)
        _restore_database(alias, manifest["engine"], extracted / DUMP)
        files = _restore_media(extracted, manifest)
    restored = table_row_counts(alias)
    wrong = {
        table: (rows, restored.get(table))
        for table, rows in manifest["tables"].items()
        if restored.get(table) != rows
    }
    if wrong:
        raise BackupError(f"Rows differ after the restore (backup, restored): {wrong}")
    return RestoreReport(tables=len(restored), rows=sum(restored.values()), files=files)
