"""Demo casework: realistic women, referrals, contacts, plans, appointments and alerts.

Small: about 60 women across the demo key workers. Large: 3,000 women and 300,000 contacts,
written with bulk_create. Safe to run twice: a centre that already has its women is topped up,
never duplicated."""

import random
from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone
from faker import Faker

from centre.models import Membership, User
from centre.roles import Role

from .models import (
    OPEN_STAGES,
    Action,
    Agency,
    Alert,
    Allocation,
    Appointment,
    Consent,
    Contact,
    CourtDate,
    Domain,
    Goal,
    JusticeOrder,
    Need,
    OutcomeRating,
    Referral,
    ReferralOut,
    Review,
    SharePart,
    Stage,
    StageChange,
    SupportPlan,
    Woman,
)

SIZES = {"small": (60, 12), "large": (3000, 103)}  # women, contacts per woman on average
KEY_WORKERS = ["keyworker", "kw.sarah", "kw.leanne", "kw.ruth"]
AGENCIES = [
    ("NHS Addiction Services", Agency.Kind.PARTNER, "Drug and alcohol treatment, harm reduction"),
    ("Sheriff Court Social Work", Agency.Kind.PARTNER, "Justice social work, court reports"),
    ("Police Scotland Divisional Team", Agency.Kind.PARTNER, "Diversion, wellbeing referrals"),
    ("HMP Greenock Throughcare", Agency.Kind.PARTNER, "Support before and after release"),
    ("City Housing Options", Agency.Kind.PARTNER, "Homelessness assessments, temporary housing"),
    ("Women's Aid", Agency.Kind.PARTNER, "Support for women experiencing domestic abuse"),
    ("Community Mental Health Team", Agency.Kind.PARTNER, "Assessment and treatment"),
    ("Citizens Advice Bureau", Agency.Kind.COMMUNITY, "Benefits, debt and money advice"),
    ("Foodbank (Trussell)", Agency.Kind.COMMUNITY, "Emergency food parcels with a voucher"),
    ("College Access Course", Agency.Kind.COMMUNITY, "Return-to-learning courses for adults"),
    ("Jobcentre Plus Work Coach", Agency.Kind.COMMUNITY, "Employment support"),
]
NOTES = [
    "Talked through the week; she is feeling more settled.",
    "Went with her to the GP. New prescription started.",
    "Door-knock, no answer. Left a card.",
    "Helped fill in the housing form. Follow up with Housing Options.",
    "She was upset about contact with the children; agreed to call social work together.",
    "Quick catch-up by phone; reminded her of Thursday's group.",
    "Court went well: deferred sentence, back in three months.",
    "Gave a phone top-up and bus pass so she can get to appointments.",
    "Talked about money worries; booked in with Citizens Advice.",
    "She brought her daughter in; lovely to meet her.",
]
GOALS = [
    ("Get my own tenancy", Domain.HOUSING),
    ("Cut down and stay on my script", Domain.SUBSTANCE_USE),
    ("See my kids every week", Domain.CHILDREN_FAMILY),
    ("Sort out my benefits and the debt", Domain.MONEY),
    ("Finish my community payback hours", Domain.JUSTICE),
    ("Start a college course", Domain.LEARNING_WORK),
    ("Feel less anxious going out", Domain.MENTAL_HEALTH),
]


def _aware(day, hour=10):
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def _staff(centre):
    users = {
        u.username: u
        for u in User.objects.filter(username__in=KEY_WORKERS + ["manager", "partner"])
    }
    workers = [users[name] for name in KEY_WORKERS if name in users]
    if not workers:
        workers = [
            m.user
            for m in Membership.objects.filter(centre=centre, role=Role.KEY_WORKER).select_related(
                "user"
            )
        ]
    return workers, users.get("manager"), users.get("partner")


def _agencies(centre):
    agencies = []
    for name, kind, services in AGENCIES:
        agency, _created = Agency.objects.get_or_create(
            centre=centre,
            name=name,
            defaults={
                "kind": kind,
                "services": services,
                "area": "Glasgow",
                "how_to_refer": "Phone or email with her agreement.",
                "phone": "0141 496 0000",
            },
        )
        agencies.append(agency)
    return agencies


def seed_casework(*, centres, scale, stdout):
    for index, centre in enumerate(centres):
        target, contacts_each = SIZES[scale]
        if index > 0:
            target, contacts_each = min(target, 10), min(contacts_each, 5)
        existing = Woman.objects.filter(centre=centre).count()
        if existing >= target:
            stdout.write(f"Casework: {centre.name} already has {existing} women.")
            continue
        _seed_centre(centre, target - existing, contacts_each, seed=index * 1000 + existing)
        stdout.write(
            f"Casework: {centre.name} now has {Woman.objects.filter(centre=centre).count()} women."
        )


@transaction.atomic
def _seed_centre(centre, count, contacts_each, *, seed):
    rng = random.Random(seed)
    fake = Faker("en_GB")
    fake.seed_instance(seed)
    workers, manager, partner = _staff(centre)
    if not workers:
        workers = [manager] if manager else []
    agencies = _agencies(centre)
    partners = [a for a in agencies if a.kind == Agency.Kind.PARTNER]
    today = timezone.localdate()
    now = timezone.now()
    stages = [
        Stage.ASSESSMENT,
        Stage.INTENSIVE,
        Stage.INTENSIVE,
        Stage.LIGHTER_TOUCH,
        Stage.LIGHTER_TOUCH,
        Stage.REFERRED,
        Stage.MOVED_ON,
        Stage.CLOSED,
    ]

    women = []
    for _ in range(count):
        stage = rng.choice(stages)
        opened = today - timedelta(days=rng.randint(20, 700))
        safe_text = rng.random() < 0.6
        women.append(
            Woman(
                centre=centre,
                first_name=fake.first_name_female(),
                last_name=fake.last_name(),
                preferred_name=rng.choice(["", "", "", "Jo", "Kat", "Bex", "Mags"]),
                date_of_birth=today - timedelta(days=rng.randint(19 * 365, 58 * 365)),
                stage=stage,
                key_worker=rng.choice(workers) if workers and stage != Stage.REFERRED else None,
                mobile=f"07700 9{rng.randint(0, 99999):05d}",
                email=f"{fake.user_name()}@example.com" if rng.random() < 0.3 else "",
                address=fake.address(),
                safe_to_text=safe_text,
                safe_to_leave_voicemail=rng.random() < 0.4,
                safe_to_post=rng.random() < 0.5,
                safe_time=rng.choice(["", "Weekdays 10 to 2", "Not after 6pm", "Mornings only"]),
                code_word=rng.choice(["", "", "pineapple", "blue"]),
                reminders_opt_in=safe_text and rng.random() < 0.7,
                what_matters=rng.choice(
                    [
                        "",
                        f"Her children {fake.first_name()} and {fake.first_name()}.",
                        "Her dog, Milo. Her mum's anniversary in March.",
                    ]
                ),
                invite_to_meetings=rng.random() < 0.3,
                send_newsletter=rng.random() < 0.5,
                ask_to_help=rng.random() < 0.2,
                closed_at=now - timedelta(days=rng.randint(1, 300))
                if stage == Stage.CLOSED
                else None,
                created_at=_aware(opened),
            )
        )
    women = Woman.objects.bulk_create(women, batch_size=1000)

    stage_rows, allocations, contacts, appointments = [], [], [], []
    referrals, plans, goals, actions, ratings, needs = [], [], [], [], [], []
    for woman in women:
        opened = timezone.localtime(woman.created_at).date()
        source = rng.choice(Referral.Source.values)
        referrals.append(
            Referral(
                centre=centre,
                woman=woman,
                first_name=woman.first_name,
                last_name=woman.last_name,
                source=source,
                referrer_agency=rng.choice(partners) if source != Referral.Source.SELF else None,
                referrer_name=fake.name() if source != Referral.Source.SELF else "",
                referred_on=opened - timedelta(days=rng.randint(1, 14)),
                justice_involvement=rng.choice(
                    [
                        "Deferred sentence",
                        "Community payback order",
                        "Released from custody",
                        "Diversion from prosecution",
                    ]
                ),
                vulnerability=rng.choice(
                    [
                        "Homeless, using daily",
                        "Domestic abuse, children in care",
                        "Mental health crisis",
                        "Debt and isolation",
                    ]
                ),
                risk_need_band=rng.choice(["", "medium", "high", "very_high"]),
                decision=Referral.Decision.ACCEPTED,
                decision_reason="Meets the criteria: justice involvement and high need.",
                decided_by=manager,
                decided_at=_aware(opened),
            )
        )
        stage_rows.append(
            StageChange(
                woman=woman,
                to_stage=Stage.ASSESSMENT,
                reason="Referral accepted",
                changed_by=manager,
                changed_at=_aware(opened),
            )
        )
        if woman.stage != Stage.ASSESSMENT:
            stage_rows.append(
                StageChange(
                    woman=woman,
                    from_stage=Stage.ASSESSMENT,
                    to_stage=woman.stage,
                    changed_by=woman.key_worker,
                    changed_at=_aware(opened + timedelta(days=14)),
                )
            )
        if woman.key_worker:
            allocations.append(
                Allocation(
                    woman=woman,
                    worker=woman.key_worker,
                    kind=Allocation.Kind.KEY_WORKER,
                    reason="New referral",
                    allocated_by=manager,
                    started_at=_aware(opened),
                    handover_read_at=_aware(opened),
                )
            )
        if partner and rng.random() < 0.25:
            allocations.append(
                Allocation(
                    woman=woman,
                    worker=partner,
                    kind=Allocation.Kind.INVOLVED,
                    agency="NHS Addiction Services",
                    reason="Substance use support",
                    allocated_by=manager,
                    started_at=_aware(opened + timedelta(days=7)),
                )
            )
        # Contacts spread from opening to today (or closing).
        last_day = (
            today if woman.stage in OPEN_STAGES else opened + timedelta(days=rng.randint(30, 200))
        )
        span = max((min(last_day, today) - opened).days, 1)
        n = max(1, int(rng.gauss(contacts_each, contacts_each / 3)))
        last_made = None
        for _ in range(n):
            day = opened + timedelta(days=rng.randint(0, span))
            if woman.stage in OPEN_STAGES and rng.random() < 0.15:
                day = opened  # some women not heard from since the start: the outreach list
            made = rng.random() < 0.8
            contacts.append(
                Contact(
                    centre=centre,
                    woman=woman,
                    worker=woman.key_worker or rng.choice(workers),
                    contact_on=min(day, today),
                    contact_type=rng.choice(Contact.Type.values),
                    made=made,
                    note=rng.choice(NOTES),
                    duration_minutes=rng.choice([None, 15, 30, 45, 60, 90]),
                    contact_format=rng.choice(
                        ["", Contact.Format.ONE_TO_ONE, Contact.Format.THREE_WAY]
                    ),
                    needs_discussed=rng.sample(Domain.values, rng.randint(0, 2)),
                    practical_support=rng.sample(Contact.Support.values, rng.randint(0, 1)),
                    restricted=rng.random() < 0.03,
                )
            )
            if made and (last_made is None or day > last_made):
                last_made = min(day, today)
        woman.last_contact_at = _aware(last_made, 12) if last_made else None
        if woman.stage in OPEN_STAGES and rng.random() < 0.5:
            appointments.append(
                Appointment(
                    centre=centre,
                    woman=woman,
                    worker=woman.key_worker,
                    starts_at=_aware(
                        today + timedelta(days=rng.randint(0, 14)), rng.choice([10, 11, 14, 15])
                    ),
                    place="The centre",
                    purpose="Catch-up",
                )
            )
        if woman.stage != Stage.REFERRED and rng.random() < 0.8:
            plans.append(
                SupportPlan(
                    woman=woman,
                    in_her_words="I want a place of my own and to see more of my kids.",
                    strengths="Determined, funny, a great mum.",
                    going_well="Coming to the Tuesday group every week.",
                    next_review_on=today + timedelta(days=rng.randint(-20, 60)),
                    updated_by=woman.key_worker,
                )
            )
            for text, domain in rng.sample(GOALS, 2):
                goals.append(Goal(woman=woman, text=text, domain=domain))
            actions.append(
                Action(
                    woman=woman,
                    text="Phone Housing Options together",
                    who="Her and key worker",
                    owner=woman.key_worker,
                    due_on=today + timedelta(days=rng.randint(-10, 20)),
                )
            )
            start_scores = {d: rng.randint(1, 6) for d in rng.sample(Domain.values, 4)}
            for domain, score in start_scores.items():
                ratings.append(
                    OutcomeRating(
                        woman=woman,
                        domain=domain,
                        score=score,
                        rated_on=opened,
                        occasion=OutcomeRating.Occasion.INTAKE,
                    )
                )
                ratings.append(
                    OutcomeRating(
                        woman=woman,
                        domain=domain,
                        score=min(10, score + rng.randint(0, 4)),
                        rated_on=opened + timedelta(days=90),
                        occasion=OutcomeRating.Occasion.REVIEW,
                    )
                )
            for domain in rng.sample(Domain.values, 3):
                needs.append(
                    Need(
                        woman=woman,
                        domain=domain,
                        level=rng.choice(["some", "high"]),
                        her_view="This is the thing that worries me most.",
                        worker_view="Agreed priority.",
                    )
                )

    Woman.objects.bulk_update(women, ["last_contact_at"], batch_size=1000)
    Referral.objects.bulk_create(referrals, batch_size=2000)
    StageChange.objects.bulk_create(stage_rows, batch_size=2000)
    Allocation.objects.bulk_create(allocations, batch_size=2000)
    Contact.objects.bulk_create(contacts, batch_size=5000)
    Appointment.objects.bulk_create(appointments, batch_size=2000)
    SupportPlan.objects.bulk_create(plans, batch_size=2000)
    Goal.objects.bulk_create(goals, batch_size=2000)
    Action.objects.bulk_create(actions, batch_size=2000)
    OutcomeRating.objects.bulk_create(ratings, batch_size=5000)
    Need.objects.bulk_create(needs, batch_size=2000)
    _seed_extras(centre, women[:40], manager, partners, agencies, rng, today)
    _seed_partner_sharing(women, partner, partners, today)


def _demo_shares(rng):
    """A plausible agreement: a few needs domains, usually contact notes, rarely more."""
    shares = rng.sample(list(Domain.values), k=rng.randint(2, 5))
    if rng.random() < 0.7:
        shares.append(SharePart.CONTACT_NOTES)
    if rng.random() < 0.4:
        shares.append(SharePart.JUSTICE_RECORD)
    return shares


def _seed_partner_sharing(women, partner, partners, today):
    """Sharing agreements with the demo partner worker's agency for the women she is involved
    with, so each case shows: refused, review overdue, agreed with limits, and (the rest)
    nothing recorded yet, which prompts the key worker."""
    agency = next((a for a in partners if a.name == "NHS Addiction Services"), None)
    if partner is None or agency is None:
        return
    involved_ids = set(
        Allocation.objects.filter(
            worker=partner,
            kind=Allocation.Kind.INVOLVED,
            ended_at__isnull=True,
            woman__centre=agency.centre,
            woman__stage__in=OPEN_STAGES,
        )
        .exclude(woman__consents__agency=agency)
        .values_list("woman_id", flat=True)
    )
    involved = [w for w in women if w.pk in involved_ids][:3]
    states = [
        {"agreed": False, "shares": []},
        {
            "agreed": True,
            "shares": [Domain.SUBSTANCE_USE, SharePart.CONTACT_NOTES],
            "review_on": today - timedelta(days=3),
        },
        {
            "agreed": True,
            "shares": [Domain.SUBSTANCE_USE, Domain.MENTAL_HEALTH, Domain.PHYSICAL_HEALTH],
            "review_on": today + timedelta(days=150),
        },
    ]
    for woman, state in zip(involved, states, strict=False):
        Consent.objects.create(
            woman=woman,
            agency=agency,
            decided_on=today - timedelta(days=200 if state.get("review_on", today) < today else 30),
            what_may_be_shared="" if state["agreed"] else "Does not want her GP told.",
            recorded_by=woman.key_worker,
            **state,
        )


def _seed_extras(centre, women, manager, partners, agencies, rng, today):
    """Alerts, justice, consent, reviews and referrals out on a few records."""
    open_women = [w for w in women if w.stage in OPEN_STAGES]
    for first, second in zip(open_women[0:6:2], open_women[1:6:2], strict=False):
        Alert.objects.create(
            centre=centre,
            woman=first,
            other_woman=second,
            kind=Alert.Kind.NOT_WITH,
            detail="Previous conflict; keep apart in groups.",
            created_by=manager,
        )
    for kind, detail, group in (
        (Alert.Kind.SAFETY, "Ex-partner may turn up; do not confirm she attends.", slice(6, 10)),
        (Alert.Kind.WORKER_SAFETY, "Do not visit alone.", slice(10, 12)),
    ):
        for woman in open_women[group]:
            Alert.objects.create(
                centre=centre, woman=woman, kind=kind, detail=detail, created_by=manager
            )
    for woman in open_women[:12]:
        order = JusticeOrder.objects.create(
            woman=woman,
            order_type="Community payback order",
            starts_on=today - timedelta(days=90),
            ends_on=today + timedelta(days=275),
            requirements="120 hours unpaid work; supervision",
        )
        CourtDate.objects.create(
            woman=woman,
            starts_at=_aware(today + timedelta(days=rng.randint(1, 30)), 10),
            court="Glasgow Sheriff Court",
            purpose="Progress review",
        )
        del order
    for woman in open_women[:15]:
        agreed = rng.random() < 0.85
        Consent.objects.create(
            woman=woman,
            agency=rng.choice(partners),
            agreed=agreed,
            shares=_demo_shares(rng) if agreed else [],
            what_may_be_shared="Attendance and progress" if agreed else "",
            review_on=today + timedelta(days=180),
            recorded_by=woman.key_worker,
        )
        ReferralOut.objects.create(
            woman=woman,
            agency=rng.choice(agencies),
            reason="Support with money",
            status=rng.choice(ReferralOut.Status.values),
            made_by=woman.key_worker,
        )
        Review.objects.create(
            woman=woman,
            held_on=today - timedelta(days=rng.randint(5, 60)),
            progress="Settled in her flat; attending the group. Wants to start college.",
            author=woman.key_worker,
        )
