"""Demo casework: realistic women, referrals, contacts, plans, appointments and alerts.

Small: about 60 women across the demo key workers. Large: 3,000 women and 300,000 contacts,
written with bulk_create. Safe to run twice: a centre that already has its women is topped up,
never duplicated."""

import random
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone
from faker import Faker

from centre.models import Membership
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
# Notes that fit the kind of contact; an attempt has its own words.
NOTES = {
    Contact.Type.IN_CENTRE: [
        "Talked through the week in the centre; she is feeling more settled.",
        "She brought her daughter in; lovely to meet her.",
        "Came in for the food parcel and stayed for a cuppa; talked about money worries.",
    ],
    Contact.Type.HOME_VISIT: [
        "Home visit: flat is cold, helped her phone the energy company.",
        "Visited at home; she showed me the new curtains. Planned next week together.",
    ],
    Contact.Type.OUTREACH: [
        "Door-knock; she came to the door and we walked to the shop together.",
        "Outreach at the hostel; she agreed to come to Thursday's group.",
    ],
    Contact.Type.PHONE: [
        "Quick catch-up by phone; reminded her of Thursday's group.",
        "Phoned about her benefits letter; booked her in with Citizens Advice.",
    ],
    Contact.Type.TEXT: [
        "Texted to check she got home safe; she replied she is fine.",
        "Text reminder about tomorrow; she confirmed.",
    ],
    Contact.Type.ACCOMPANIED: [
        "Went with her to the GP. New prescription started.",
        "Went with her to the housing office; on the list for a flat.",
    ],
    Contact.Type.COURT: [
        "At court with her: deferred sentence, back in three months.",
        "Supported her at the sheriff court; case continued to next month.",
    ],
    Contact.Type.PRISON_VISIT: [
        "Prison visit: planned her release day and where she will stay.",
    ],
}
ATTEMPT_NOTES = {
    Contact.Type.OUTREACH: "Door-knock, no answer. Left a card.",
    Contact.Type.HOME_VISIT: "Home visit, no answer. Left a card.",
    Contact.Type.PHONE: "Rang, no answer; no voicemail as it is not safe.",
    Contact.Type.TEXT: "Texted; no reply yet.",
}
# Attempts are only for the kinds of contact that can fail to connect.
ATTEMPT_TYPES = list(ATTEMPT_NOTES)
SUPPORT_FOR_TYPE = {
    Contact.Type.IN_CENTRE: [
        Contact.Support.FOOD,
        Contact.Support.TOILETRIES,
        Contact.Support.CLOTHES,
    ],
    Contact.Type.ACCOMPANIED: [Contact.Support.TRAVEL],
    Contact.Type.HOME_VISIT: [Contact.Support.FOOD, Contact.Support.FORMS],
    Contact.Type.PHONE: [Contact.Support.PHONE_TOP_UP],
}


def _demo_contact(rng, centre, woman, worker, day):
    """One contact whose note, format and length fit its type."""
    made = rng.random() < 0.8
    contact_type = rng.choice(Contact.Type.values if made else ATTEMPT_TYPES)
    note = rng.choice(NOTES[contact_type]) if made else ATTEMPT_NOTES[contact_type]
    quick = contact_type in (Contact.Type.PHONE, Contact.Type.TEXT)
    return Contact(
        centre=centre,
        woman=woman,
        worker=worker,
        contact_on=day,
        contact_type=contact_type,
        made=made,
        note=note,
        duration_minutes=(rng.choice([5, 10, 15]) if quick else rng.choice([30, 45, 60, 90]))
        if made
        else None,
        contact_format=(
            Contact.Format.THREE_WAY
            if contact_type in (Contact.Type.COURT, Contact.Type.ACCOMPANIED)
            else rng.choice([Contact.Format.ONE_TO_ONE] * 4 + [Contact.Format.FAMILY])
        )
        if made
        else "",
        needs_discussed=rng.sample(Domain.values, rng.randint(0, 2)) if made else [],
        tool_used=rng.choice([""] * 6 + Contact.Tool.values) if made and not quick else "",
        practical_support=rng.sample(SUPPORT_FOR_TYPE.get(contact_type, []), 1)
        if made and contact_type in SUPPORT_FOR_TYPE and rng.random() < 0.3
        else [],
        restricted=rng.random() < 0.03,
    )


def last_complete_quarters(today, count=2):
    """The last `count` complete calendar quarters before today, oldest first, as (start, end)."""
    quarter_start = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    quarters = []
    for _ in range(count):
        end = quarter_start - timedelta(days=1)
        quarter_start = date(end.year, 3 * ((end.month - 1) // 3) + 1, 1)
        quarters.append((quarter_start, end))
    return list(reversed(quarters))


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
    """The centre's own key workers, manager and partner worker: a worker is never given
    women at a centre she does not work at (nor sent their details)."""
    members = {
        m.user.username: m
        for m in Membership.objects.filter(centre=centre, is_active=True).select_related("user")
    }
    workers = [m.user for m in members.values() if m.role == Role.KEY_WORKER]
    workers.sort(
        key=lambda u: (KEY_WORKERS.index(u.username) if u.username in KEY_WORKERS else 99, u.pk)
    )
    manager = next((m.user for m in members.values() if m.role == Role.MANAGER), None)
    partner = next((m.user for m in members.values() if m.role == Role.PARTNER), None)
    return workers, manager, partner


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
            contact = _demo_contact(
                rng, centre, woman, woman.key_worker or rng.choice(workers), min(day, today)
            )
            made = contact.made
            contacts.append(contact)
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
    _seed_last_quarters(centre, women, workers, rng, today)
    _seed_referral_states(centre, workers, manager, partners, rng, today, fake)


def _seed_last_quarters(centre, women, workers, rng, today):
    """The last two complete quarters are full (the quarterly report shows them): contacts
    and a plan review in each for women whose case was open then."""
    contacts, reviews = [], []
    for start, end in last_complete_quarters(today):
        open_then = [
            w
            for w in women
            if w.stage in OPEN_STAGES and timezone.localtime(w.created_at).date() < start
        ][:10]
        for woman in open_then:
            worker = woman.key_worker or rng.choice(workers)
            for _ in range(2):
                day = start + timedelta(days=rng.randint(0, (end - start).days))
                contacts.append(_demo_contact(rng, centre, woman, worker, day))
            reviews.append(
                Review(
                    woman=woman,
                    held_on=start + timedelta(days=rng.randint(0, (end - start).days)),
                    progress="Reviewed her plan together: settled at home, wants to try college.",
                    author=worker,
                )
            )
    Contact.objects.bulk_create(contacts, batch_size=2000)
    Review.objects.bulk_create(reviews, batch_size=2000)


def _seed_referral_states(centre, workers, manager, partners, rng, today, fake):
    """Referrals in every state: waiting (one offered to the demo key worker to accept or
    decline), not accepted and withdrawn, in each of the last two quarters and this one."""
    periods = [*last_complete_quarters(today), (today - timedelta(days=20), today)]
    states = [
        (Referral.Decision.DECLINED, "Lives outside the area: referred to her local service."),
        (Referral.Decision.WITHDRAWN, "The referrer withdrew it: she has moved away."),
    ]
    referrals = []
    for start, end in periods:
        for decision, reason in states:
            referred_on = start + timedelta(days=rng.randint(0, max((end - start).days - 3, 0)))
            referrals.append(
                _demo_referral(centre, rng, fake, partners, referred_on)
                | {
                    "decision": decision,
                    "decision_reason": reason,
                    "decided_by": manager,
                    "decided_at": _aware(min(referred_on + timedelta(days=3), today)),
                }
            )
    for days_ago, offered in ((2, True), (4, False), (9, False)):
        referrals.append(
            _demo_referral(centre, rng, fake, partners, today - timedelta(days=days_ago))
            | {
                "offered_to": workers[0] if offered and workers else None,
                "offered_at": timezone.now() if offered and workers else None,
            }
        )
    Referral.objects.bulk_create([Referral(**fields) for fields in referrals])


def _demo_referral(centre, rng, fake, partners, referred_on):
    source = rng.choice(Referral.Source.values)
    return {
        "centre": centre,
        "first_name": fake.first_name_female(),
        "last_name": fake.last_name(),
        "source": source,
        "referrer_agency": rng.choice(partners) if source != Referral.Source.SELF else None,
        "referred_on": referred_on,
        "justice_involvement": rng.choice(["Deferred sentence", "Diversion from prosecution"]),
        "vulnerability": rng.choice(["Homeless, using daily", "Debt and isolation"]),
    }


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
