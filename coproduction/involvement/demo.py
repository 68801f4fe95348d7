"""Demo data for getting involved: the roles on offer, women at each stage of the pathway (two
taking a back seat, one who stepped down), a community volunteer, training, one-to-ones, a month
of rotas, peer conversations, exit questionnaires and expenses in each state. Once per centre."""

import random
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from casework.models import Woman
from centre.models import Membership, User
from centre.roles import Role
from coproduction.suggestions.models import Suggestion

from . import services
from .models import Expense, Helper, Opportunity, Placement, Shift, Step

S = Placement.Status
ROLES = [
    (
        Opportunity.Role.GREETER,
        "Meeter and greeter",
        "Welcome women at the door on drop-in mornings, make a cuppa, show new women around.",
        "One morning a week, 9:30 to 12:30",
        False,
    ),
    (
        Opportunity.Role.CO_FACILITATOR,
        "Co-facilitator: craft group",
        "Help run the Thursday craft group with a member of staff: set up, welcome, tidy away.",
        "Two hours a week",
        True,
    ),
    (
        Opportunity.Role.PEER_MENTOR,
        "Peer mentor",
        "Listen to women who are new to the centre and share what helped you. Not a case worker.",
        "Three hours a week, plus a monthly one-to-one",
        True,
    ),
    (
        Opportunity.Role.NEWSLETTER_EDITOR,
        "Newsletter editor",
        "Gather stories and recipes with the communications group and help lay out each issue.",
        "A few hours a month",
        False,
    ),
    (
        Opportunity.Role.PANEL_MEMBER,
        "Interview panel member",
        "Sit on interview panels for new staff, with training on fair questions beforehand.",
        "A day now and then",
        False,
    ),
    (
        Opportunity.Role.STEERING_REP,
        "Women's representative on the steering group",
        "Bring women's views to the steering group each quarter and report back.",
        "Half a day a quarter, plus a pre-meeting",
        False,
    ),
]
# (role, status, months on the pathway, linked to the demo volunteer account)
PATHWAY = [
    (Opportunity.Role.GREETER, S.INTERESTED, 0),
    (Opportunity.Role.NEWSLETTER_EDITOR, S.INTERESTED, 0),
    (Opportunity.Role.CO_FACILITATOR, S.CHECKS, 1),
    (Opportunity.Role.GREETER, S.TRAINING, 1),
    (Opportunity.Role.PEER_MENTOR, S.TRAINING, 2),
    (Opportunity.Role.GREETER, S.ACTIVE, 4),
    (Opportunity.Role.GREETER, S.ACTIVE, 6),
    (Opportunity.Role.CO_FACILITATOR, S.ACTIVE, 5),
    (Opportunity.Role.STEERING_REP, S.ACTIVE, 8),
    (Opportunity.Role.GREETER, S.BACK_SEAT, 7),
    (Opportunity.Role.PEER_MENTOR, S.BACK_SEAT, 9),
    (Opportunity.Role.GREETER, S.STEPPED_DOWN, 11),
]
ROUTE = {
    S.INTERESTED: [],
    S.CHECKS: [S.CHECKS],
    S.TRAINING: [S.TRAINING],
    S.ACTIVE: [S.TRAINING, S.ACTIVE],
    S.BACK_SEAT: [S.TRAINING, S.ACTIVE, S.BACK_SEAT],
    S.STEPPED_DOWN: [S.TRAINING, S.ACTIVE, S.STEPPED_DOWN],
}
COURSES = ["Welcoming and boundaries", "Safeguarding basics", "Listening skills", "First aid"]


def seed_involvement(*, centres, scale, stdout) -> None:
    for centre in centres:
        if Opportunity.objects.filter(centre=centre).exists():
            continue
        with transaction.atomic():
            _seed_centre(centre, random.Random(f"involvement-{centre.pk}"))
        stdout.write(f"Getting involved: demo pathway, rotas and expenses for {centre.name}.")


def _first(centre, role) -> User | None:
    membership = (
        Membership.objects.filter(centre=centre, role=role, is_active=True)
        .select_related("user")
        .order_by("user__username")
        .first()
    )
    return membership.user if membership else None


def _seed_centre(centre, rng) -> None:
    manager = _first(centre, Role.MANAGER)
    today = timezone.localdate()
    roles = {
        role: services.opportunity_save(
            centre=centre,
            data={
                "title": title,
                "role": role,
                "involves": involves,
                "time_needed": hours,
                "support": "A named member of staff, a monthly one-to-one and travel paid.",
                "training": "A short induction, then the courses the role needs.",
                "needs_disclosure_check": check,
            },
        )
        for role, title, involves, hours, check in ROLES
    }
    women = list(Woman.objects.filter(centre=centre).order_by("pk")[: len(PATHWAY) + 3])
    helpers = []
    for woman, (role, status, months) in zip(women, PATHWAY, strict=False):
        helpers.append(
            _walk(woman, roles[role], status, today - timedelta(days=30 * months), manager)
        )
        Woman.objects.filter(pk=woman.pk).update(ask_to_help=True)
    for woman in women[len(PATHWAY) :]:
        Woman.objects.filter(pk=woman.pk).update(ask_to_help=True)  # said yes, nothing recorded yet
    community = services.interest_record(
        centre=centre,
        opportunity=roles[Opportunity.Role.GREETER],
        source=Placement.Source.COMMUNITY,
        by=manager,
        name="Margaret from the church hall",
        contact="Through the church office",
    )
    helpers.append(community.helper)
    _volunteer_account(centre, helpers)
    for helper in helpers:
        _training(helper, rng, today, manager)
    _rotas(centre, today, rng)
    _expenses(centre, today, manager)
    _voice(centre, helpers, women, today, manager)


def _walk(woman, opportunity, status, since, manager) -> Helper:
    placement = services.interest_record(
        centre=woman.centre,
        opportunity=opportunity,
        source=Placement.Source.KEY_WORKER,
        by=woman.key_worker or manager,
        woman=woman,
    )
    Placement.objects.filter(pk=placement.pk).update(status_since=since)
    services.step_record(
        woman=woman, step=Step.FEEDBACK, taken_on=since - timedelta(days=40), by=manager
    )
    day = since
    for move in ROUTE[status]:
        day = min(day + timedelta(days=21), timezone.localdate())
        check = day if opportunity.needs_disclosure_check and move == S.ACTIVE else None
        placement = services.placement_move(
            placement=placement, to_status=move, by=manager, disclosure_check_on=check, on=day
        )
    return placement.helper


def _volunteer_account(centre, helpers) -> None:
    """The demo volunteer account is an active greeter, who also took up peer mentoring."""
    user = _first(centre, Role.VOLUNTEER)
    greeters = [
        h
        for h in helpers
        if h.placements.filter(status=S.ACTIVE, opportunity__role=Opportunity.Role.GREETER).exists()
    ]
    if user is None or not greeters or Helper.objects.filter(centre=centre, user=user).exists():
        return
    helper = greeters[0]
    services.helper_link_account(helper=helper, user=user, by=user)
    peer = Opportunity.objects.get(centre=centre, role=Opportunity.Role.PEER_MENTOR)
    placement = services.interest_record(
        centre=centre, opportunity=peer, source=Placement.Source.STAFF, by=user, woman=helper.woman
    )
    for move in (S.TRAINING, S.ACTIVE):
        placement = services.placement_move(
            placement=placement,
            to_status=move,
            by=user,
            disclosure_check_on=timezone.localdate() - timedelta(days=30),
        )


def _training(helper, rng, today, by) -> None:
    statuses = set(helper.placements.values_list("status", flat=True))
    if not statuses & {S.TRAINING, S.ACTIVE, S.BACK_SEAT, S.STEPPED_DOWN}:
        return
    for course in rng.sample(COURSES, 2):
        services.training_record(
            helper=helper,
            by=by,
            course=course,
            completed_on=today - timedelta(days=rng.randint(10, 200)),
            accredited=course == "First aid",
        )
    if S.ACTIVE in statuses:
        services.supervision_record(
            helper=helper,
            supervisor=by,
            held_on=today - timedelta(days=rng.randint(3, 25)),
            notes="Going well. Wants to try co-facilitating next term.",
            next_on=today + timedelta(days=rng.randint(5, 30)),
        )


def _rotas(centre, today, rng) -> None:
    """Two weeks back and two weeks ahead of weekday drop-in mornings."""
    greeters = list(
        Helper.objects.filter(
            centre=centre,
            placements__status=S.ACTIVE,
            placements__opportunity__role=Opportunity.Role.GREETER,
        ).distinct()
    )
    tz = timezone.get_current_timezone()
    start = today - timedelta(days=14)
    for offset in range(29):
        day = start + timedelta(days=offset)
        if day.weekday() >= 5 or not greeters:
            continue
        helper = greeters[offset % len(greeters)]
        services.shift_create(
            centre=centre,
            kind=Shift.Kind.GREETER,
            starts_at=datetime.combine(day, time(9, 30), tzinfo=tz),
            ends_at=datetime.combine(day, time(12, 30), tzinfo=tz),
            place="Front door and drop-in",
            helper=None if rng.random() < 0.1 and day > today else helper,
        )
    swap = Shift.objects.filter(
        centre=centre, helper__isnull=False, starts_at__gt=timezone.now()
    ).first()
    if swap is not None:
        services.shift_swap_ask(shift=swap, helper=swap.helper)


def _expenses(centre, today, manager) -> None:
    helpers = list(Helper.objects.filter(centre=centre, placements__status=S.ACTIVE).distinct()[:4])
    if not helpers:
        return
    claims = [
        (Expense.Kind.TRAVEL, Decimal("4.60"), "Bus fare there and back", None),
        (Expense.Kind.CHILDCARE, Decimal("18.00"), "Childminder for the steering group", "approve"),
        (Expense.Kind.TRAVEL, Decimal("4.60"), "Bus fare for the drop-in", "pay"),
        (Expense.Kind.OTHER, Decimal("35.00"), "Taxi home after a late meeting", "reject"),
        (Expense.Kind.TRAVEL, Decimal("9.20"), "Two days of bus fares", "pay"),
    ]
    for index, (kind, amount, description, decision) in enumerate(claims):
        helper = helpers[index % len(helpers)]
        expense = services.expense_claim(
            helper=helper,
            by=helper.user or manager,
            kind=kind,
            spent_on=today - timedelta(days=3 + index * 4),
            amount=amount,
            description=description,
        )
        if decision in ("approve", "pay"):
            expense = services.expense_approve(
                expense=expense, by=manager, expected_version=expense.version
            )
        if decision == "pay":
            services.expense_mark_paid(
                expense=expense, by=manager, expected_version=expense.version
            )
        if decision == "reject":
            services.expense_reject(
                expense=expense,
                by=manager,
                expected_version=expense.version,
                reason="We can pay the night bus; please claim that instead.",
            )


def _voice(centre, helpers, women, today, manager) -> None:
    """Peer conversations and exit questionnaires (anonymous and named, tablet and paper)."""
    peer = Helper.objects.filter(
        centre=centre,
        placements__status=S.ACTIVE,
        placements__opportunity__role=Opportunity.Role.PEER_MENTOR,
    ).first()
    if peer is not None:
        for days, theme, outcome in [
            (
                12,
                Suggestion.Theme.CHILDCARE,
                "Talked about the crèche hours; she will come on Tuesdays.",
            ),
            (5, Suggestion.Theme.FOOD, "Lunch ideas for the drop-in; passed to the kitchen group."),
            (2, Suggestion.Theme.OPENING, "Evening opening would help women who work."),
        ]:
            services.peer_conversation_log(
                helper=peer,
                held_on=today - timedelta(days=days),
                theme=theme,
                outcome=outcome,
                idea="Open one evening a week for women who work."
                if theme == Suggestion.Theme.OPENING
                else "",
            )
    services.exit_questionnaire_record(
        centre=centre,
        source="tablet",
        felt_supported=5,
        would_recommend="yes",
        most_helped="Having someone who listened and didn't judge.",
        could_be_better="More evening groups.",
        about=Suggestion.About.ACTIVITIES,
        completed_on=today - timedelta(days=20),
    )
    if women:
        services.exit_questionnaire_record(
            centre=centre,
            source="paper",
            felt_supported=4,
            would_recommend="yes",
            most_helped="Help with my housing and the craft group.",
            woman=women[-1],
            completed_on=today - timedelta(days=8),
            by=manager,
        )
