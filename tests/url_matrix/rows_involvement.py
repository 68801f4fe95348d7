"""Who may reach which getting-involved page. The manager and key workers run it; only the
manager approves expenses and links volunteer accounts; the matrix volunteer is a woman active
as a meeter and greeter and a peer mentor, so she reaches her own page, rota actions, claims,
papers and the peer log. Partner workers and the steering role reach none of it; the tablet
reaches only its two pages."""

from datetime import timedelta
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

from coproduction.involvement import services
from coproduction.involvement.models import Opportunity, Placement, Training
from tests.coproduction.involvement.factories import active_helper, shift

from .matrix import Row, expect, for_roles

STAFF = ("manager", "key_worker")
MANAGER = ("manager",)
VOLUNTEER = ("volunteer",)
WITH_HER = (*STAFF, "volunteer")


def build(world):
    centre, volunteer = world.centre, world.people["volunteer"]
    her = active_helper(centre, Opportunity.Role.GREETER, user=volunteer)
    her.woman.key_worker = world.people["key_worker"]
    her.woman.save(update_fields=["key_worker"])
    active_helper(centre, Opportunity.Role.PEER_MENTOR, woman=her.woman)
    world.extra.involvement_her = her
    world.extra.involvement_role = Opportunity.objects.get(centre=centre, role="greeter")
    world.extra.involvement_placement = Placement.objects.filter(helper=her).first()
    world.extra.involvement_shift = shift(centre, her)
    colleague = active_helper(centre, Opportunity.Role.GREETER)
    cover = shift(centre, colleague, in_hours=40)
    services.shift_swap_ask(shift=cover, helper=colleague)
    world.extra.involvement_cover = cover
    claim = services.expense_claim(
        helper=her,
        by=volunteer,
        kind="travel",
        spent_on=timezone.localdate() - timedelta(days=1),
        amount=Decimal("4.60"),
        description="Bus fare",
    )
    claim.receipt.save("ticket.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))
    world.extra.involvement_claim = claim
    training = Training.objects.create(
        centre=centre, helper=her, course="Listening", completed_on=timezone.localdate()
    )
    training.certificate.save("certificate.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))
    world.extra.involvement_training = training
    world.extra.involvement_worry = services.worry_hand_over(helper=her, text="A worry")


def _pk(attribute):
    return lambda world: {"pk": getattr(world, attribute).pk}


def _woman(world):
    return {"pk": world.involvement_her.woman_id}


def staff_page(kwargs=None, *, post=405):
    """A staff page: GET shows it; POST is 405 (a read-only page) or 400 (an empty form)."""
    outsider = 404 if kwargs else None
    return Row(
        get=for_roles(STAFF, outsider=outsider),
        post=for_roles(STAFF, post, outsider=outsider if post != 405 else None),
        kwargs=kwargs,
    )


def button(allowed, kwargs, *, refused="redirect"):
    """A POST-only action on one of our objects: another centre's manager gets a 404."""
    return Row(
        get=for_roles(allowed, 405),
        post=for_roles(allowed, refused, outsider=404),
        kwargs=kwargs,
    )


def hers(kwargs=None, *, post=405):
    """Staff and the woman herself (the matrix volunteer)."""
    outsider = 404 if kwargs else None
    return Row(
        get=for_roles(WITH_HER, outsider=outsider),
        post=for_roles(WITH_HER, post, outsider=outsider if post != 405 else None),
        kwargs=kwargs,
    )


def volunteer_page(*, post=405):
    return Row(get=for_roles(VOLUNTEER), post=for_roles(VOLUNTEER, post))


def volunteer_button(kwargs):
    return Row(get=for_roles(VOLUNTEER, 405), post=for_roles(VOLUNTEER, "redirect"), kwargs=kwargs)


def tablet_form():
    return Row(get=expect(403, tablet="ok"), post=expect(403, tablet=400))


ROWS = {
    "involvement:index": staff_page(),
    "involvement:opportunity_create": staff_page(post="ok"),
    "involvement:opportunity_edit": staff_page(_pk("involvement_role"), post="ok"),
    "involvement:interest_new": staff_page(post="ok"),
    "involvement:helper": staff_page(_pk("involvement_her")),
    # An empty POST unlinks her account (the manager's choice), then the page says so.
    "involvement:helper_account": button(MANAGER, _pk("involvement_her")),
    # Refused (here: an empty form), these come back as a form page with the message (400).
    "involvement:training_add": staff_page(_pk("involvement_her"), post="ok"),
    "involvement:supervision_add": staff_page(_pk("involvement_her"), post="ok"),
    "involvement:certificate": hers(_pk("involvement_her")),
    "involvement:history": hers(_pk("involvement_her")),
    # An empty POST is a clear message and back to her page.
    "involvement:placement_move": button(STAFF, _pk("involvement_placement"), refused=400),
    "involvement:training_certificate": staff_page(_pk("involvement_training")),
    "involvement:step_add": staff_page(_woman, post="ok"),
    "involvement:rota": staff_page(),
    "involvement:shift_create": staff_page(post="ok"),
    "involvement:shift_assign": staff_page(_pk("involvement_shift"), post="ok"),
    "involvement:shift_cancel": button(STAFF, _pk("involvement_shift")),
    "involvement:shift_swap": volunteer_button(_pk("involvement_shift")),
    "involvement:shift_take": volunteer_button(_pk("involvement_cover")),
    "involvement:expenses": staff_page(),
    "involvement:expense_new": hers(post="ok"),
    "involvement:expense_edit": hers(_pk("involvement_claim"), post="ok"),
    # The manager's empty POST carries no version: a clear message and back to the list.
    # A decision sent with no version (not from the list she opened) is a clash: the form
    # page with what changed (409); with no reason, refused with the message (400).
    "involvement:expense_approve": button(MANAGER, _pk("involvement_claim"), refused=409),
    "involvement:expense_reject": button(MANAGER, _pk("involvement_claim"), refused=400),
    "involvement:expense_pay": button(MANAGER, _pk("involvement_claim"), refused=409),
    "involvement:expense_receipt": hers(_pk("involvement_claim")),
    "involvement:worries": staff_page(),
    "involvement:worry_new": volunteer_page(post="ok"),
    "involvement:worry_take": button(STAFF, _pk("involvement_worry")),
    "involvement:peer_log": hers(),
    "involvement:peer_log_new": volunteer_page(post="ok"),
    "involvement:exits": staff_page(),
    "involvement:exit_new": staff_page(post="ok"),
    "involvement:mine": volunteer_page(),
    "involvement:tablet_exit": tablet_form(),
    "involvement:tablet_interest": tablet_form(),
}
