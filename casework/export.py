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

from .charts import distance_travelled_svg, series_from_ratings
from .models import Domain, MoveOnPlan, SharePart, SupportPlan

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
        AuditEvent.objects.filter(object_type="casework.woman", object_id=str(woman.pk)).values(
            "created_at", "actor__username", "action", "reason"
        )
    )
    data["exported_at"] = timezone.now()
    return data


def summary_context(woman, *, contacts_filter=None, sharing=None):
    """contacts_filter: a Q limiting contacts to those the reader may see (restricted notes,
    and notes her sharing agreement leaves out). sharing: a selectors.Sharing for a partner
    worker limited by her agreement: needs, goals, ratings, justice and "not with" alerts
    follow it the same way as on the pages."""
    from .selectors import UNRESTRICTED, domain_filter, visible_alerts

    sharing = sharing or UNRESTRICTED
    domains = domain_filter(sharing)
    contacts = woman.contacts.select_related("worker")
    if contacts_filter is not None:
        contacts = contacts.filter(contacts_filter)
    ratings = list(woman.ratings.filter(domains))
    svg = distance_travelled_svg(series_from_ratings(ratings))
    justice = sharing.allows(SharePart.JUSTICE_RECORD)
    return {
        "woman": woman,
        "sharing": sharing,
        "plan": SupportPlan.objects.filter(woman=woman).first(),
        "goals": list(woman.goals.filter(domains)),
        "actions": list(
            woman.actions.filter(Q(goal__isnull=True) | domain_filter(sharing, "goal__domain"))
        ),
        "contacts": list(contacts),
        "appointments": list(woman.appointments.all()),
        "needs": list(woman.needs.filter(domains)),
        "reviews": list(woman.reviews.all()),
        "alerts": list(visible_alerts(woman, sharing)),
        "justice_shared": justice,
        "orders": list(woman.orders.all()) if justice else [],
        "court_dates": list(woman.court_dates.all()) if justice else [],
        "breaches": list(woman.breaches.all()) if justice else [],
        "consents": list(woman.consents.select_related("agency")),
        "referrals_out": list(woman.referrals_out.select_related("agency")),
        "stage_history": list(woman.stage_changes.all()),
        "chart": mark_safe(svg),  # noqa: S308 - charts.py escapes every text it draws
        "domains": dict(Domain.choices),
        "generated_at": timezone.now(),
    }


def woman_summary_html(woman):
    return render_to_string("casework/summary.html", summary_context(woman))


def woman_summary_pdf(woman, *, contacts_filter=None, sharing=None):
    from centre.pdf import render_pdf

    context = summary_context(woman, contacts_filter=contacts_filter, sharing=sharing)
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
    audit_log(actor=by, action="casework.woman.export", obj=woman)
    return buffer.getvalue()
