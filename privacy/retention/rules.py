"""What has expired, kind by kind, and how it is removed: the one place the sweep and its dry
run both ask, so what the manager is shown is what the sweep does.

`RULES[kind](centre, cutoff, action)` returns the kind's steps: for each model, a query of the
rows that have expired and are not yet removed (never a held woman's), and how to remove them.
A rule's query shrinks as its rows are removed, so a second run finds nothing, and a run killed
half way is finished by the next. `centre=None` covers rows that belong to no centre (messages
and audit events from signing in); rules about women return nothing for it.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.db import connection, models
from django.db.models import Q, QuerySet, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone

from casework.jobs import woman_anonymise
from casework.models import Referral, Stage, Woman
from centre.models import AuditEvent, Centre, OutboxMessage
from centre.personal_data import ANONYMISE, DELETE, PersonalData, declaration_for, erase, erase_rows
from coproduction.involvement.models import Expense
from coproduction.meetings.models import Attendance, Naming
from coproduction.suggestions.models import Suggestion

from .models import Action, LegalHold

REMOVED_RECIPIENT = "removed:"


@dataclass(frozen=True)
class Step:
    """One model's expired rows for one kind, and how to remove a batch of them."""

    key: str
    rows: Callable[[], QuerySet]
    remove: Callable[[QuerySet], int]
    date_field: str
    batch: int = 200


Rule = Callable[[Centre | None, datetime, str], list[Step]]
RULES: dict[str, Rule] = {}
# The order the sweep runs them in: a woman's erasure (closed_case) also reaches rows of other
# kinds, so it goes last and every kind's dry-run count is what the sweep removes.
ORDER = (
    "referral_not_taken",
    "tablet_suggestion",
    "outbox_message",
    "audit_event",
    "meeting_attendance",
    "expenses",
    "closed_case",
)


def rule(kind: str) -> Callable[[Rule], Rule]:
    def register(function: Rule) -> Rule:
        RULES[kind] = function
        return function

    return register


def held_women() -> QuerySet:
    """The ids of women with a legal hold in place (a subquery)."""
    return LegalHold.objects.filter(lifted_at__isnull=True).values("woman_id")


def _delete(model: type[models.Model]) -> Callable[[QuerySet], int]:
    """Delete the rows (and any files behind them), through the registry's erasure."""
    declaration = PersonalData(model, "pk", str(model._meta.verbose_name), erasure=DELETE)
    return lambda rows: erase_rows(declaration, rows)


def _anonymise_as_declared(model: type[models.Model], fields: tuple[str, ...]):
    """Clear what the model's declaration says erasure clears (or `fields` if undeclared)."""
    declaration = declaration_for(model)
    if declaration is None or declaration.erasure != ANONYMISE:
        declaration = PersonalData(model, "pk", "", erasure=ANONYMISE, anonymise=fields)
    return lambda rows: erase_rows(declaration, rows)


# --- The rules ----------------------------------------------------------------------------------


@rule("closed_case")
def closed_cases(centre: Centre | None, cutoff: datetime, action: str) -> list[Step]:
    """Women whose case closed before the cutoff: everything held about her is erased as each
    app declared, then her record is anonymised (dates, kinds and stages stay for the numbers)."""
    if centre is None:
        return []

    def rows() -> QuerySet:
        return Woman.objects.filter(
            centre=centre, stage=Stage.CLOSED, closed_at__lt=cutoff, anonymised_at__isnull=True
        ).exclude(pk__in=held_women())

    def remove(women: QuerySet) -> int:
        done = 0
        for woman_id in list(women.values_list("pk", flat=True)):
            erase(woman_id)
            done += woman_anonymise(woman_id=woman_id)
        return done

    return [Step("casework.woman", rows, remove, "closed_at", batch=20)]


@rule("referral_not_taken")
def referrals_not_taken(centre: Centre | None, cutoff: datetime, action: str) -> list[Step]:
    """Referrals declined or withdrawn before the cutoff are deleted."""
    if centre is None:
        return []

    def rows() -> QuerySet:
        return Referral.objects.filter(
            centre=centre,
            decision__in=[Referral.Decision.DECLINED, Referral.Decision.WITHDRAWN],
            decided_at__lt=cutoff,
        ).exclude(woman__in=held_women())

    return [Step("casework.referral", rows, _delete(Referral), "decided_at")]


SUGGESTION_WORDS = ("text", "fix_idea", "first_name")


@rule("tablet_suggestion")
def tablet_suggestions(centre: Centre | None, cutoff: datetime, action: str) -> list[Step]:
    """Suggestions from the tablet, received before the cutoff and no longer open: deleted, or
    her words cleared (the theme, status and dates stay for the counts)."""
    if centre is None:
        return []
    day = timezone.localdate(cutoff)

    def rows() -> QuerySet:
        expired = Suggestion.objects.filter(
            centre=centre, source=Suggestion.Source.TABLET, received_on__lt=day
        ).exclude(status__in=Suggestion.OPEN_STATUSES)
        if action == Action.ANONYMISE:
            expired = expired.filter(Q(text__gt="") | Q(fix_idea__gt="") | Q(first_name__gt=""))
        return expired

    if action == Action.ANONYMISE:
        remove = _anonymise_as_declared(Suggestion, SUGGESTION_WORDS)
    else:
        remove = _delete(Suggestion)
    return [Step("coproduction.suggestion", rows, remove, "received_on")]


def _clear_messages(rows: QuerySet) -> int:
    # The recipient is part of the outbox's one-message-per-purpose key: it becomes unique
    # filler, not blank, so two cleared copies of the same message never clash.
    return rows.update(
        recipient=Concat(Value(REMOVED_RECIPIENT), Cast("pk", models.CharField())),
        subject="",
        body="",
        html_body="",
        last_error="",
    )


@rule("outbox_message")
def outbox_messages(centre: Centre | None, cutoff: datetime, action: str) -> list[Step]:
    """Messages sent, failed or cancelled before the cutoff (never one still to go)."""

    def rows() -> QuerySet:
        expired = OutboxMessage.objects.filter(
            centre=centre,
            status__in=[
                OutboxMessage.Status.SENT,
                OutboxMessage.Status.FAILED,
                OutboxMessage.Status.CANCELLED,
            ],
            scheduled_for__lt=cutoff,
        )
        if action == Action.ANONYMISE:
            expired = expired.exclude(recipient__startswith=REMOVED_RECIPIENT)
        return expired

    remove = _clear_messages if action == Action.ANONYMISE else _delete(OutboxMessage)
    return [Step("centre.outboxmessage", rows, remove, "scheduled_for", batch=500)]


def _delete_audit_events(rows: QuerySet) -> int:
    """The audit log refuses deletes (centre migration 0002); the retention sweep alone may
    delete, by switching the trigger off for its own transaction (migration 0002 here)."""
    ids = list(rows.values_list("pk", flat=True))
    if not ids:
        return 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL centre.retention_sweep = 'on'")
        # One placeholder a row (a batch is at most a few hundred): the same SQL on SQLite.
        marks = ", ".join(["%s"] * len(ids))
        table = connection.ops.quote_name(AuditEvent._meta.db_table)
        cursor.execute(f"DELETE FROM {table} WHERE id IN ({marks})", ids)  # noqa: S608
        count = cursor.rowcount
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL centre.retention_sweep = 'off'")
    return count


@rule("audit_event")
def audit_events(centre: Centre | None, cutoff: datetime, action: str) -> list[Step]:
    """Audit events older than the cutoff, except those about a held woman."""

    def rows() -> QuerySet:
        return AuditEvent.objects.filter(centre=centre, created_at__lt=cutoff).exclude(
            woman_id__in=held_women()
        )

    return [Step("centre.auditevent", rows, _delete_audit_events, "created_at", batch=1000)]


@rule("meeting_attendance")
def meeting_attendance(centre: Centre | None, cutoff: datetime, action: str) -> list[Step]:
    """Women's attendance at meetings held before the cutoff: shown only as "a member of the
    group" from then on (the meeting's count of who came stays). Rows already cleared by her
    erasure count as done."""
    if centre is None:
        return []

    def rows() -> QuerySet:
        return (
            Attendance.objects.filter(
                meeting__centre=centre, meeting__starts_at__lt=cutoff, woman__isnull=False
            )
            .exclude(naming__in=[Naming.ANONYMOUS, ""])
            .exclude(woman__in=held_women())
        )

    def remove(rows: QuerySet) -> int:
        return rows.update(naming=Naming.ANONYMOUS)

    return [Step("meetings.attendance", rows, remove, "meeting__starts_at")]


EXPENSE_FIELDS = ("helper", "description", "receipt")


@rule("expenses")
def expenses(centre: Centre | None, cutoff: datetime, action: str) -> list[Step]:
    """Expenses paid before the cutoff: who claimed, what for and the receipt are cleared as
    their declaration says; the amounts stay in the totals."""
    if centre is None:
        return []
    day = timezone.localdate(cutoff)

    def rows() -> QuerySet:
        return (
            Expense.objects.filter(centre=centre, status=Expense.Status.PAID, paid_on__lt=day)
            .filter(Q(helper__isnull=False) | ~Q(description="") | ~Q(receipt=""))
            .exclude(helper__woman__in=held_women())
        )

    return [
        Step(
            "involvement.expense", rows, _anonymise_as_declared(Expense, EXPENSE_FIELDS), "paid_on"
        )
    ]
