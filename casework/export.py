"""Subject access: everything held about a woman, as JSON plus a readable HTML and PDF summary."""

import io
import json
import zipfile

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Q
from django.forms.models import model_to_dict
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe

from centre.audit import audit_log
from centre.models import AuditEvent
from centre.pdf import render_pdf

from .access import UNRESTRICTED, Part, RecordAccess
from .charts import distance_travelled_svg, series_from_ratings
from .models import Domain, MoveOnPlan, SharePart, SupportPlan
from .selectors import domain_filter

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


def summary_context(
    woman, *, record: RecordAccess | None = None, alerts=None, contacts_filter=None
):
    """What the summary (page, PDF) shows of her record.

    `record`: the reader's RecordAccess; each part is in only if she sees it, and a partner
    worker's agreement narrows needs, goals and ratings the same way as on the pages. None is
    the subject access bundle: everything held. `alerts`: the alerts as this reader may see
    them (selectors.visible_alerts); `contacts_filter`: a Q limiting contacts to the notes
    she may read."""
    sees = record.sees if record is not None else (lambda part: True)
    sharing = record.sharing if record is not None else UNRESTRICTED
    domains = domain_filter(sharing)
    contacts = woman.contacts.select_related("worker")
    if contacts_filter is not None:
        contacts = contacts.filter(contacts_filter)
    plan = sees(Part.PLAN)
    ratings = list(woman.ratings.filter(domains)) if plan else []
    justice = sees(Part.RISK) and sharing.allows(SharePart.JUSTICE_RECORD)
    return {
        "woman": woman,
        "sharing": sharing,
        "sees": {part.value: sees(part) for part in Part},
        "plan": SupportPlan.objects.filter(woman=woman).first() if plan else None,
        "goals": list(woman.goals.filter(domains)) if plan else [],
        "actions": list(
            woman.actions.filter(Q(goal__isnull=True) | domain_filter(sharing, "goal__domain"))
        )
        if plan
        else [],
        # Her own contacts stay in for an involved partner (contacts_filter limits them).
        "contacts": list(contacts) if sees(Part.CONTACTS) or (record and record.involved) else [],
        "appointments": list(woman.appointments.all()),
        "needs": list(woman.needs.filter(domains)) if plan else [],
        "reviews": list(woman.reviews.all()) if sees(Part.REVIEWS) else [],
        # Safety alerts go to anyone who may meet her; `alerts` hides who she must not be
        # placed with from a reader who may not see both records.
        "alerts": alerts if alerts is not None else list(woman.alerts.all()),
        "justice_shared": justice,
        "orders": list(woman.orders.all()) if justice else [],
        "court_dates": list(woman.court_dates.all()) if justice else [],
        "breaches": list(woman.breaches.all()) if justice else [],
        "consents": list(woman.consents.select_related("agency")),
        "referrals_out": list(woman.referrals_out.select_related("agency"))
        if sees(Part.MOVE_ON)
        else [],
        "stage_history": list(woman.stage_changes.all()),
        "chart": mark_safe(distance_travelled_svg(series_from_ratings(ratings))),  # noqa: S308 - charts.py escapes every text it draws
        "domains": dict(Domain.choices),
        "generated_at": timezone.now(),
    }


def woman_summary_html(woman):
    return render_to_string("casework/summary.html", summary_context(woman))


def woman_summary_pdf(woman, *, record=None, alerts=None, contacts_filter=None):
    context = summary_context(woman, record=record, alerts=alerts, contacts_filter=contacts_filter)
    return render_pdf("casework/summary.html", {**context, "for_pdf": True})


def woman_export_bundle(*, woman, by):
    """The subject access bundle as zip bytes. Writes one audit event."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr(
            "record.json", json.dumps(woman_data(woman), cls=DjangoJSONEncoder, indent=2)
        )
        bundle.writestr("summary.html", woman_summary_html(woman))
        bundle.writestr("summary.pdf", woman_summary_pdf(woman))
        if woman.photo:
            try:
                with woman.photo.open("rb") as photo:
                    bundle.writestr(f"photo/{woman.photo.name.rsplit('/', 1)[-1]}", photo.read())
            except FileNotFoundError:
                pass
    audit_log(actor=by, action="casework.woman.export", obj=woman, woman_id=woman.pk)
    return buffer.getvalue()
