"""Her alerts, worded for the person reading them."""

from dataclasses import dataclass

from centre.requests import CentreRequest

from .. import access
from ..models import Alert, Woman


@dataclass(frozen=True)
class ShownAlert:
    """An alert as this reader may see it: a "must not be placed with" alert names the other
    woman and says why only to someone who may see the risk part of both records."""

    alert: Alert
    kind: str
    label: str
    detail: str
    other_woman: Woman | None = None
    created_at: object = None

    @property
    def pk(self) -> int:
        return self.alert.pk

    @property
    def is_active(self) -> bool:
        return self.alert.is_active

    def get_kind_display(self) -> str:
        return self.label


DO_NOT_SEAT = "do not seat with another woman: ask a key worker"


def visible_alerts(
    request: CentreRequest, woman: Woman, *, active_only: bool = True
) -> list[ShownAlert]:
    """Her alerts for this reader. Safety and worker-safety alerts are shown to anyone who may
    meet her; "must not be placed with" alerts say only "do not seat with another woman: ask a
    key worker" unless the reader may see both women's records (risk part)."""
    alerts = woman.alerts.select_related("other_woman").order_by("kind", "-created_at")
    if active_only:
        alerts = alerts.filter(is_active=True)
    return [_shown(request, woman, alert) for alert in alerts]


def _shown(request: CentreRequest, woman: Woman, alert: Alert) -> ShownAlert:
    if alert.kind != Alert.Kind.NOT_WITH or access.may_see_both(request, woman, alert.other_woman):
        return ShownAlert(
            alert=alert,
            kind=alert.kind,
            label=alert.get_kind_display(),
            detail=alert.detail,
            other_woman=alert.other_woman,
            created_at=alert.created_at,
        )
    return ShownAlert(
        alert=alert,
        kind=alert.kind,
        label=alert.get_kind_display(),
        detail=DO_NOT_SEAT,
        created_at=alert.created_at,
    )
