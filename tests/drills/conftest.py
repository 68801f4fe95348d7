"""The fault drills: every module here is marked `drill` and run by `make drills` after the suite.

Each drill starts the Redis or PostgreSQL it stops (a private server on a free port), so the
shared services, and whatever else runs on the machine, are never disturbed.
"""

import glob
import os
import re
import shutil
import subprocess
import tempfile
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import free_port, skip_or_fail
from tests.url_matrix.test_url_matrix import world  # noqa: F401 - the URL matrix's world, reused


def delivered(outdir: Path) -> Counter:
    """What the mail and text backends of real workers received, as outbox key -> times
    (the file backends write one file per message, naming the key)."""
    received: Counter = Counter()
    for log in (outdir / "mail").glob("*.log"):
        received.update(re.findall(r"^X-Reference: (\S+)$", log.read_text(), re.MULTILINE))
    for text in (outdir / "sms").glob("*.txt"):
        received[re.search(r"(outbox-\d+)\.txt$", text.name).group(1)] += 1
    return received


class PrivatePostgres:
    """A PostgreSQL cluster of the drill's own, in a temporary folder on a free port, so a drill
    can stop and restart it without touching the shared server."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.data = folder / "data"
        self.port = free_port()
        bins = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=_version)
        self.bin = Path(bins[-1]) if bins else None

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/centre"

    def _run(self, *args: str, check: bool = True) -> None:
        # PostgreSQL refuses to run as root: a root CI runs it as the postgres user.
        as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run([*as_user, *args], check=check, capture_output=True, timeout=120)

    def init(self) -> None:
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres")
        self._run(
            str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust",
            "-E", "UTF8", "--locale=C.UTF-8", "--no-sync",
        )  # fmt: skip
        self.start()

    def start(self) -> None:
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.folder} "
            "-c fsync=off -c full_page_writes=off"
        )
        self._run(
            str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", options, "-l",
            str(self.folder / "log"), "-w", "start",
        )  # fmt: skip

    def stop(self, *, check: bool = True) -> None:
        pg_ctl = str(self.bin / "pg_ctl")
        self._run(pg_ctl, "-D", str(self.data), "-m", "fast", "-w", "stop", check=check)


def _version(path: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", path))


@pytest.fixture
def private_postgres():
    folder = Path(tempfile.mkdtemp(prefix="centre-drill-pg-"))
    server = PrivatePostgres(folder)
    if server.bin is None or not (server.bin / "initdb").exists():
        skip_or_fail("PostgreSQL's server programs (initdb, pg_ctl) are not installed")
    server.init()
    yield server
    try:
        server.stop(check=False)  # a drill that failed mid-outage left it stopped
    finally:
        shutil.rmtree(folder, ignore_errors=True)
