"""Access is decided in the policy modules only: no role compared in a view, selector, service,
hook or template, and every `can.<name>` a template asks for is a registered capability."""

import re
from pathlib import Path

import pytest

from centre.access import registered_capabilities

ROOT = Path(__file__).resolve().parents[2]
APPS = ("centre", "casework", "activities", "coproduction")

# Where roles may be named: the policy modules, and code that only creates or lists memberships.
POLICY_FILES = re.compile(
    r"(^|/)(roles|access|middleware|models|forms|admin|demo)\.py$|/access/|/migrations/|/management/"
)
ROLE_COMPARISON = re.compile(
    r"\.role\s*(==|!=|\bin\b|\bnot in\b)|\brole\s*(==|!=)\s*Role\.|Role\.[A-Z_]+\s*(==|!=)"
    r"|\bcurrent_role\b(?!_label)"
)
TEMPLATE_ROLE = re.compile(r"\b(current_role|membership\.role)\b|role\s*(==|!=)\s*[\"']")
TEMPLATE_CAN = re.compile(r"\bcan\.([a-z_]+)")

# Files still to move onto the policy modules (issue 10). Empty this list; never add to it.
NOT_YET: set[str] = set()


def _files(pattern):
    for app in APPS:
        for path in sorted((ROOT / app).rglob(pattern)):
            yield path.relative_to(ROOT).as_posix(), path
    if pattern == "*.html":
        for path in sorted((ROOT / "templates").rglob(pattern)):
            yield path.relative_to(ROOT).as_posix(), path


def _offences(pattern, regex, skip=None):
    found = {}
    for name, path in _files(pattern):
        if skip and skip.search(name):
            continue
        lines = [
            f"{number}: {line.strip()}"
            for number, line in enumerate(path.read_text().splitlines(), 1)
            if regex.search(line)
        ]
        if lines:
            found[name] = lines
    return found


def test_no_role_is_compared_outside_the_policy_modules():
    offences = _offences("*.py", ROLE_COMPARISON, skip=POLICY_FILES)
    new = {name: lines for name, lines in offences.items() if name not in NOT_YET}
    assert not new, f"Ask centre.access.can(...) or a policy function instead: {new}"


def test_no_template_names_a_role():
    offences = _offences("*.html", TEMPLATE_ROLE)
    new = {name: lines for name, lines in offences.items() if name not in NOT_YET}
    assert not new, f"Templates ask {{% if can.<capability> %}} instead: {new}"


def test_the_not_yet_list_only_names_files_that_still_offend():
    offending = set(_offences("*.py", ROLE_COMPARISON, skip=POLICY_FILES))
    offending |= set(_offences("*.html", TEMPLATE_ROLE))
    assert not NOT_YET - offending, f"Take these off NOT_YET: {sorted(NOT_YET - offending)}"


@pytest.mark.django_db
def test_every_capability_a_template_asks_for_exists(client):
    # A misspelt capability in a template would silently hide a button (or show one).
    client.get("/healthz")  # URLs loaded: every app's policy module has registered
    asked = {}
    for name, path in _files("*.html"):
        for capability in TEMPLATE_CAN.findall(path.read_text()):
            asked.setdefault(capability, name)
    unknown = {cap: name for cap, name in asked.items() if cap not in registered_capabilities()}
    assert not unknown, unknown
