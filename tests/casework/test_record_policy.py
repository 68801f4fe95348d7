"""The record policy as one table: who (role x relationship to the woman) sees which part of
her record. Each row is checked against the policy function AND every casework page, export
and PDF that shows a part: requested as that person, a part's sentinel text is on the page
exactly when the table says she sees it, and never on a page that does not show that part.

Adding a Part without a column, or a relationship without a row, fails
`test_the_table_has_a_row_per_relationship_and_a_column_per_part`."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from activities.models import Enrolment, Facilitator
from casework.access import Grounds, Part, record_access
from casework.models import (
    BreakGlass,
    Consent,
    JusticeOrder,
    MoveOnPlan,
    Need,
    Referral,
    Review,
)
from centre.models import Membership
from centre.pdf import pdf_text
from centre.roles import Role
from tests.activities.factories import ActivityFactory, FacilitatorFactory
from tests.conftest import client_for
from tests.factories import member

from .factories import AgencyFactory, AllocationFactory, ContactFactory, WomanFactory

pytestmark = pytest.mark.django_db

S, C, P, R, F, K, H, M = (
    Part.SUMMARY,
    Part.CONTACTS,
    Part.PLAN,
    Part.REVIEWS,
    Part.REFERRAL,
    Part.RISK,
    Part.PHOTO,
    Part.MOVE_ON,
)
# The table's columns, written out: a new Part fails the shape test until it gets one here.
COLUMNS = (S, C, P, R, F, K, H, M)
EVERYTHING = frozenset(COLUMNS)
NOTHING = frozenset()

# relationship -> the parts she sees. One row per relationship, one column per part.
TABLE = {
    "manager": EVERYTHING,
    "allocated": EVERYTHING,
    "team": EVERYTHING,
    "break_glass_live": EVERYTHING,
    "break_glass_expired": NOTHING,
    "other_worker": NOTHING,
    "other_centre": NOTHING,
    "partner_with_agreement": EVERYTHING,
    "partner_without_agreement": NOTHING,
    "partner_agreement_not_covering": frozenset({S, C, H}),
    "partner_not_involved": NOTHING,
    "volunteer_with_session": NOTHING,
    "volunteer_without_session": NOTHING,
    "steering": NOTHING,
}
GROUNDS = {
    "manager": Grounds.MANAGER,
    "allocated": Grounds.ALLOCATED,
    "team": Grounds.TEAM,
    "break_glass_live": Grounds.BREAK_GLASS,
    "partner_with_agreement": Grounds.SHARING_AGREEMENT,
    "partner_agreement_not_covering": Grounds.SHARING_AGREEMENT,
    "volunteer_with_session": Grounds.VOLUNTEER_SESSION,
}
SENTINEL = {part: f"SENTINEL-{part.value.upper()}" for part in Part if part != H}
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84"
    b"\x00\x00\x00\x00IEND\xaeB`\x82SENTINEL-PHOTO"
)
# Every page, export and PDF of her record that shows a part -> the parts it shows.
PAGES = {
    "casework:woman": {S, C},
    "casework:woman_edit": {S},
    "casework:woman_timeline": {C, R},
    "casework:needs": {P},
    "casework:plan": {R},
    "casework:justice": {K},
    "casework:move_on": {M},
    "casework:woman_pdf": {S, C, P, R, K},
    "casework:woman_photo": {H},
    "casework:referral": {F},
}


def test_the_table_has_a_row_per_relationship_and_a_column_per_part():
    assert set(TABLE) == set(RELATIONSHIPS), "every relationship needs a row, and only those"
    assert set(COLUMNS) == set(Part), f"parts with no column: {set(Part) - set(COLUMNS)}"
    shown = set().union(*PAGES.values())
    assert shown == set(Part), f"parts no page checks: {set(Part) - shown}"
    for row, parts in TABLE.items():
        assert parts <= set(Part), row


# --- Her record, with something in every part ---------------------------------------------------


@pytest.fixture
def her(centre, key_worker, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path

    woman = WomanFactory(
        centre=centre, key_worker=key_worker, first_name="Ailsa", what_matters=SENTINEL[S]
    )
    woman.photo.save("her.png", SimpleUploadedFile("her.png", PNG), save=True)
    ContactFactory(woman=woman, worker=key_worker, note=SENTINEL[C])
    Need.objects.create(woman=woman, domain="housing", her_view=SENTINEL[P])
    Review.objects.create(woman=woman, progress=SENTINEL[R])
    JusticeOrder.objects.create(woman=woman, order_type=SENTINEL[K], starts_on=timezone.localdate())
    MoveOnPlan.objects.create(woman=woman, plan=SENTINEL[M])
    referral = Referral.objects.create(
        centre=centre,
        woman=woman,
        decision=Referral.Decision.ACCEPTED,
        first_name="Ailsa",
        source=Referral.Source.COURT,
        justice_involvement=SENTINEL[F],
        vulnerability="Support",
    )
    woman.referral = referral
    return woman


def _partner(woman, shares=None, *, involved=True):
    user = member(woman.centre, Role.PARTNER, "t_partner_row")
    Membership.objects.filter(user=user).update(agency="Housing Options")
    if involved:
        AllocationFactory(woman=woman, worker=user, agency="Housing Options")
    if shares is not None:
        agency = AgencyFactory(centre=woman.centre, name="Housing Options")
        Consent.objects.create(
            woman=woman,
            agency=agency,
            shares=list(shares),
            review_on=timezone.localdate() + timedelta(days=90),
        )
    return user


def _glass(woman, minutes):
    user = member(woman.centre, Role.KEY_WORKER, "t_glass_row")
    BreakGlass.objects.create(
        woman=woman,
        worker=user,
        reason="She is at the desk and her key worker is away today.",
        expires_at=timezone.now() + timedelta(minutes=minutes),
    )
    return user


def _team(woman):
    user = member(woman.centre, Role.KEY_WORKER, "t_team_row")
    AllocationFactory(woman=woman, worker=user)
    return user


def _volunteer(woman, monkeypatch, *, on_session):
    """A volunteer who helps with a group: the woman is booked on it, or on another group."""
    user = member(woman.centre, Role.VOLUNTEER, "t_volunteer_row")
    helped = ActivityFactory(centre=woman.centre)
    FacilitatorFactory(activity=helped, kind=Facilitator.Kind.VOLUNTEER, user=user)
    booked_on = helped if on_session else ActivityFactory(centre=woman.centre)
    Enrolment.objects.create(activity=booked_on, woman=woman, status=Enrolment.Status.SIGNED_UP)
    return user


RELATIONSHIPS = {
    "manager": lambda w, people, mp: people["manager"],
    "allocated": lambda w, people, mp: w.key_worker,
    "team": lambda w, people, mp: _team(w),
    "break_glass_live": lambda w, people, mp: _glass(w, 60),
    "break_glass_expired": lambda w, people, mp: _glass(w, -1),
    "other_worker": lambda w, people, mp: member(w.centre, Role.KEY_WORKER, "t_other_row"),
    "other_centre": lambda w, people, mp: people["outsider"],
    "partner_with_agreement": lambda w, people, mp: _partner(
        w, ["contacts", "plan", "reviews", "move_on", "risk"]
    ),
    "partner_without_agreement": lambda w, people, mp: _partner(w),
    "partner_agreement_not_covering": lambda w, people, mp: _partner(w, ["contacts"]),
    "partner_not_involved": lambda w, people, mp: _partner(w, ["contacts", "plan"], involved=False),
    "volunteer_with_session": lambda w, people, mp: _volunteer(w, mp, on_session=True),
    "volunteer_without_session": lambda w, people, mp: _volunteer(w, mp, on_session=False),
    "steering": lambda w, people, mp: people["steering"],
}


def _request_as(user):
    membership = Membership.objects.select_related("centre").get(user=user)
    request = RequestFactory().get("/")
    request.user, request.centre, request.membership = user, membership.centre, membership
    return request


def _page_text(client, name, woman):
    args = [woman.referral.pk] if name == "casework:referral" else [woman.pk]
    response = client.get(reverse(name, args=args))
    if response.get("Content-Type") == "application/pdf":
        return pdf_text(response.content)
    if name == "casework:woman_photo":
        return response.getvalue().decode("latin-1") if response.status_code == 200 else ""
    return response.content.decode()


@pytest.mark.parametrize("relationship", sorted(TABLE))
def test_record_policy_table(relationship, her, people, monkeypatch):
    user = RELATIONSHIPS[relationship](her, people, monkeypatch)
    expected = TABLE[relationship]

    record = record_access(_request_as(user), her)
    seen = {part for part in Part if record.sees(part)}
    assert seen == expected, f"policy for {relationship}"
    assert record.grounds == GROUNDS.get(relationship, Grounds.NONE)
    if relationship == "break_glass_live":
        assert record.read_only and not record.may_change_team

    client = client_for(user)
    wrong = []
    for name, shows in PAGES.items():
        text = _page_text(client, name, her)
        for part in Part:
            present = f"SENTINEL-{part.value.upper()}" in text
            if present != (part in shows and part in expected):
                wrong.append(f"{name}: {part.value} {'shown' if present else 'missing'}")
    assert not wrong, f"{relationship}: {wrong}"


def test_other_centre_is_a_404_on_every_page(her, outsider):
    client = client_for(outsider)
    for name in PAGES:
        args = [her.referral.pk] if name == "casework:referral" else [her.pk]
        assert client.get(reverse(name, args=args)).status_code == 404, name
