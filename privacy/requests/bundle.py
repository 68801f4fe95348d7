"""Subject access: everything held about a woman, gathered from the personal data registry.

Every declared model gives one section (its plain-words label and her rows, oldest first, each
row's fields; files are named, never embedded), and the audit trail adds who read her record and
on what grounds. Other women's details are withheld: a link to another woman's record, or to data
the registry says is about her, is said in words without her name (the JSON keeps only its id).
The same gathering feeds the JSON in the bundle and the readable PDF (the document kind
`woman_everything_held`), so the two always agree.
"""

import io
import json
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from typing import Any

from django.contrib.postgres.fields import ArrayField
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Choices, F, Q, QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from casework.models import Contact, Domain, Woman
from centre.audit_words import in_words
from centre.labels import enum_labels
from centre.models import AuditEvent, Centre, OutboxMessage
from centre.personal_data import DELETE, PersonalData, declaration_for, declarations

# Messages have no link to her record (the outbox knows an address, not a person), so they are
# found by her current mobile number and email address, and said to be found that way.
MESSAGES = PersonalData(
    OutboxMessage,
    woman="recipient",
    label="Messages we sent her (found by her current mobile number and email address)",
    erasure=DELETE,
)


# Lists of choices kept in a JSON field have no choices on the model field (the form gives
# them): these are the enums her timeline names them with. A list field with its own
# get_<field>_display() (what she agreed to share) or an ArrayField of choices needs no entry.
LIST_CHOICES: dict[tuple[str, str], type[Choices]] = {
    ("casework.contact", "needs_discussed"): Domain,
    ("casework.contact", "practical_support"): Contact.Support,
}

# What she reads where a row links to another woman (her record, or data the registry says is
# about her): a subject access response must not give away other people's personal data.
ANOTHER_WOMAN = _lazy("another woman (her details are withheld)")
WITHHELD_NOTE = _lazy(
    "Other people's details are withheld: where something links to another woman, it says "
    "so without naming her, and the data file gives only the number of her record. The names "
    "of staff who did things are shown."
)


@dataclass(frozen=True)
class Item:
    """One field of a row: its name in words, the value as data and as words, and whether the
    PDF shows it (the row's number, the centre and the link back to her say nothing new)."""

    name: str
    label: str
    value: Any
    words: str
    shown: bool = True


@dataclass
class Section:
    key: str
    label: str
    rows: list[list[Item]] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.rows)


@dataclass
class Reading:
    """Reading rows for her bundle: whose is each linked row, asked once per row (many of her
    rows link to the same one)."""

    woman: Woman
    whose: dict[tuple[str, Any], int | None] = field(default_factory=dict)

    def woman_of(self, related: models.Model) -> int | None:
        """The woman a linked row is about, by the registry; None when it is about no woman."""
        declaration = declaration_for(type(related))
        if declaration is None:
            return None
        key = (declaration.key, related.pk)
        if key not in self.whose:
            self.whose[key] = _woman_of(declaration, related)
        return self.whose[key]

    @cached_property
    def names(self) -> set[str]:
        """Her name as her record and the rows linking to it show it."""
        woman = self.woman
        return {str(woman), woman.known_as, f"{woman.first_name} {woman.last_name}"}


def _woman_of(declaration: PersonalData, related: models.Model) -> int | None:
    if declaration.woman == "pk":
        return related.pk
    rows = declaration.model._default_manager.filter(pk=related.pk)
    return rows.values_list(declaration.woman, flat=True).first()


def _is_blank(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _related_words(related: models.Model, reading: Reading) -> str:
    """A linked row in words, unless it is about another woman."""
    if reading.woman_of(related) not in (None, reading.woman.pk):
        return str(ANOTHER_WOMAN)
    return str(related)


def _list_words(row: models.Model, model_field: models.Field, values: list[Any]) -> str:
    """A list in words: each item's label (the one her record shows), joined with commas."""
    choices = LIST_CHOICES.get((row._meta.label_lower, model_field.name))
    display = getattr(row, f"get_{model_field.name}_display", None)
    if choices is not None:
        labels = enum_labels(choices)
    elif isinstance(model_field, ArrayField) and model_field.base_field.choices:
        labels = {value: str(label) for value, label in model_field.base_field.flatchoices}
    elif display is not None:
        return ", ".join(str(label) for label in display())
    else:
        labels = {}
    return ", ".join(str(labels.get(item, item)) for item in values)


def _words(row: models.Model, model_field: models.Field, reading: Reading) -> tuple[Any, str]:
    """A field's value for the JSON and in words for the PDF."""
    value = getattr(row, model_field.attname)
    if isinstance(model_field, models.FileField):
        name = value.name if value else ""
        return name, (_("a file: %(name)s") % {"name": name.rsplit("/", 1)[-1]}) if name else ""
    if _is_blank(value):
        return value, ""
    if model_field.is_relation:
        return value, _related_words(getattr(row, model_field.name), reading)
    if model_field.choices:
        return value, str(getattr(row, f"get_{model_field.name}_display")())
    if isinstance(value, bool):
        return value, _("Yes") if value else _("No")
    if isinstance(value, datetime):
        return value, date_format(timezone.localtime(value), "j F Y, H:i")
    if isinstance(value, date):
        return value, date_format(value, "j F Y")
    if isinstance(value, list):
        return value, _list_words(row, model_field, value)
    if isinstance(value, dict):
        return value, "\n".join(f"{key}: {item}" for key, item in value.items())
    return value, str(value)


def _says_something_new(
    row: models.Model, model_field: models.Field, words: str, reading: Reading
) -> bool:
    """Whether the PDF shows a field: not the row's number, not the centre, and not a link
    back to her that only repeats her name (her record, her volunteer profile)."""
    if model_field.primary_key or model_field.related_model is Centre:
        return False
    if model_field.is_relation and words in reading.names:
        return reading.woman_of(getattr(row, model_field.name)) != reading.woman.pk
    return True


def _oldest_first(model: type[models.Model]) -> list[Any]:
    """A section's order, oldest first by the rows' own date: the first date the model orders
    by, else when the row was created, else its first date; the number breaks ties."""
    dates = [f.name for f in model._meta.concrete_fields if isinstance(f, models.DateField)]
    ordering = [name.lstrip("-") for name in model._meta.ordering or () if isinstance(name, str)]
    dated_by = next((name for name in (*ordering, "created_at", *dates) if name in dates), None)
    return [F(dated_by).asc(nulls_last=True), "pk"] if dated_by else ["pk"]


def _rows(declaration: PersonalData, queryset: QuerySet, reading: Reading) -> list[list[Item]]:
    fields = [f for f in declaration.model._meta.concrete_fields if f.name != "version"]
    relations = [f.name for f in fields if f.is_relation]
    rows = []
    ordered = queryset.select_related(*relations).order_by(*_oldest_first(declaration.model))
    for row in ordered:
        items = []
        for model_field in fields:
            value, words = _words(row, model_field, reading)
            shown = _says_something_new(row, model_field, words, reading)
            label = str(model_field.verbose_name)
            items.append(Item(model_field.attname, label, value, words, shown))
        rows.append(items)
    return rows


def messages_to(woman: Woman) -> QuerySet[OutboxMessage]:
    """Every message in the outbox to her current mobile number or email address."""
    addresses = [address for address in (woman.mobile, woman.email) if address]
    return OutboxMessage.objects.filter(recipient__in=addresses)


def held_sections(woman: Woman) -> list[Section]:
    """Every declared kind of data, with her rows (empty sections included, so she sees what
    is not held too), and the messages sent to her."""
    reading = Reading(woman)
    sections = [
        Section(d.key, d.label, _rows(d, d.rows_for(woman.pk), reading)) for d in declarations()
    ]
    messages = _rows(MESSAGES, messages_to(woman), reading)
    sections.append(Section(MESSAGES.key, MESSAGES.label, messages))
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
        "withheld_note": WITHHELD_NOTE,
    }


def bundle_json(held: dict[str, Any]) -> str:
    woman = held["woman"]
    data = {
        "woman_id": woman.pk,
        "exported_at": held["generated_at"],
        "note": str(held["withheld_note"]),
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
