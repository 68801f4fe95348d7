"""Casework URLs as every role.

The world: a woman allocated to the key worker; the partner worker is NOT involved with her, so
she sees the front-desk card on the record page and a 403 on every other page of the record.
Volunteers and steering members never reach casework; the outsider gets a 404 for our objects.
"""

import datetime

from django.utils import timezone

from casework.models import (
    Action,
    Agency,
    Alert,
    Allocation,
    Appointment,
    CaseReviewItem,
    CaseReviewMeeting,
    Goal,
    Referral,
    ReferralOut,
    Review,
    Stage,
    Woman,
)

from .matrix import STAFF, Row, for_roles

FULL = ("manager", "key_worker")
MANAGER = ("manager",)


def _with(mapping, **overrides):
    return {**mapping, **overrides}


def page(roles=FULL, *, post="ok", outsider=404):
    """A page of her record: GET ok for those with full access, POST with empty data."""
    return Row(
        get=for_roles(roles, outsider=outsider),
        post=for_roles(roles, post, outsider=outsider),
        kwargs=lambda w: {"pk": w.woman.pk},
    )


def post_only(roles=FULL, *, post="redirect", kwargs=None, outsider=404):
    """The object is fetched before the method is checked: 404 for the outsider, 403 for a
    colleague without full access, 405 for those who may post."""
    get = for_roles(roles, 405, outsider=outsider)
    return Row(
        get=get,
        post=for_roles(roles, post, outsider=outsider),
        kwargs=kwargs or (lambda w: {"pk": w.woman.pk}),
    )


def get_only(roles=FULL, *, kwargs=None, outsider=404, role_rule=STAFF):
    return Row(
        get=for_roles(roles, outsider=outsider),
        post=for_roles(role_rule, 405, outsider=405),
        kwargs=kwargs or (lambda w: {"pk": w.woman.pk}),
    )


def centre_page(roles=STAFF, *, post=405):
    return Row(get=for_roles(roles), post=for_roles(roles, post))


ROWS = {
    # Centre-wide pages
    "casework:caseload": centre_page(),
    "casework:team": centre_page(MANAGER),
    "casework:not_heard_from": centre_page(),
    "casework:search": centre_page(),
    "casework:referrals": centre_page(),
    "casework:referral_new": centre_page(post="ok"),
    "casework:referral_report": centre_page(),
    "casework:directory": centre_page(),
    "casework:agency_new": centre_page(FULL, post="ok"),
    "casework:case_reviews": centre_page(),
    "casework:case_review_new": centre_page(MANAGER, post="ok"),
    # Her record: the partner (not involved) sees the card on the overview, 403 elsewhere.
    "casework:woman": get_only(STAFF),
    "casework:break_glass": Row(
        get=for_roles(STAFF, 405, outsider=404),
        # Empty reason: the card comes back with the error for the partner; the others already
        # have full access and are sent to the record.
        post=_with(for_roles(FULL, "redirect", outsider=404), partner="ok"),
        kwargs=lambda w: {"pk": w.woman.pk},
    ),
    "casework:woman_edit": page(),
    # No photo on the matrix woman: a 404 for those who may see it, 403 for the rest.
    "casework:woman_photo": Row(
        get=for_roles(FULL, 404, outsider=404),
        post=for_roles(STAFF, 405, outsider=405),
        kwargs=lambda w: {"pk": w.woman.pk},
    ),
    "casework:woman_participation": post_only(),
    # An empty POST is refused: the form comes back on its own page with the message ("ok").
    "casework:woman_stage": post_only(post="ok"),
    "casework:woman_allocate": page(MANAGER),
    "casework:woman_involve": post_only(post="ok"),
    "casework:handover_read": post_only(),
    "casework:woman_viewers": get_only(MANAGER, role_rule=MANAGER),
    "casework:woman_timeline": get_only(),
    "casework:woman_pdf": get_only(),
    "casework:contact_new": page(),
    "casework:appointment_new": page(),
    "casework:needs": page(),
    "casework:plan": page(),
    "casework:goal_new": post_only(post="ok"),
    "casework:action_new": post_only(post="ok"),
    "casework:review_new": page(),
    "casework:distance": page(),
    "casework:distance_svg": get_only(),
    "casework:justice": get_only(),
    "casework:justice_add": post_only(
        post="ok", kwargs=lambda w: {"pk": w.woman.pk, "kind": "order"}
    ),
    "casework:alert_new": page(),
    "casework:consents": page(),
    "casework:move_on": page(),
    "casework:referral_out_new": post_only(post="ok"),
    # Rows on her record
    "casework:allocation_end": post_only(kwargs=lambda w: {"pk": w.allocation.pk}),
    "casework:appointment_outcome": post_only(post="ok", kwargs=lambda w: {"pk": w.appointment.pk}),
    "casework:goal_status": post_only(kwargs=lambda w: {"pk": w.goal.pk}),
    "casework:action_done": post_only(kwargs=lambda w: {"pk": w.action.pk}),
    "casework:review_edit": Row(
        get=for_roles(FULL, outsider=404),
        post=for_roles(FULL, "ok", outsider=404),
        kwargs=lambda w: {"pk": w.review.pk},
    ),
    "casework:alert_end": post_only(kwargs=lambda w: {"pk": w.alert.pk}),
    "casework:referral_out_status": post_only(kwargs=lambda w: {"pk": w.referral_out.pk}),
    # Objects of the centre
    # A pending referral is read by those who triage (the manager; nobody here is on duty).
    "casework:referral": Row(
        get=for_roles(MANAGER, outsider=404),
        post=for_roles(MANAGER, "ok", outsider=404),
        kwargs=lambda w: {"pk": w.referral.pk},
    ),
    # A referral offered to the key worker: only she answers it (a POST with no answer goes
    # back to her home page with the message).
    "casework:referral_answer": Row(
        get=for_roles(("key_worker",), 405, outsider=404),
        post=for_roles(("key_worker",), "redirect", outsider=404),
        kwargs=lambda w: {"pk": w.offered_referral.pk},
    ),
    "casework:agency_edit": Row(
        get=for_roles(FULL, outsider=404),
        post=for_roles(FULL, "ok", outsider=404),
        kwargs=lambda w: {"pk": w.agency.pk},
    ),
    "casework:case_review": Row(
        get=for_roles(STAFF, outsider=404),
        post=for_roles(STAFF, 405, outsider=405),
        kwargs=lambda w: {"pk": w.meeting.pk},
    ),
    "casework:case_review_item": post_only(kwargs=lambda w: {"pk": w.case_review_item.pk}),
}


def build(world):
    centre, people = world.centre, world.people
    woman = Woman.objects.create(
        centre=centre,
        first_name="Matrix",
        last_name="Woman",
        stage=Stage.INTENSIVE,
        key_worker=people["key_worker"],
    )
    world.extra.woman = woman
    world.extra.allocation = Allocation.objects.create(
        woman=woman, worker=people["manager"], kind=Allocation.Kind.INVOLVED, reason="Matrix"
    )
    world.extra.appointment = Appointment.objects.create(
        centre=centre, woman=woman, starts_at=timezone.now() + datetime.timedelta(days=2)
    )
    world.extra.goal = Goal.objects.create(woman=woman, text="A goal")
    world.extra.action = Action.objects.create(woman=woman, text="An action", who="Her")
    world.extra.review = Review.objects.create(woman=woman, progress="Progress")
    world.extra.alert = Alert.objects.create(
        centre=centre, woman=woman, kind=Alert.Kind.SAFETY, detail="Careful"
    )
    agency = Agency.objects.create(centre=centre, name="Matrix Agency")
    world.extra.agency = agency
    world.extra.referral_out = ReferralOut.objects.create(
        woman=woman, agency=agency, reason="Matrix"
    )
    world.extra.referral = Referral.objects.create(
        centre=centre, first_name="Referred", source=Referral.Source.SELF, vulnerability="Needs"
    )
    world.extra.offered_referral = Referral.objects.create(
        centre=centre,
        first_name="Offered",
        source=Referral.Source.SELF,
        vulnerability="Needs",
        offered_to=people["key_worker"],
    )
    meeting = CaseReviewMeeting.objects.create(centre=centre, held_on=timezone.localdate())
    world.extra.meeting = meeting
    world.extra.case_review_item = CaseReviewItem.objects.create(meeting=meeting, woman=woman)
