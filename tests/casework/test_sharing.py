"""Information sharing with partner agencies: what an involved partner worker sees depends on
the woman's agreement with the worker's agency (DESIGN.md §4, docs/casework.md)."""

import importlib
from datetime import timedelta

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.urls import get_resolver, reverse
from django.utils import timezone

from casework import access, selectors, services
from casework.models import (
    Action,
    Alert,
    Appointment,
    CaseReviewItem,
    CaseReviewMeeting,
    Consent,
    Contact,
    Domain,
    Goal,
    JusticeOrder,
    Need,
    OutcomeRating,
    PartnerAgency,
    Review,
    SharePart,
)
from centre.models import AuditEvent, Membership
from centre.pdf import pdf_text
from tests.conftest import client_for

from .factories import (
    AgencyFactory,
    AlertFactory,
    AllocationFactory,
    AppointmentFactory,
    ContactFactory,
    WomanFactory,
)
from .pages import record, sharing_agreement

pytestmark = pytest.mark.django_db

ALL_PARTS = [*Domain.values, *SharePart.values]


def work_out_access(request, woman):
    """(level, Sharing) as the record policy decides them, worked out afresh."""
    record = access.record_access(request, woman)
    request.__dict__.pop("_record_access", None)
    return selectors.level_of(record), record.sharing


def membership(user, centre):
    return Membership.objects.get(user=user, centre=centre)


def as_request(user, centre):
    request = RequestFactory().get("/")
    request.user = user
    request.centre = centre
    request.membership = membership(user, centre)
    return request


@pytest.fixture
def agency(centre):
    # The partner fixture's membership says "Housing Options"; the directory spells it
    # differently, which the name match must ignore.
    return AgencyFactory(centre=centre, name="HOUSING options")


@pytest.fixture
def involved(woman, partner, manager):
    return AllocationFactory(woman=woman, worker=partner, agency="Housing Options")


def consent(woman, agency, *, agreed=True, shares=(), review_on=None, decided_on=None):
    return Consent.objects.create(
        woman=woman,
        agency=agency,
        agreed=agreed,
        shares=list(shares),
        review_on=review_on,
        decided_on=decided_on or timezone.localdate(),
    )


@pytest.fixture
def full_story(woman, key_worker, partner, centre):
    """Her record with something in every part a sharing agreement can leave out."""
    other = WomanFactory(centre=centre, first_name="Morven")
    Need.objects.create(woman=woman, domain=Domain.HOUSING, her_view="Needs a flat near school")
    Need.objects.create(
        woman=woman, domain=Domain.SUBSTANCE_USE, her_view="Using again since March"
    )
    ContactFactory(woman=woman, worker=key_worker, note="Talked about her ex and court")
    ContactFactory(woman=woman, worker=partner, note="Housing form done together")
    JusticeOrder.objects.create(
        woman=woman, order_type="Community payback order", starts_on=timezone.localdate()
    )
    AlertFactory(woman=woman, kind=Alert.Kind.SAFETY, detail="Ex-partner may turn up")
    AlertFactory(
        woman=woman, kind=Alert.Kind.NOT_WITH, other_woman=other, detail="Fight in the group"
    )
    woman.code_word = "pineapple"
    woman.save()
    return woman


# --- Matching a partner worker to a directory agency ----------------------------------------


def test_agency_matched_by_name_ignoring_case(partner, centre, agency):
    assert selectors.agency_for_membership(membership(partner, centre)) == agency


def test_manager_link_wins_over_the_name(partner, centre, agency, manager):
    nhs = AgencyFactory(centre=centre, name="NHS Addiction Services")
    services.partner_agency_link(membership=membership(partner, centre), agency=nhs, by=manager)
    assert selectors.agency_for_membership(membership(partner, centre)) == nhs
    event = AuditEvent.objects.get(action="casework.partner_agency.link")
    assert event.actor == manager and event.object_type == "centre.membership"
    # Linking again to the same agency changes nothing and writes nothing.
    services.partner_agency_link(membership=membership(partner, centre), agency=nhs, by=manager)
    assert AuditEvent.objects.filter(action="casework.partner_agency.link").count() == 1


def test_no_match_means_no_agency(partner, centre):
    AgencyFactory(centre=centre, name="Something else")
    assert selectors.agency_for_membership(membership(partner, centre)) is None


def test_only_the_manager_links_partners_to_agencies_of_her_centre(
    partner, key_worker, manager, centre, other_centre
):
    mine = AgencyFactory(centre=centre, name="Mine")
    theirs = AgencyFactory(centre=other_centre, name="Theirs")
    with pytest.raises(ValidationError):
        services.partner_agency_link(
            membership=membership(partner, centre), agency=mine, by=key_worker
        )
    with pytest.raises(ValidationError):
        services.partner_agency_link(
            membership=membership(partner, centre), agency=theirs, by=manager
        )
    with pytest.raises(ValidationError):
        services.partner_agency_link(
            membership=membership(key_worker, centre), agency=mine, by=manager
        )
    assert not PartnerAgency.objects.exists()


def test_manager_links_the_agency_when_involving_a_partner(manager_client, woman, partner, centre):
    nhs = AgencyFactory(centre=centre, name="NHS Addiction Services")
    response = manager_client.post(
        record(woman, "casework:woman_involve"),
        {"worker": partner.pk, "reason": "Substance use support", "agency": nhs.pk},
    )
    assert response.status_code == 302
    assert PartnerAgency.objects.get(membership__user=partner).agency == nhs


def test_a_key_worker_involving_cannot_set_the_link(key_worker_client, woman, partner, centre):
    nhs = AgencyFactory(centre=centre, name="NHS Addiction Services")
    key_worker_client.post(
        record(woman, "casework:woman_involve"),
        {"worker": partner.pk, "reason": "Substance use support", "agency": nhs.pk},
    )
    assert woman.allocations.filter(worker=partner).exists()
    assert not PartnerAgency.objects.exists()


# --- What the selectors decide -----------------------------------------------------------------


def test_states_for_an_involved_partner(woman, partner, centre, agency, involved):
    request = as_request(partner, centre)
    level, sharing = work_out_access(request, woman)
    # Issue 10, hole 5: no agreement, nothing of her record (the card and her own contacts).
    assert (level, sharing.state) == (selectors.OWN, "no_agreement")
    assert not sharing.allows(SharePart.CONTACT_NOTES)
    assert "no sharing agreement" in sharing.message

    old = consent(
        woman, agency, shares=[Domain.HOUSING], decided_on=timezone.localdate() - timedelta(days=9)
    )
    level, sharing = work_out_access(request, woman)
    assert (level, sharing.state) == (selectors.FULL, "agreed")
    assert sharing.allows(Domain.HOUSING) and not sharing.allows(Domain.SUBSTANCE_USE)
    assert not sharing.allows(SharePart.CONTACT_NOTES)
    assert not sharing.allows(SharePart.JUSTICE_RECORD)

    consent(woman, agency, agreed=False)  # her latest decision counts
    level, sharing = work_out_access(request, woman)
    assert (level, sharing.state) == (selectors.OWN, "refused")
    assert not sharing.allows(Domain.HOUSING)
    assert "Kate" in sharing.message  # who to ask: her key worker

    Consent.objects.exclude(pk=old.pk).delete()
    old.review_on = timezone.localdate() - timedelta(days=1)
    old.save()
    level, sharing = work_out_access(request, woman)
    assert (level, sharing.state) == (selectors.OWN, "review_due")
    assert "ended on" in sharing.message


def test_partner_whose_agency_is_not_in_the_directory(woman, partner, centre, involved):
    level, sharing = work_out_access(as_request(partner, centre), woman)
    assert (level, sharing.state) == (selectors.OWN, "no_agency")
    assert "ask the manager" in sharing.message.lower()


def test_key_workers_and_managers_are_unaffected(
    woman, key_worker, manager, other_key_worker, centre, agency
):
    consent(woman, agency, agreed=False)
    AllocationFactory(woman=woman, worker=other_key_worker)
    for user in (key_worker, manager, other_key_worker):
        level, sharing = work_out_access(as_request(user, centre), woman)
        assert (level, sharing) == (selectors.FULL, selectors.UNRESTRICTED)


def test_partner_not_involved_still_gets_the_plain_card(woman, partner, centre, agency):
    consent(woman, agency, shares=ALL_PARTS)
    level, sharing = work_out_access(as_request(partner, centre), woman)
    assert (level, sharing.state) == (selectors.CARD, "unrestricted")


def test_break_the_glass_gives_a_refused_partner_full_access(
    woman, partner, centre, agency, involved
):
    consent(woman, agency, agreed=False)
    services.break_glass_grant(woman=woman, worker=partner, reason="She is here and in danger")
    level, sharing = work_out_access(as_request(partner, centre), woman)
    assert (level, sharing.state) == (selectors.FULL, "break_glass")
    assert sharing.allows(SharePart.JUSTICE_RECORD) and sharing.allows(Domain.SUBSTANCE_USE)


def test_prompts_for_the_key_worker(woman, partner, centre, agency, involved):
    prompts = selectors.sharing_prompts(woman, [involved])
    assert [(p["allocation"], p["agency"]) for p in prompts] == [(involved, agency)]
    consent(woman, agency, agreed=False)
    assert selectors.sharing_prompts(woman, [involved]) == []


def test_prompt_when_the_agency_is_not_in_the_directory(woman, partner, involved):
    prompts = selectors.sharing_prompts(woman, [involved])
    assert prompts[0]["agency"] is None and prompts[0]["agency_name"] == "Housing Options"


# --- The consent form ----------------------------------------------------------------------


def test_agreeing_needs_at_least_one_part_and_keeps_what_was_typed(
    key_worker_client, woman, agency
):
    response = key_worker_client.post(
        record(woman, "casework:consents"),
        sharing_agreement(agency, what_may_be_shared="Only <b>housing</b> for now"),
    )
    assert response.status_code == 200
    assert b"Tick what she agreed to share" in response.content
    assert b"Only &lt;b&gt;housing&lt;/b&gt; for now" in response.content
    assert not Consent.objects.exists()


def test_review_date_before_decision_is_refused(key_worker_client, woman, agency):
    response = key_worker_client.post(
        record(woman, "casework:consents"),
        sharing_agreement(
            agency,
            shares=["housing"],
            review_on=(timezone.localdate() - timedelta(days=3)).isoformat(),
        ),
    )
    assert b"end date is before" in response.content
    assert not Consent.objects.exists()


def test_model_rejects_unknown_parts(woman, agency):
    row = Consent(woman=woman, agency=agency, agreed=True, shares=["everything"])
    with pytest.raises(ValidationError):
        row.full_clean()


def test_data_migration_keeps_old_agreements_fully_open(woman, agency):
    backfill = importlib.import_module("casework.migrations.0005_consent_shares_backfill")
    agreed = consent(woman, agency, shares=[])
    agreed.what_may_be_shared = "Attendance and progress"
    agreed.save()
    refused = consent(woman, agency, agreed=False)
    Consent.objects.filter(pk=refused.pk).update(shares=["housing"])
    backfill.forwards(apps, None)
    agreed.refresh_from_db()
    refused.refresh_from_db()
    assert sorted(agreed.shares) == sorted(ALL_PARTS)
    assert agreed.what_may_be_shared == "Attendance and progress"
    assert refused.shares == []


# --- Through the pages ---------------------------------------------------------------------


def test_refused_partner_gets_the_card_with_her_own_contacts(
    woman, partner, centre, agency, involved, full_story
):
    consent(woman, agency, agreed=False)
    client = client_for(partner)
    before = AuditEvent.objects.count()
    response = client.get(record(woman))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Front-desk card" in page
    assert "has not agreed to share her record with HOUSING options" in page
    assert "Kate" in page  # who to ask
    assert "Housing form done together" in page  # her own contact
    assert "Talked about her ex" not in page
    assert "Ex-partner may turn up" in page  # safety alerts always
    assert "Fight in the group" not in page and "Morven" not in page
    assert "pineapple" not in page and "07700" not in page
    assert "Needs a flat" not in page and "Community payback" not in page
    assert "Break the glass" in page
    assert AuditEvent.objects.count() == before + 1
    assert AuditEvent.objects.first().action == "casework.woman.shared_card_view"


def test_refused_partner_gets_no_data_from_other_pages(
    woman, partner, centre, agency, involved, full_story
):
    consent(woman, agency, agreed=False)
    client = client_for(partner)
    for name in ["woman_timeline", "needs", "plan", "justice", "woman_pdf", "woman_edit"]:
        response = client.get(record(woman, f"casework:{name}"))
        assert response.status_code == 403, name
        assert b"Using again" not in response.content
        assert b"Talked about her ex" not in response.content
    assert client.post(record(woman, "casework:needs"), {}).status_code == 403


def test_refused_partner_can_still_log_a_contact(woman, partner, centre, agency, involved):
    consent(woman, agency, agreed=False)
    client = client_for(partner)
    response = client.post(
        record(woman, "casework:contact_new"),
        {
            "contact_on": timezone.localdate().isoformat(),
            "contact_type": "phone",
            "note": "Rang about the flat",
        },
    )
    assert response.status_code == 302
    assert Contact.objects.get().worker == partner
    assert "Rang about the flat" in client.get(record(woman)).content.decode()
    # Bad input comes back on the card with what she typed.
    response = client.post(
        record(woman, "casework:contact_new"),
        {"contact_type": "phone", "note": "Typed <i>this</i>"},
    )
    assert response.status_code == 200
    assert b"Typed &lt;i&gt;this&lt;/i&gt;" in response.content
    assert Contact.objects.count() == 1
    # The contact form page itself sends her back to the card.
    assert client.get(record(woman, "casework:contact_new")).status_code == 302


def test_review_date_passed_gives_the_card(woman, partner, centre, agency, involved, full_story):
    consent(woman, agency, shares=ALL_PARTS, review_on=timezone.localdate() - timedelta(days=1))
    page = client_for(partner).get(record(woman)).content.decode()
    assert "ended on" in page
    assert "Talked about her ex" not in page
    assert "Front-desk card" in page


def test_agreed_with_limits_hides_the_excluded_parts(
    woman, partner, centre, agency, involved, full_story
):
    consent(woman, agency, shares=[Domain.HOUSING])
    client = client_for(partner)

    page = client.get(record(woman)).content.decode()
    assert "Log a contact" in page and "Front-desk card" not in page
    assert "agreed to share part of her record" in page
    assert "Ex-partner may turn up" in page
    assert "Fight in the group" not in page
    assert "Talked about her ex" not in page
    assert "Housing form done together" in page

    timeline = client.get(record(woman, "casework:woman_timeline")).content.decode()
    assert "Talked about her ex" not in timeline
    assert "Note not shared with your agency" in timeline
    assert "Housing form done together" in timeline

    needs = client.get(record(woman, "casework:needs")).content.decode()
    assert "Needs a flat near school" in needs
    assert "Using again" not in needs
    assert "left out" in needs

    justice = client.get(record(woman, "casework:justice"))
    assert justice.status_code == 403  # the risk part is not covered: the card
    assert "Community payback" not in justice.content.decode()
    added = client.post(
        reverse("casework:justice_add", args=[woman.pk, "order"]),
        {"order_type": "X", "starts_on": timezone.localdate().isoformat()},
    )
    assert added.status_code == 403

    response = client.get(record(woman, "casework:woman_pdf"))
    assert response.status_code == 200
    text = pdf_text(response.content)
    assert "Needs a flat near school" in text
    assert "Using again" not in text
    assert "Talked about her ex" not in text
    assert "Housing form done together" in text
    assert "Community payback" not in text
    assert "Ex-partner may turn up" in text
    assert "Fight in the group" not in text


def test_agreed_parts_are_shown(woman, partner, centre, agency, involved, full_story):
    consent(
        woman,
        agency,
        shares=[
            Domain.SUBSTANCE_USE,
            SharePart.CONTACT_NOTES,
            SharePart.JUSTICE_RECORD,
            SharePart.ALERTS,
        ],
    )
    client = client_for(partner)
    page = client.get(record(woman)).content.decode()
    # She sees the risk part of this record only, so the other woman is never named.
    assert "Fight in the group" not in page and "do not seat with another woman" in page
    assert "Talked about her ex" in page
    needs = client.get(record(woman, "casework:needs")).content.decode()
    assert "Using again" in needs and "Needs a flat" not in needs
    assert "Community payback" in client.get(record(woman, "casework:justice")).content.decode()


def test_restricted_notes_stay_restricted_even_when_notes_are_shared(
    woman, partner, centre, agency, involved, key_worker
):
    consent(woman, agency, shares=[SharePart.CONTACT_NOTES])
    ContactFactory(woman=woman, worker=key_worker, note="Private disclosure", restricted=True)
    timeline = client_for(partner).get(record(woman, "casework:woman_timeline")).content
    assert b"Private disclosure" not in timeline
    assert b"Restricted note" in timeline


def test_no_agreement_gives_the_card_with_a_warning_and_a_prompt(
    woman, partner, centre, agency, involved, full_story, key_worker_client
):
    # Issue 10, hole 5: no agreement, nothing of her record.
    page = client_for(partner).get(record(woman)).content.decode()
    assert "Front-desk card" in page and "Talked about her ex" not in page
    assert "no sharing agreement recorded with HOUSING options" in page
    kw_page = key_worker_client.get(record(woman)).content.decode()
    assert "No sharing agreement recorded" in kw_page
    link = reverse("casework:consents", args=[woman.pk]) + f"?agency={agency.pk}"
    assert link in kw_page
    form = key_worker_client.get(link).content.decode()
    assert f'<option value="{agency.pk}" selected>' in form
    consent(woman, agency, agreed=False)
    assert (
        "No sharing agreement recorded" not in key_worker_client.get(record(woman)).content.decode()
    )


def test_break_the_glass_still_works_for_a_refused_partner(
    woman, partner, centre, agency, involved, full_story
):
    consent(woman, agency, agreed=False)
    client = client_for(partner)
    response = client.post(
        record(woman, "casework:break_glass"), {"reason": "She is here and says she is unsafe"}
    )
    assert response.status_code == 302
    page = client.get(record(woman)).content.decode()
    assert "Talked about her ex" in page
    assert "Community payback" in client.get(record(woman, "casework:justice")).content.decode()
    assert AuditEvent.objects.filter(action="casework.woman.break_glass").count() == 1


def test_case_review_notes_follow_the_agreement(woman, partner, centre, agency, involved, manager):
    meeting = CaseReviewMeeting.objects.create(centre=centre, held_on=timezone.localdate())
    item = CaseReviewItem.objects.create(meeting=meeting, woman=woman, notes="Shared MDT notes")
    client = client_for(partner)
    url = reverse("casework:case_review", args=[meeting.pk])
    assert b"Shared MDT notes" not in client.get(url).content  # no agreement: nothing
    consent(woman, agency, shares=["reviews", "contacts"])
    assert b"Shared MDT notes" in client.get(url).content
    consent(woman, agency, shares=[Domain.HOUSING])
    assert b"Shared MDT notes" not in client.get(url).content
    post = client.post(
        reverse("casework:case_review_item", args=[item.pk]), {f"item{item.pk}-notes": "x"}
    )
    assert post.status_code == 403
    timeline = client.get(record(woman, "casework:woman_timeline")).content
    assert b"Shared MDT notes" not in timeline


def test_partner_may_not_change_a_goal_in_a_domain_not_shared(
    woman, partner, centre, agency, involved
):
    goal = Goal.objects.create(woman=woman, text="Cut down", domain=Domain.SUBSTANCE_USE)
    Goal.objects.create(woman=woman, text="Find a flat", domain=Domain.HOUSING)
    consent(woman, agency, shares=[Domain.HOUSING])
    client = client_for(partner)
    plan = client.get(record(woman, "casework:plan")).content.decode()
    assert "Find a flat" in plan and "Cut down" not in plan
    response = client.post(reverse("casework:goal_status", args=[goal.pk]), {"status": "achieved"})
    assert response.status_code == 403


def test_distance_travelled_shows_only_the_shared_domains(woman, partner, centre, agency, involved):
    OutcomeRating.objects.create(woman=woman, domain=Domain.HOUSING, score=3, occasion="intake")
    OutcomeRating.objects.create(
        woman=woman, domain=Domain.SUBSTANCE_USE, score=2, occasion="intake"
    )
    consent(woman, agency, shares=[Domain.HOUSING])
    client = client_for(partner)
    page = client.get(record(woman, "casework:distance")).content.decode()
    table = page[page.index("<table") : page.index("</table>")]
    assert "Housing" in table and "Substance use" not in table
    svg = client.get(record(woman, "casework:distance_svg")).content.decode()
    assert "Housing" in svg and "Substance use" not in svg


def test_allocation_page_shows_whose_agreement_applies(
    manager_client, woman, partner, centre, agency, involved
):
    url = record(woman, "casework:woman_allocate")
    page = manager_client.get(url).content.decode()
    assert "HOUSING options" in page and "matched by name" in page
    assert "Not recorded: record it" in page
    nhs = AgencyFactory(centre=centre, name="NHS Addiction Services")
    manager_client.post(
        record(woman, "casework:woman_involve"),
        {"worker": partner.pk, "reason": "Same worker", "agency": nhs.pk},
    )
    assert woman.allocations.filter(worker=partner, ended_at__isnull=True).count() == 1
    page = manager_client.get(url).content.decode()
    assert "NHS Addiction Services" in page and "linked by the manager" in page


def test_refused_partner_sweep_of_every_record_url(
    woman, partner, centre, agency, involved, full_story, key_worker
):
    """Deny by default: as a partner worker she refused, every page of her record and every
    row on it is refused (the card is the only page with her name), bar logging a contact."""

    consent(woman, agency, agreed=False)
    client = client_for(partner)
    expected = {"woman": 200, "contact_new": 302, "break_glass": 405}
    names = [
        pattern.name
        for pattern in get_resolver("casework.urls").url_patterns
        if str(pattern.pattern).startswith("women/<int:pk>/")
    ]
    assert len(names) > 25
    for name in names:
        kwargs = {"pk": woman.pk}
        if name == "justice_add":
            kwargs["kind"] = "order"
        response = client.get(reverse(f"casework:{name}", kwargs=kwargs))
        assert response.status_code == expected.get(name, 403), name
        body = response.content.decode(errors="replace")
        for secret in ("Talked about her ex", "Using again", "Community payback", "pineapple"):
            assert secret not in body, (name, secret)
    rows = {
        "appointment_outcome": Appointment.objects.create(
            centre=centre, woman=woman, starts_at=timezone.now()
        ),
        "goal_status": Goal.objects.create(woman=woman, text="A goal"),
        "action_done": Action.objects.create(woman=woman, text="An action", who="Her"),
        "review_edit": Review.objects.create(woman=woman, progress="Progress"),
        "alert_end": woman.alerts.first(),
        "allocation_end": involved,
    }
    for name, obj in rows.items():
        response = client.post(reverse(f"casework:{name}", args=[obj.pk]), {})
        assert response.status_code == 403, name


def test_partner_caseload_shows_only_the_card_for_women_who_refused(
    woman, partner, centre, agency, involved, key_worker, django_assert_max_num_queries
):
    other = WomanFactory(centre=centre, first_name="Second-Woman", key_worker=key_worker)
    AllocationFactory(woman=other, worker=partner, agency="Housing Options")
    consent(woman, agency, agreed=False)
    consent(other, agency, agreed=True, shares=["contact_notes"])
    ContactFactory(woman=woman, worker=key_worker, note="x")
    AppointmentFactory(woman=woman, worker=key_worker, purpose="Housing")
    client = client_for(partner)
    client.get(reverse("casework:caseload"))
    with django_assert_max_num_queries(16):
        html = client.get(reverse("casework:caseload")).content.decode()
    rows = html.split("<tr>")
    refused_row = next(r for r in rows if f"/casework/women/{woman.pk}/" in r)
    agreed_row = next(r for r in rows if f"/casework/women/{other.pk}/" in r)
    assert "Limited by her sharing agreement" in refused_row
    assert "Limited by her sharing agreement" not in agreed_row
    assert selectors.limited_women_ids(as_request(partner, centre), [woman.pk, other.pk]) == {
        woman.pk
    }


def test_limited_women_is_empty_for_key_workers(woman, key_worker, centre, agency):
    consent(woman, agency, agreed=False)
    assert selectors.limited_women_ids(as_request(key_worker, centre), [woman.pk]) == set()
