"""The fault drills: every module here is marked `drill` and run by `make drills` after the suite.

Each drill starts the Redis or PostgreSQL it stops (a private server on a free port), so the
shared services, and whatever else runs on the machine, are never disturbed.
"""

import re
from collections import Counter
from pathlib import Path

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
