"""The retention schedule: for each kind of record, how long it is kept, what happens then, the
shortest period the centre may choose, and why, in plain words for the manager.

A centre's own choice is a `RetentionPeriod` row; with no row the default here applies."""

import calendar
from dataclasses import dataclass
from datetime import date, datetime

from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from centre.models import Centre
from centre.personal_data import RETENTION_KINDS

from .models import Action, RetentionPeriod


@dataclass(frozen=True)
class KindDefault:
    kind: str
    months: int
    action: str
    minimum: int
    actions: tuple[str, ...]
    what: str | Promise
    why: str | Promise
    minimum_why: str | Promise


DEFAULTS: dict[str, KindDefault] = {
    d.kind: d
    for d in (
        KindDefault(
            "closed_case",
            84,
            Action.ANONYMISE,
            72,
            (Action.ANONYMISE,),
            _(
                "A woman's case record once her case is closed: her details, notes, plans, "
                "appointments, and what every part of the system holds about her."
            ),
            _(
                "She may come back, and claims about the support she had can be brought for six "
                "years. After that her record is anonymised: dates and kinds of support stay for "
                "the centre's numbers, nothing that could name her or describe her life."
            ),
            _(
                "Closed case records must be kept at least 6 years (72 months): claims and "
                "safeguarding reviews can look back that far."
            ),
        ),
        KindDefault(
            "referral_not_taken",
            12,
            Action.DELETE,
            6,
            (Action.DELETE,),
            _("Referrals the centre did not accept, or that the referrer withdrew."),
            _(
                "They hold offence and risk details about women the centre never supported. A "
                "year lets the centre answer questions about its decision, then they are deleted."
            ),
            _(
                "Keep declined and withdrawn referrals at least 6 months, so a complaint about "
                "the decision can still be answered."
            ),
        ),
        KindDefault(
            "tablet_suggestion",
            36,
            Action.DELETE,
            12,
            (Action.DELETE, Action.ANONYMISE),
            _("Suggestions women left on the tablet without an account."),
            _(
                "They feed the 'you said, we did' board and the quarterly reports. After three "
                "years they are deleted, or their words cleared while the counts stay."
            ),
            _("Keep suggestions at least 12 months, so a year's quarterly reports stay true."),
        ),
        KindDefault(
            "outbox_message",
            6,
            Action.DELETE,
            1,
            (Action.DELETE, Action.ANONYMISE),
            _("Copies of emails and text messages the system sent or failed to send."),
            _(
                "Kept only to check that a reminder went out. Six months is enough; then they are "
                "deleted, or their recipient and words cleared."
            ),
            _("Keep sent messages at least 1 month, to answer 'did my reminder go?'."),
        ),
        KindDefault(
            "audit_event",
            84,
            Action.DELETE,
            24,
            (Action.DELETE,),
            _(
                "The audit log: who opened which record, when and on what grounds, and who "
                "changed what (never what a record says)."
            ),
            _(
                "A woman may ask who read her record, and the manager reviews access every "
                "month. Kept as long as closed case records, then deleted."
            ),
            _(
                "Keep the audit log at least 2 years (24 months): access reviews and complaints "
                "about who read a record need it."
            ),
        ),
        KindDefault(
            "meeting_attendance",
            72,
            Action.ANONYMISE,
            12,
            (Action.ANONYMISE,),
            _("Who came to co-production meetings or sent apologies."),
            _(
                "Approved minutes record who was there. After six years the names are cleared "
                "from attendance; the numbers who came stay."
            ),
            _("Keep meeting attendance at least 12 months, while minutes can be challenged."),
        ),
        KindDefault(
            "expenses",
            72,
            Action.ANONYMISE,
            72,
            (Action.ANONYMISE,),
            _("Volunteers' expense claims and receipts, once paid."),
            _(
                "HM Revenue and Customs expects payment records to be kept six years. Then the "
                "claimant, description and receipt are cleared; the amounts stay in the totals."
            ),
            _("Expenses must be kept at least 6 years (72 months) for HM Revenue and Customs."),
        ),
    )
}
assert set(DEFAULTS) == set(RETENTION_KINDS)


@dataclass(frozen=True)
class Period:
    kind: str
    label: str
    months: int
    action: str
    is_default: bool
    default: KindDefault
    version: int

    @property
    def action_label(self) -> str:
        return str(Action(self.action).label)


def periods(centre: Centre | None) -> list[Period]:
    """The centre's schedule, every kind, in the order of RETENTION_KINDS (one query). With no
    centre (rows that belong to none), the defaults."""
    rows = (
        {row.kind: row for row in RetentionPeriod.objects.filter(centre=centre)} if centre else {}
    )
    result = []
    for kind, label in RETENTION_KINDS.items():
        default = DEFAULTS[kind]
        row = rows.get(kind)
        result.append(
            Period(
                kind=kind,
                label=label,
                months=row.months if row else default.months,
                action=row.action if row else default.action,
                is_default=row is None,
                default=default,
                version=row.version if row else 0,
            )
        )
    return result


def period(centre: Centre, kind: str) -> Period:
    return next(p for p in periods(centre) if p.kind == kind)


def months_before(moment: datetime, months: int) -> datetime:
    """The same day and time `months` calendar months earlier (the 31st becomes the month's end)."""
    index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    last_day = calendar.monthrange(year, month)[1]
    return moment.replace(year=year, month=month, day=min(moment.day, last_day))


def cutoff(months: int, now: datetime | None = None) -> datetime:
    """Records whose clock started before this moment have expired."""
    return months_before(now or timezone.now(), months)


def cutoff_day(months: int, now: datetime | None = None) -> date:
    return timezone.localdate(cutoff(months, now))
