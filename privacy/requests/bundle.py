"""Subject access: everything held about a woman, gathered from the personal data registry.

Every declared model gives one section (its plain-words label and her rows, each row's fields;
files are named, never embedded), and the audit trail adds who read her record and on what
grounds. The same gathering feeds the JSON in the bundle and the readable PDF (the document kind
`woman_everything_held`), so the two always agree.
"""

import io
import json
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from casework.models import Woman
from centre.audit_words import in_words
from centre.models import AuditEvent, OutboxMessage
from centre.personal_data import DELETE, PersonalData, declarations

# Messages have no link to her record (the outbox knows an address, not a person), so they are
# found by her current mobile number and email address, and said to be found that way.
MESSAGES = PersonalData(
    OutboxMessage,
    woman="recipient",
    label="Messages we sent her (found by her current mobile number and email address)",
    erasure=DELETE,
)


@dataclass(frozen=True)
class Item:
    """One field of a row: its name in words, the value as data and as words."""

    name: str
    label: str
    value: Any
    words: str


@dataclass
class Section:
    key: str
    label: str
    rows: list[list[Item]] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.rows)


def _words(row: models.Model, model_field: models.Field) -> tuple[Any, str]:
    """A field's value for the JSON and in words for the PDF."""
    value = getattr(row, model_field.attname)
    if isinstance(model_field, models.FileField):
        name = value.name if value else ""
        return name, (_("a file: %(name)s") % {"name": name.rsplit("/", 1)[-1]}) if name else ""
    if value is None or value == "":
        return value, ""
    if model_field.is_relation:
        return value, str(getattr(row, model_field.name))
    if model_field.choices:
        return value, str(getattr(row, f"get_{model_field.name}_display")())
    if isinstance(value, bool):
        return value, _("Yes") if value else _("No")
    if isinstance(value, datetime):
        return value, date_format(timezone.localtime(value), "j F Y, H:i")
    if isinstance(value, date):
        return value, date_format(value, "j F Y")
    if isinstance(value, (dict, list)):
        return value, json.dumps(value, cls=DjangoJSONEncoder)
    if isinstance(value, Decimal):
        return value, str(value)
    return value, str(value)


def _rows(declaration: PersonalData, queryset: QuerySet) -> list[list[Item]]:
    fields = [f for f in declaration.model._meta.concrete_fields if f.name != "version"]
    relations = [f.name for f in fields if f.is_relation]
    rows = []
    for row in queryset.select_related(*relations).order_by("pk"):
        items = []
        for model_field in fields:
            value, words = _words(row, model_field)
            items.append(Item(model_field.attname, str(model_field.verbose_name), value, words))
        rows.append(items)
    return rows


def messages_to(woman: Woman) -> QuerySet[OutboxMessage]:
    """Every message in the outbox to her current mobile number or email address."""
    addresses = [address for address in (woman.mobile, woman.email) if address]
    return OutboxMessage.objects.filter(recipient__in=addresses)


def held_sections(woman: Woman) -> list[Section]:
    """Every declared kind of data, with her rows (empty sections included, so she sees what
    is not held too), and the messages sent to her."""
    sections = [Section(d.key, d.label, _rows(d, d.rows_for(woman.pk))) for d in declarations()]
    sections.append(Section(MESSAGES.key, MESSAGES.label, _rows(MESSAGES, messages_to(woman))))
    return sections


def record_reads(woman: Woman) -> QuerySet[AuditEvent]:
    """Every audit event about her record: who, when, what and on what grounds."""
    return (
        AuditEvent.objects.filter(
            Q(woman_id=woman.pk) | Q(object_type="casework.woman", object_id=str(woman.pk))
        )
        .select_related("actor")
        .order_by("created_at", "pk")
    )


def everything_held(woman: Woman) -> dict[str, Any]:
    """The bundle's data: every section and the audit trail, ready for JSON or a template."""
    sections = held_sections(woman)
    trail = in_words(record_reads(woman))
    return {
        "woman": woman,
        "sections": sections,
        "trail": trail,
        "generated_at": timezone.now(),
    }


def bundle_json(held: dict[str, Any]) -> str:
    woman = held["woman"]
    data = {
        "woman_id": woman.pk,
        "exported_at": held["generated_at"],
        "sections": [
            {
                "key": section.key,
                "label": section.label,
                "count": section.count,
                "rows": [{item.name: item.value for item in row} for row in section.rows],
            }
            for section in held["sections"]
        ],
        "record_access_log": [
            {
                "at": said.event.created_at,
                "who": said.event.actor.get_full_name() or said.event.actor.username
                if said.event.actor
                else "",
                "action": said.event.action,
                "in_words": said.sentence,
                "grounds": said.event.grounds,
                "reason": said.event.reason,
            }
            for said in held["trail"]
        ],
    }
    return json.dumps(data, cls=DjangoJSONEncoder, indent=2)


def bundle_zip(*, json_text: str, pdf: bytes, woman: Woman) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr("everything-held.json", json_text)
        bundle.writestr(f"everything-held-{woman.pk}.pdf", pdf)
    return buffer.getvalue()
