"""Subject access: everything held about a woman, as JSON plus a readable HTML and PDF summary."""

import io
import json
import zipfile

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Q
from django.forms.models import model_to_dict
from django.template.loader import render_to_string
from django.utils import timezone

from centre.audit import audit_log
from centre.models import AuditEvent

from .documents import EVERYTHING_HELD, summary_context, summary_pdf
from .models import MoveOnPlan, SupportPlan

RELATED = [
    ("referrals", "referrals"),
    ("stage_history", "stage_changes"),
    ("allocations", "allocations"),
    ("break_glass", "break_glass"),
    ("contacts", "contacts"),
    ("appointments", "appointments"),
    ("needs", "needs"),
    ("goals", "goals"),
    ("actions", "actions"),
    ("reviews", "reviews"),
    ("ratings", "ratings"),
    ("justice_orders", "orders"),
    ("court_dates", "court_dates"),
    ("breaches", "breaches"),
    ("alerts", "alerts"),
    ("consents", "consents"),
    ("referrals_out", "referrals_out"),
    ("case_reviews", "case_reviews"),
]


def _row(obj):
    data = model_to_dict(obj)
    for field in obj._meta.fields:
        if field.name in ("photo",):
            data[field.name] = getattr(obj, field.name).name or ""
    return data


def woman_data(woman):
    """Everything held about her, as plain data."""
    data = {"woman": _row(woman)}
    for key, related in RELATED:
        data[key] = [_row(obj) for obj in getattr(woman, related).all()]
    plan = SupportPlan.objects.filter(woman=woman).first()
    data["support_plan"] = _row(plan) if plan else None
    move_on = MoveOnPlan.objects.filter(woman=woman).first()
    data["move_on_plan"] = _row(move_on) if move_on else None
    data["record_access_log"] = list(
        AuditEvent.objects.filter(
            Q(woman_id=woman.pk) | Q(object_type="casework.woman", object_id=str(woman.pk))
        ).values("created_at", "actor__username", "action", "grounds", "reason")
    )
    data["exported_at"] = timezone.now()
    return data


def woman_summary_html(woman):
    return render_to_string("casework/summary.html", summary_context(woman))


def woman_export_bundle(*, woman, by):
    """The subject access bundle as zip bytes. Writes one audit event."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr(
            "record.json", json.dumps(woman_data(woman), cls=DjangoJSONEncoder, indent=2)
        )
        bundle.writestr("summary.html", woman_summary_html(woman))
        bundle.writestr("summary.pdf", summary_pdf(woman, reader=EVERYTHING_HELD)[1])
        if woman.photo:
            try:
                with woman.photo.open("rb") as photo:
                    bundle.writestr(f"photo/{woman.photo.name.rsplit('/', 1)[-1]}", photo.read())
            except FileNotFoundError:
                pass
    audit_log(actor=by, action="casework.woman.export", obj=woman, woman_id=woman.pk)
    return buffer.getvalue()
