"""Demo suggestions over two years, some of them the ideas behind demo activities."""

import random
from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from activities.models import Activity
from centre.models import Membership
from centre.roles import STAFF_ROLES, Role

from . import services
from .models import Suggestion, SuggestionChange

S = Suggestion.Status
# (about, what she would like, what would fix it, you said, we did (done), we couldn't (no))
IDEAS = [
    (
        "food",
        "Could we have a proper hot lunch on a Wednesday, not just sandwiches?",
        "Maybe we could cook it together in the kitchen.",
        "You wanted a hot lunch midweek.",
        "We started a Wednesday lunch club cooked by the women.",
        "We don't have a cook on Wednesdays, but the Thursday cookery group now makes extra.",
    ),
    (
        "food",
        "More fruit and healthy snacks please, the biscuits are all we get.",
        "",
        "You asked for healthier snacks.",
        "Fruit bowl in the drop-in every day from the food bank.",
        "Our food bank supply changes week to week, so we can't promise fruit every day.",
    ),
    (
        "activities",
        "Could there be a crèche so I can come to groups with my wee one?",
        "Even just one morning a week would help.",
        "You needed childcare to come to groups.",
        "We now have a crèche on Tuesday and Thursday mornings with two trained volunteers.",
        "We couldn't find a registered childminder for the room, so we help with nursery costs instead.",
    ),
    (
        "activities",
        "An evening group for those of us who work or have the kids in the day.",
        "Thursday evenings would suit a lot of us.",
        "You asked for a group in the evening.",
        "A Thursday evening group runs 6 to 8pm.",
        "We can't staff the building safely in the evening yet, but we are asking for funding.",
    ),
    (
        "centre",
        "A quiet room where you can sit if it all gets too much.",
        "The small room upstairs is hardly used.",
        "You wanted a quiet space.",
        "The small upstairs room is now a quiet room with soft chairs.",
        "The upstairs room is needed for one-to-ones, so we can't keep it free all day.",
    ),
    (
        "activities",
        "More art please, the art group was the best thing.",
        "Painting or pottery, anything really.",
        "You asked for more art.",
        "The art group is back every Monday with a local artist.",
        "The art funding ended, but we have asked the college for a tutor.",
    ),
    (
        "activities",
        "Can we do the gardening again in the summer?",
        "",
        "You wanted gardening back.",
        "We have two raised beds and a group on Friday mornings.",
        "The allotment was taken back by the council, so we couldn't this year.",
    ),
    (
        "meetings",
        "The women's meeting is too early, I can never get here for ten.",
        "Half eleven would be better, after the school run.",
        "You said the meeting was too early.",
        "The women's meeting now starts at 11.30.",
        "The room is booked from 11, so we couldn't move it, but we now send papers the week before.",
    ),
    (
        "staff",
        "It would help to know who is in each day, the board is never right.",
        "A photo board with who is in today.",
        "You wanted to know which staff are in.",
        "There is a 'who's in today' photo board at reception.",
        "We tried a board but it kept being wrong; reception can tell you who is in.",
    ),
    (
        "centre",
        "The toilets need sanitary products, you shouldn't have to ask.",
        "",
        "You said you shouldn't have to ask for sanitary products.",
        "Free products are now in every toilet.",
        "",
    ),
    (
        "other",
        "Help with bus fares to get here would make a big difference.",
        "Bus passes for the week.",
        "You said bus fares stop you coming.",
        "We now give bus tickets to anyone who needs them to get here.",
        "We can't fund weekly passes, but we give single tickets for appointments.",
    ),
    (
        "centre",
        "The waiting area is cold in the mornings.",
        "Put the heating on earlier.",
        "You said the waiting area was cold.",
        "The heating now comes on an hour earlier.",
        "The landlord controls the heating; we have asked them and lent blankets meanwhile.",
    ),
    (
        "activities",
        "A walking group would be good for getting out of the house.",
        "Round the park on a Friday.",
        "You asked for a walking group.",
        "A Friday walking group leaves from the centre at 1pm.",
        "We had nobody trained to lead walks this year; we are training two peer mentors.",
    ),
    (
        "meetings",
        "Could the minutes be in plain English? I didn't understand half of it.",
        "",
        "You found the minutes hard to read.",
        "The minutes now come in a plain English version too.",
        "",
    ),
    (
        "staff",
        "My key worker keeps changing and I have to tell my story again.",
        "Warn us before you change who we see.",
        "You said changing key workers was hard.",
        "We now tell you before a change and have a handover meeting with both workers.",
        "Staff leaving is not always in our control, but we now always do a three-way handover.",
    ),
    (
        "food",
        "Could we get a proper coffee machine?",
        "",
        "You asked for a coffee machine.",
        "A donated coffee machine is in the drop-in kitchen.",
        "We couldn't afford one this year; the kettle and cafetière are always there.",
    ),
    (
        "other",
        "Somewhere to charge our phones would help loads.",
        "",
        "You needed to charge your phones.",
        "There is a charging station in the drop-in.",
        "",
    ),
    (
        "activities",
        "Could we have a session on money and debts?",
        "Someone from the Citizens Advice.",
        "You wanted help with money.",
        "Citizens Advice now come the first Tuesday of the month.",
        "Citizens Advice couldn't come here, but we can book you an appointment with them.",
    ),
    (
        "centre",
        "The front door buzzer doesn't work half the time.",
        "",
        "You said the door buzzer was broken.",
        "The buzzer was replaced.",
        "",
    ),
    (
        "activities",
        "A book club or reading group.",
        "Easy books as not all of us read well.",
        "You asked for a reading group.",
        "A reading group with easy-read books meets on Wednesdays.",
        "We couldn't find a volunteer to run it yet; the library runs one nearby.",
    ),
]
HELD_TEXTS = [
    "Someone at home has been hurting me and I don't know who to tell.",
    "I feel like I want to end it all some days.",
]


def _users(centre):
    owners = list(
        Membership.objects.filter(centre=centre, role__in=STAFF_ROLES, is_active=True)
        .select_related("user")
        .order_by("user__username")
    )
    managers = [m.user for m in owners if m.role == Role.MANAGER]
    return [m.user for m in owners], managers


def _code(used):
    while True:
        code = services._receipt_code()
        if code not in used:
            used.add(code)
            return code


def _status_for(age_days, target, rng):
    if age_days < target * 0.5:
        return rng.choice([S.RECEIVED, S.RECEIVED, S.LOOKING])
    if age_days < target * 3:
        return rng.choice([S.LOOKING, S.MEETING, S.AGREED, S.DONE, S.NOT_POSSIBLE, S.RECEIVED])
    return rng.choice([S.DONE, S.DONE, S.DONE, S.NOT_POSSIBLE, S.AGREED, S.NOT_POSSIBLE])


def _build(centre, index, today, rng, owners, managers, used):
    target = centre.suggestion_response_days
    age = rng.randint(0, 730)
    received = today - timedelta(days=age)
    about, text, fix, said, did, couldnt = IDEAS[index % len(IDEAS)]
    status = _status_for(age, target, rng)
    if status == S.NOT_POSSIBLE and not couldnt:
        status = S.DONE
    s = Suggestion(
        centre=centre,
        source=rng.choices(Suggestion.Source.values, weights=[6, 2, 2, 1])[0],
        about=about,
        text=text,
        fix_idea=fix if rng.random() < 0.6 else "",
        first_name=rng.choice(["", "", "", "Shona", "Kelly", "Donna", "Lisa", "Nicola"]),
        received_on=received,
        receipt_code=_code(used),
        screening=Suggestion.Screening.CLEAR if age > 2 else Suggestion.Screening.TO_SCREEN,
        theme=services._theme_for(about) or Suggestion.Theme.OTHER,
        status=status,
    )
    if status != S.RECEIVED:
        s.owner = rng.choice(owners)
        # Most are answered on time; some slip, as they do.
        first = min(received + timedelta(days=rng.choice([1, 2, 3, 5, 8, 12, 20])), today)
        s.first_response_on = first
    if status in Suggestion.ANSWERED_STATUSES:
        answered = min(
            received + timedelta(days=rng.choice([4, 7, 10, 12, 13, 16, 21, 30, 45])), today
        )
        s.answered_on = max(answered, s.first_response_on)
    if status in Suggestion.OUTCOME_STATUSES:
        s.outcome_on = s.answered_on
        s.you_said = said
        s.we_did = couldnt if status == S.NOT_POSSIBLE else did
        if status == S.NOT_POSSIBLE:
            s.reason = couldnt
        if rng.random() < 0.85 and managers:
            s.wording = Suggestion.Wording.APPROVED
            s.wording_approved_by = rng.choice(managers)
            s.wording_approved_on = min(s.outcome_on + timedelta(days=rng.randint(0, 6)), today)
        else:
            s.wording = Suggestion.Wording.DRAFT
    if status == S.AGREED and rng.random() < 0.2:
        s.agreed_in_part = True
        s.reason = "We can do some of this now and the rest when the new funding starts."
    return s


@transaction.atomic
def seed_suggestions(*, centres, scale, stdout):
    """Demo suggestions, once per centre."""
    rng = random.Random(2026)  # noqa: S311 - demo data, not secrets
    today = timezone.localdate()
    per_centre = 3000 if scale == "large" else 80
    for number, centre in enumerate(centres):
        if Suggestion.objects.filter(centre=centre).exists():
            continue
        owners, managers = _users(centre)
        if not owners:
            continue
        used = set()
        count = per_centre if number == 0 else per_centre // 4
        made = Suggestion.objects.bulk_create(
            [_build(centre, i, today, rng, owners, managers, used) for i in range(count)],
            batch_size=1000,
        )
        for text in HELD_TEXTS:
            made += Suggestion.objects.bulk_create(
                [
                    Suggestion(
                        centre=centre,
                        source=Suggestion.Source.TABLET,
                        about=Suggestion.About.OTHER,
                        text=text,
                        received_on=today - timedelta(days=rng.randint(0, 3)),
                        receipt_code=_code(used),
                        screening=Suggestion.Screening.HELD,
                    )
                ]
            )
        made += _ideas_behind_activities(centre, today, owners, used)
        _history(made)
        stdout.write(f"Co-production: {len(made)} suggestions for {centre.name}.")


def _history(suggestions):
    changes = []
    for s in suggestions:
        # From the tablet only the day is kept (see SuggestionChange).
        tablet = s.source == Suggestion.Source.TABLET
        received = (
            None if tablet else timezone.make_aware(datetime.combine(s.received_on, time(10)))
        )
        changes.append(
            SuggestionChange(
                suggestion=s,
                on=s.received_on,
                at=received,
                what=f"Received ({s.get_source_display()})",
            )
        )
        if s.status != S.RECEIVED:
            changed = timezone.make_aware(datetime.combine(s.first_response_on, time(14)))
            changes.append(
                SuggestionChange(
                    suggestion=s,
                    by=s.owner,
                    on=s.first_response_on,
                    at=changed,
                    what=f"Status: {s.get_status_display()}",
                )
            )
    SuggestionChange.objects.bulk_create(changes, batch_size=2000)


def _ideas_behind_activities(centre, today, owners, used):
    """The suggestions the demo's "a woman's idea" activities started from, linked to them."""
    made = []
    for index, activity in enumerate(
        Activity.objects.filter(centre=centre, origin=Activity.Origin.WOMAN).order_by("pk")
    ):
        received = today - timedelta(days=40 + 7 * index)
        made.append(
            Suggestion.objects.create(
                centre=centre,
                source=Suggestion.Source.TABLET,
                about=Suggestion.About.ACTIVITIES,
                text=activity.idea_notes or activity.description,
                received_on=received,
                receipt_code=_code(used),
                screening=Suggestion.Screening.CLEAR,
                theme=Suggestion.Theme.ACTIVITIES,
                owner=owners[index % len(owners)],
                status=Suggestion.Status.LOOKING,
                first_response_on=received + timedelta(days=3),
                activity=activity,
            )
        )
    return made
