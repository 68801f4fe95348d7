"""Demo data: two years of activities, sessions and registers (see hooks.seed_demo)."""

import random
import time as time_module
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from casework.models import Woman
from centre.models import User
from centre.roles import Role

from . import services
from .models import Activity, Attendance, Feedback, Room, Session, Term

# --- Demo data --------------------------------------------------------------------------------

ROOMS = [
    ("Group room", 20, "Ground floor, step-free, hearing loop."),
    ("Kitchen", 10, "Ground floor, step-free. Low worktop available."),
    ("Art room", 12, "First floor, lift available."),
    ("Quiet room", 8, "Ground floor, soft lighting."),
]
CANCEL_REASONS = [
    "Facilitator unwell",
    "Centre closed for staff training",
    "Heavy snow: centre closed",
    "Room needed for a family event",
    "Public holiday",
]
FEEDBACK_COMMENTS = [
    "",
    "",
    "Loved it, can we do more of this?",
    "Really relaxing.",
    "Bit too busy today.",
    "Great to meet new people.",
    "The food was lovely.",
    "Could it start a bit later?",
    "Felt welcome.",
]
# name, kind, category, room, weekday, start, end, capacity, description, extra
REGULAR = [
    (
        "Cooking on a budget",
        "group",
        "food",
        "Kitchen",
        1,
        (10, 0),
        (12, 0),
        10,
        "We cook a simple, cheap meal together and eat it. Recipes to take home.",
        {},
    ),
    (
        "Art group",
        "group",
        "creative",
        "Art room",
        3,
        (13, 0),
        (15, 0),
        12,
        "Painting, collage and crafts. No experience needed; all materials provided.",
        {},
    ),
    (
        "Mindfulness",
        "group",
        "wellbeing",
        "Quiet room",
        0,
        (11, 0),
        (12, 0),
        8,
        "A calm hour of breathing and relaxation exercises you can use at home.",
        {},
    ),
    (
        "Walking group",
        "group",
        "active",
        None,
        4,
        (10, 30),
        (12, 0),
        None,
        "A gentle walk in the park and a cuppa after. Comfortable shoes are all you need.",
        {"location": "Meet at reception"},
    ),
    (
        "Women's drop-in",
        "drop_in",
        "social",
        "Group room",
        2,
        (13, 0),
        (16, 0),
        None,
        "Come in for a cup of tea, a chat and help with anything on your mind.",
        {},
    ),
]
LARGE_EXTRA = [
    (
        "Tuesday drop-in",
        "drop_in",
        "social",
        "Group room",
        1,
        (13, 0),
        (16, 0),
        None,
        "Tea, chat and someone to talk to. Just come along.",
        {},
    ),
    (
        "Friday lunch club",
        "group",
        "food",
        "Kitchen",
        4,
        (12, 30),
        (14, 0),
        14,
        "Cook and share lunch together at the end of the week.",
        {},
    ),
    (
        "Peer support circle",
        "group",
        "support",
        "Quiet room",
        3,
        (10, 0),
        (11, 30),
        10,
        "Women who have been there listen and share. What is said here stays here.",
        {},
    ),
    (
        "Knit and natter",
        "group",
        "creative",
        "Art room",
        0,
        (13, 30),
        (15, 0),
        12,
        "Knitting, crochet and a natter. Beginners welcome; we'll show you.",
        {},
    ),
    (
        "Thursday drop-in",
        "drop_in",
        "social",
        "Group room",
        3,
        (13, 0),
        (16, 0),
        None,
        "Tea, chat and help with forms, bills or anything on your mind.",
        {},
    ),
    (
        "Monday coffee morning",
        "drop_in",
        "social",
        "Group room",
        0,
        (9, 30),
        (11, 0),
        None,
        "Start the week with a coffee and a friendly face.",
        {},
    ),
    (
        "Money matters",
        "group",
        "learning",
        "Quiet room",
        1,
        (14, 0),
        (15, 30),
        10,
        "Budgeting, benefits and dealing with debt, in plain language.",
        {},
    ),
    (
        "Dance and move",
        "group",
        "active",
        "Group room",
        4,
        (14, 0),
        (15, 0),
        16,
        "Music and gentle movement. Go at your own pace; chairs for anyone who needs them.",
        {},
    ),
]


def seed_demo(*, centres, scale, stdout):
    """Two years of activities, sessions and registers for the demo centre. Safe to run twice."""

    centre = centres[0]
    if Activity.objects.filter(centre=centre).exists():
        stdout.write("Activities: demo data already there.")
        return
    women = list(Woman.objects.filter(centre=centre).order_by("pk"))
    if not women:
        stdout.write(
            "Activities: no women in the demo centre yet, so no registers were made "
            "(the casework seeder adds them)."
        )
    started = time_module.monotonic()
    made = _seed(centre, women, scale)
    stdout.write(
        f"Activities: {made['activities']} activities, {made['sessions']} sessions, "
        f"{made['attendances']} attendances ({time_module.monotonic() - started:.0f}s)."
    )


@transaction.atomic
def _seed(centre, women, scale):
    rng = random.Random(4)
    today = timezone.localdate()
    start = today - timedelta(days=730)
    rooms = {
        name: Room.objects.get_or_create(
            centre=centre, name=name, defaults={"capacity": cap, "accessibility_notes": notes}
        )[0]
        for name, cap, notes in ROOMS
    }
    terms = _seed_terms(centre, start, today)
    by_role = {}
    for user in User.objects.filter(
        memberships__centre=centre, memberships__is_active=True
    ).order_by("username"):
        role = user.memberships.get(centre=centre).role
        by_role.setdefault(role, []).append(user)
    staff = by_role.get(Role.KEY_WORKER, [])[:4]
    volunteer = (by_role.get(Role.VOLUNTEER) or [None])[0]
    manager = (by_role.get(Role.MANAGER) or [None])[0]
    activities = []
    regular = REGULAR + (LARGE_EXTRA if scale == "large" else [])
    for index, (name, kind, category, room, weekday, t0, t1, cap, text, extra) in enumerate(
        regular
    ):
        activity = services.activity_create(
            centre=centre,
            created_by=manager,
            name=name,
            kind=kind,
            category=category,
            description=text,
            room=rooms.get(room),
            capacity=cap,
            status=Activity.Status.RUNNING,
            status_changed_on=start,
            starts_on=start,
            owner=staff[index % len(staff)] if staff else manager,
            funding_source=rng.choice(["Core grant", "Lottery community fund", "Health board"]),
            budget=Decimal(rng.choice([600, 900, 1200, 1500])),
            accessibility_notes=(rooms[room].accessibility_notes if room else "Flat route."),
            **extra,
        )
        _schedule_two_years(services, activity, weekday, t0, t1, start, today)
        activities.append(activity)
    activities += _seed_courses(services, centre, manager, staff, rooms, terms, rng)
    activities += _seed_stopped(services, centre, manager, rooms, start, today)
    activities += _seed_one_offs(services, centre, manager, start, today, rng)
    _seed_ideas(services, centre, manager)
    _seed_facilitators(services, activities, staff, volunteer, women, rng)
    attendances = _seed_registers(centre, activities, women, scale, rng, today)
    _seed_signups_and_completions(services, activities, women, manager, rng)
    for activity in activities[:6]:
        services.activity_cost_add(
            activity=activity,
            description=rng.choice(["Materials", "Ingredients", "Tutor fee", "Bus fares"]),
            amount=Decimal(rng.choice([45, 80, 120, 250])),
            committed_on=today - timedelta(days=rng.randint(1, 300)),
            created_by=manager,
        )

    return {
        "activities": Activity.objects.filter(centre=centre).count(),
        "sessions": Session.objects.filter(centre=centre).count(),
        "attendances": attendances,
    }


def _seed_terms(centre, start, today):

    terms = []
    for year in range(start.year, today.year + 2):
        for name, s, e, bs, be in [
            ("Spring", (1, 6), (3, 28), (2, 17), (2, 21)),
            ("Summer", (4, 14), (7, 4), (5, 26), (5, 30)),
            ("Autumn", (8, 18), (12, 12), (10, 13), (10, 24)),
        ]:
            term, _ = Term.objects.get_or_create(
                centre=centre,
                name=f"{name} {year}",
                defaults={
                    "starts_on": date(year, *s),
                    "ends_on": date(year, *e),
                    "break_starts_on": date(year, *bs),
                    "break_ends_on": date(year, *be),
                },
            )
            terms.append(term)
    return terms


def _schedule_two_years(services, activity, weekday, t0, t1, start, end):
    chunk_start, last = start, end + timedelta(days=90)
    while chunk_start <= last:
        chunk_end = min(chunk_start + timedelta(days=364), last)
        services.schedule_create(
            activity=activity,
            frequency="weekly",
            weekday=weekday,
            start_time=time(*t0),
            end_time=time(*t1),
            starts_on=chunk_start,
            ends_on=chunk_end,
        )
        chunk_start = chunk_end + timedelta(days=1)


def _seed_courses(services, centre, manager, staff, rooms, terms, rng):

    made = []
    today = timezone.localdate()
    for term in terms:
        if term.starts_on > today + timedelta(days=120) or term.ends_on < today - timedelta(
            days=730
        ):
            continue
        for name, category, weekday, text in [
            (
                "Positive parenting",
                "family",
                2,
                "Eight weeks on the ups and downs of family life, with other mums. Creche available.",
            ),
            (
                "Confidence building",
                "learning",
                0,
                "A short course on speaking up, setting goals and feeling good about yourself.",
            ),
        ]:
            status = (
                Activity.Status.ENDED
                if term.ends_on < today
                else Activity.Status.RUNNING
                if term.starts_on <= today
                else Activity.Status.PLANNED
            )
            activity = services.activity_create(
                centre=centre,
                created_by=manager,
                name=f"{name} ({term.name})",
                kind=Activity.Kind.COURSE,
                category=category,
                description=text,
                room=rooms["Group room"],
                capacity=12,
                completion_sessions=6,
                status=status,
                status_reason="Course finished." if status == Activity.Status.ENDED else "",
                status_changed_on=min(term.ends_on, today),
                starts_on=term.starts_on,
                ends_on=term.ends_on,
                owner=rng.choice(staff) if staff else manager,
                funding_source="Families fund",
                budget=Decimal("800"),
            )
            services.schedule_create(
                activity=activity,
                frequency="termly",
                weekday=weekday,
                start_time=time(10, 0),
                end_time=time(12, 0),
                term=term,
            )
            made.append(activity)
    return made


def _seed_stopped(services, centre, manager, rooms, start, today):

    made = []
    for name, category, room, weekday, text, to_status, reason, months_ago in [
        (
            "Sewing group",
            "creative",
            "Art room",
            1,
            "Learn to mend, alter and make clothes on our machines.",
            "paused",
            "Our sewing tutor is on leave; restarting when a new tutor is found.",
            2,
        ),
        (
            "Creative writing",
            "creative",
            "Quiet room",
            2,
            "Write poems and stories, and share them if you want to.",
            "ended",
            "Funding from the arts trust ended.",
            9,
        ),
        (
            "Gym sessions",
            "active",
            None,
            3,
            "Free sessions at the leisure centre with a friendly instructor.",
            "ended",
            "Too few women could get there: the bus route changed.",
            14,
        ),
    ]:
        activity = services.activity_create(
            centre=centre,
            created_by=manager,
            name=name,
            kind="group",
            category=category,
            description=text,
            room=rooms.get(room) if room else None,
            location="" if room else "Leisure centre, High Street",
            capacity=10,
            status=Activity.Status.RUNNING,
            status_changed_on=start,
            starts_on=start,
            funding_source="Arts trust" if name == "Creative writing" else "Core grant",
            budget=Decimal("700"),
        )
        _schedule_two_years(services, activity, weekday, (14, 0), (15, 30), start, today)
        services.activity_status_change(
            activity=activity,
            to_status=to_status,
            reason=reason,
            effective_on=today - timedelta(days=30 * months_ago),
            changed_by=manager,
        )
        made.append(activity)
    return made


def _seed_one_offs(services, centre, manager, start, today, rng):

    made = []
    for name, kind, location, days_ago, text in [
        (
            "Day trip to the seaside",
            "trip",
            "Coach from the centre car park",
            420,
            "A day at the beach with lunch. Children welcome.",
        ),
        ("Museum visit", "trip", "Kelvingrove Museum", 250, "A guided visit and coffee after."),
        ("Christmas party", "event", "", 330, "Food, music and a gift for everyone."),
        ("Summer picnic", "event", "Botanic Gardens", 120, "Bring yourself; we bring the food."),
        (
            "Theatre trip",
            "trip",
            "Citizens Theatre",
            -21,
            "An evening at the theatre, tickets paid.",
        ),
    ]:
        activity = services.activity_create(
            centre=centre,
            created_by=manager,
            name=name,
            kind=kind,
            category="social",
            description=text,
            capacity=16 if kind == "trip" else None,
            status=Activity.Status.ENDED if days_ago > 0 else Activity.Status.PLANNED,
            status_changed_on=min(today, today - timedelta(days=days_ago)),
            status_reason="Took place." if days_ago > 0 else "",
            location=location,
            funding_source="Trips fund",
            budget=Decimal(rng.choice([300, 500])),
        )
        day = today - timedelta(days=days_ago)
        services.session_create(
            activity=activity,
            date=day,
            start_time=time(10, 0),
            end_time=time(16, 0),
            location=location or "",
        )
        made.append(activity)
    return made


def _seed_ideas(services, centre, manager):

    for name, stage, text, idea in [
        (
            "Yoga",
            "pilot",
            "Gentle yoga for all bodies, on mats or chairs.",
            "A woman at the service-user meeting asked for yoga to help her sleep.",
        ),
        (
            "Gardening club",
            "idea",
            "Growing vegetables in the centre's back garden.",
            "Suggested in the suggestion box: 'we could grow our own food for the cooking group'.",
        ),
    ]:
        activity = services.activity_create(
            centre=centre,
            created_by=manager,
            name=name,
            kind="group",
            category="wellbeing" if name == "Yoga" else "active",
            description=text,
            status=Activity.Status.PLANNED,
            origin=Activity.Origin.WOMAN,
            idea_notes=idea,
        )
        if stage == "pilot":
            services.activity_idea_advance(activity=activity, to_stage="pilot")


def _seed_facilitators(services, activities, staff, volunteer, women, rng):
    for index, activity in enumerate(activities):
        if staff:
            services.facilitator_add(
                activity=activity, kind="staff", user=staff[index % len(staff)]
            )
        if volunteer and activity.name in (
            "Cooking on a budget",
            "Walking group",
            "Women's drop-in",
        ):
            services.facilitator_add(activity=activity, kind="volunteer", user=volunteer)
        if activity.name == "Mindfulness":
            services.facilitator_add(
                activity=activity,
                kind="external",
                external_name="Dr Hannah Ross",
                organisation="Community wellbeing service",
            )
        if activity.name == "Art group" and women and staff:
            services.facilitator_add(
                activity=activity, kind="woman", woman=women[0], staff_partner=staff[0]
            )


def _seed_registers(centre, activities, women, scale, rng, today):

    sessions = list(
        Session.objects.filter(centre=centre, date__lt=today).select_related("activity__owner")
    )
    cancel = [s for s in sessions if rng.random() < 0.03]
    for session in cancel:
        session.status, session.cancel_reason = "cancelled", rng.choice(CANCEL_REASONS)
    Session.objects.bulk_update(cancel, ["status", "cancel_reason"], batch_size=500)
    if not women:
        return 0
    mean = 18 if scale == "large" else 6
    pools = {}
    attendances, feedback, taken = [], [], []
    for session in sessions:
        if (
            session.status == "cancelled"
            or session.activity.status == "paused"
            and session.date >= session.activity.status_changed_on
        ):
            continue
        pool = pools.setdefault(
            session.activity_id, rng.sample(women, min(len(women), rng.randint(mean + 4, mean * 3)))
        )
        count = max(1, min(len(pool), int(rng.gauss(mean, mean / 3))))
        for woman in rng.sample(pool, count):
            attendances.append(Attendance(session=session, woman=woman))
        session.others_count = rng.choice([0, 0, 0, 1, 2])
        session.register_taken_by = session.activity.owner
        session.register_taken_at = timezone.make_aware(
            datetime.combine(session.date, session.end_time)
        )
        taken.append(session)
        if rng.random() < 0.3:
            for _ in range(rng.randint(1, 3)):
                feedback.append(
                    Feedback(
                        session=session,
                        rating=rng.choice([3, 4, 4, 5, 5, 2]),
                        comment=rng.choice(FEEDBACK_COMMENTS),
                        # About a third given on the shared tablet, the rest on the register.
                        source=Feedback.Source.TABLET
                        if len(feedback) % 3 == 0
                        else Feedback.Source.REGISTER,
                    )
                )
        # Now and then a woman stops coming to a group and another joins.
        if rng.random() < 0.05 and len(women) > len(pool):
            pool[rng.randrange(len(pool))] = rng.choice(women)
    Session.objects.bulk_update(
        taken, ["others_count", "register_taken_at", "register_taken_by"], batch_size=1000
    )
    Attendance.objects.bulk_create(attendances, batch_size=5000, ignore_conflicts=True)
    Feedback.objects.bulk_create(feedback, batch_size=2000)
    return len(attendances)


def _seed_signups_and_completions(services, activities, women, manager, rng):
    if not women:
        return
    today = timezone.localdate()
    for activity in activities:
        if activity.kind == "course":
            regulars = list(
                activity.sessions.filter(attendances__isnull=False)
                .values_list("attendances__woman", flat=True)
                .distinct()[:14]
            )
            for woman in [w for w in women if w.pk in set(regulars)]:
                services.enrolment_add(activity=activity, woman=woman)
            if activity.ends_on and activity.ends_on < today:
                services.course_completions_award(activity=activity, awarded_by=manager)
            elif activity.status == "planned":
                for woman in rng.sample(women, min(len(women), 14)):
                    services.enrolment_add(activity=activity, woman=woman)
        elif activity.name == "Cooking on a budget":
            for woman in rng.sample(women, min(len(women), 12)):
                services.enrolment_add(activity=activity, woman=woman)
