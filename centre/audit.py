"""The one helper every feature calls to write to the audit log."""

from .models import AuditEvent
from .threadlocal import get_request_id


def audit_log(
    *,
    actor,
    action,
    centre=None,
    obj=None,
    object_type="",
    object_id="",
    reason="",
    grounds="",
    woman_id=None,
):
    """Append one audit event. Never pass case content: only what happened, to which object.

    `grounds`: why the person could read it (casework.access.Grounds); `woman_id`: the woman
    it is about, so the manager can find every read of her record whatever the object."""
    if obj is not None:
        # A model that moved between apps names its old label in `audit_type`, so its earlier
        # events and its new ones share one object type (the audit log is append-only).
        object_type = object_type or getattr(obj, "audit_type", "") or obj._meta.label_lower
        object_id = object_id or str(obj.pk)
        centre = centre or getattr(obj, "centre", None)
    return AuditEvent.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        centre=centre,
        action=action[:60],
        object_type=object_type[:60],
        object_id=str(object_id)[:40],
        request_id=get_request_id(),
        reason=reason[:500],
        grounds=str(grounds)[:30],
        woman_id=woman_id if woman_id is None else int(woman_id),
    )


def audit_request(request, action, obj=None, **kwargs):
    """audit_log for the person making this request, in their current centre."""
    kwargs.setdefault("centre", getattr(request, "centre", None))
    return audit_log(actor=request.user, action=action, obj=obj, **kwargs)
