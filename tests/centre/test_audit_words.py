"""Issue 18: the audit log in plain words, every action code used in the code has them."""

import ast
import html
import re
from pathlib import Path

import pytest
from django.urls import reverse

from centre.audit import audit_log
from centre.audit_words import WORDS
from tests.casework.factories import WomanFactory

ROOT = Path(__file__).resolve().parents[2]
APPS = ("centre", "casework", "activities", "coproduction", "privacy")
AUDIT_CALLS = {"audit_log": None, "audit_request": 1, "audit_woman": 2, "audited_list": 2}
ACTION_NAMES = {"action", "audit_action", "viewed"}
CODE = re.compile(r"^[a-z_]+(\.[a-z_]+)+$")


def _strings(node):
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node.value
    elif isinstance(node, ast.IfExp):
        yield from _strings(node.body)
        yield from _strings(node.orelse)


def _codes_in(tree):
    for node in ast.walk(tree):
        values = []
        if isinstance(node, ast.Call):
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            values += [k.value for k in node.keywords if k.arg in ACTION_NAMES]
            position = AUDIT_CALLS.get(name)
            if position is not None and len(node.args) > position:
                values.append(node.args[position])
        elif isinstance(node, ast.Assign) and any(
            getattr(t, "id", None) in ACTION_NAMES for t in node.targets
        ):
            values.append(node.value)
        for value in values:
            yield from (code for code in _strings(value) if CODE.match(code))


def action_codes_in_the_code():
    codes = {}
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            for code in _codes_in(ast.parse(path.read_text())):
                codes.setdefault(code, str(path.relative_to(ROOT)))
    return codes


def test_every_action_code_in_the_code_has_words():
    codes = action_codes_in_the_code()
    assert len(codes) > 90, "the scan found too few codes: has the audit call changed?"
    missing = {code: where for code, where in codes.items() if code not in WORDS}
    assert not missing, f"add these to centre/audit_words.py WORDS: {missing}"


def test_the_scan_finds_a_dynamic_choice_of_codes():
    tree = ast.parse(
        'action = "team.triage_on" if on else "team.triage_off"\naudit_log(action=action)'
    )
    assert set(_codes_in(tree)) == {"team.triage_on", "team.triage_off"}


@pytest.mark.django_db
def test_the_audit_log_reads_in_plain_words(manager_client, manager, key_worker, centre):
    key_worker.first_name = "Anna"
    key_worker.save()
    woman = WomanFactory(
        centre=centre, first_name="Rebecca", preferred_name="Bex", last_name="Moss"
    )
    audit_log(
        actor=key_worker,
        action="casework.woman.view",
        centre=centre,
        obj=woman,
        woman_id=woman.pk,
        grounds="allocated",
    )
    response = manager_client.get(reverse("audit_log"))
    text = html.unescape(response.content.decode())
    assert "Anna read Bex M.'s record: her key worker" in text, text[text.find("<table") :]
    assert "Moss" not in text
