"""The audit log in plain words: one sentence per action code, in one place.

An event reads "Anna read Bex M.'s record: her key worker": who, what (from `WORDS`), whose
record, and the grounds she had. The platform knows no women, so the app that holds them
registers a look-up from ids to short names (and the words for its grounds) at start-up, like
`activities/links.py`. `tests/centre/test_audit_words.py` fails when an action code used anywhere
in the code has no words here.
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .models import AuditEvent

StrOrPromise = str | Promise

# `{woman}` is her short name ("Bex M."), or "a woman" when the event names no one.
WORDS: dict[str, StrOrPromise] = {
    "account.sessions_ended": _("ended a person's signed-in sessions"),
    "activities.certificate.download": _("downloaded a course certificate"),
    "activities.programme.download": _("downloaded the programme"),
    "activities.register.photo": _("saw {woman}'s photo on a register"),
    "activities.register.save": _("saved a session's register"),
    "activities.register.view": _("opened a session's register"),
    "audit.search": _("searched the audit log"),
    "auth.second_factor": _("signed in with a second factor"),
    "casework.action.create": _("added an action to {woman}'s plan"),
    "casework.action.done": _("marked an action on {woman}'s plan done"),
    "casework.alert.create": _("added an alert to {woman}'s record"),
    "casework.alert.end": _("ended an alert on {woman}'s record"),
    "casework.appointment.create": _("booked an appointment for {woman}"),
    "casework.appointment.record": _("recorded what happened at {woman}'s appointment"),
    "casework.case_review.create": _("started a case review meeting"),
    "casework.case_review.edit": _("wrote up a case review meeting"),
    "casework.case_review.view": _("read a case review meeting"),
    "casework.caseload.view": _("looked at a caseload"),
    "casework.consent.create": _("recorded {woman}'s decision about sharing"),
    "casework.contact.create": _("logged a contact with {woman}"),
    "casework.goal.create": _("added a goal to {woman}'s plan"),
    "casework.goal.edit": _("changed a goal on {woman}'s plan"),
    "casework.move_on.edit": _("changed {woman}'s move-on plan"),
    "casework.needs.edit": _("changed {woman}'s needs"),
    "casework.not_heard_from.view": _("looked at the list of women not heard from"),
    "casework.partner_agency.link": _("linked a partner worker to an agency"),
    "casework.plan.edit": _("changed {woman}'s plan"),
    "casework.ratings.create": _("recorded {woman}'s own ratings"),
    "casework.referral.create": _("recorded a referral"),
    "casework.referral.decide": _("decided on a referral"),
    "casework.referral.list": _("looked at the referrals"),
    "casework.referral.report": _("looked at the referrals report"),
    "casework.referral.view": _("read a referral"),
    "casework.referral.offer": _("offered a referral to a key worker"),
    "casework.referral.offered_list": _("saw the referrals offered to her"),
    "casework.referral.decline": _("declined a referral allocated to her"),
    "casework.referral_out.create": _("referred {woman} on to another service"),
    "casework.referral_out.edit": _("updated {woman}'s referral to another service"),
    "casework.review.create": _("recorded a review of {woman}'s plan"),
    "casework.review.edit": _("changed a review of {woman}'s plan"),
    "casework.team.view": _("looked at the team's caseloads"),
    "casework.woman.allocate": _("changed {woman}'s key worker"),
    "casework.woman.anonymise": _("anonymised {woman}'s record"),
    "casework.woman.break_glass": _("broke the glass to read {woman}'s record"),
    "casework.woman.card_view": _("read {woman}'s front-desk card"),
    "casework.woman.create": _("added {woman}'s record"),
    "casework.woman.edit": _("changed {woman}'s details"),
    "casework.woman.export": _("downloaded everything held about {woman}"),
    "casework.woman.involve": _("involved a worker with {woman}"),
    "casework.woman.participation": _("changed {woman}'s choices about taking part"),
    "casework.woman.pdf": _("downloaded {woman}'s record as a PDF"),
    "casework.woman.photo_view": _("looked at {woman}'s photo"),
    "casework.woman.shared_card_view": _(
        "read the part of {woman}'s record shared with her agency"
    ),
    "casework.woman.stage": _("moved {woman} to another stage"),
    "casework.woman.uninvolve": _("took a worker off {woman}'s team"),
    "casework.woman.view": _("read {woman}'s record"),
    "casework.woman.view_alert_form": _("opened the alert form on {woman}'s record"),
    "casework.woman.view_allocation": _("read who works with {woman}"),
    "casework.woman.view_appointment_form": _("opened the appointment form on {woman}'s record"),
    "casework.woman.view_consents": _("read {woman}'s sharing agreements"),
    "casework.woman.view_contact_form": _("opened the contact form on {woman}'s record"),
    "casework.woman.view_details": _("read {woman}'s details and safe contact"),
    "casework.woman.view_distance": _("read {woman}'s distance travelled"),
    "casework.woman.view_justice": _("read {woman}'s justice record"),
    "casework.woman.view_move_on": _("read {woman}'s move-on plan"),
    "casework.woman.view_needs": _("read {woman}'s needs"),
    "casework.woman.view_plan": _("read {woman}'s plan"),
    "casework.woman.view_review": _("read a review of {woman}'s plan"),
    "casework.woman.view_review_form": _("opened the review form on {woman}'s record"),
    "casework.woman.view_timeline": _("read {woman}'s timeline"),
    "casework.woman.view_viewers": _("looked at who read {woman}'s record"),
    "centre.holiday.add": _("added a centre holiday"),
    "centre.holiday.remove": _("removed a centre holiday"),
    "centre.settings": _("changed the centre's settings"),
    "coproduction.poster.download": _("downloaded the you said, we did poster"),
    "coproduction.suggestion.activity_link": _("linked a suggestion to an activity"),
    "coproduction.suggestion.activity_start": _("started an activity from a suggestion"),
    "coproduction.suggestion.approve": _("approved the wording of a suggestion's answer"),
    "coproduction.suggestion.create": _("added a suggestion"),
    "coproduction.suggestion.redact": _("took private details out of a suggestion"),
    "coproduction.suggestion.release": _("released a screened suggestion"),
    "coproduction.suggestion.screen": _("held back a suggestion for safeguarding"),
    "coproduction.suggestion.triage": _("answered or moved on a suggestion"),
    "coproduction.suggestion.view": _("read a suggestion"),
    "coproduction.tablet.create": _("added a tablet"),
    "coproduction.tablet.enrol": _("enrolled a tablet"),
    "coproduction.tablet.enrol_blocked": _("was stopped enrolling a tablet"),
    "coproduction.tablet.enrol_failed": _("tried to enrol a tablet with a spent link"),
    "coproduction.tablet.link": _("made an enrolment link for a tablet"),
    "coproduction.tablet.revoke": _("switched off a tablet"),
    "document.download": _("downloaded a document"),
    "meetings.agenda.download": _("downloaded a meeting's agenda"),
    "meetings.minutes.download": _("downloaded a meeting's minutes"),
    "privacy.bundle.build": _("asked for everything held about {woman} to be gathered into a PDF"),
    "privacy.bundle.download": _("downloaded the PDF of everything held about {woman}"),
    "privacy.bundle.export": _("downloaded everything held about {woman} (data file and PDF)"),
    "privacy.correction.add": _("recorded a correction to {woman}'s data at her request"),
    "privacy.erasure.approve": _("approved the erasure of {woman}'s data, which was carried out"),
    "privacy.erasure.propose": _("proposed erasing {woman}'s data"),
    "privacy.request.create": _("recorded a request from {woman} about her data"),
    "privacy.request.done": _("marked a request from {woman} about her data as done"),
    "privacy.request.view": _("opened a request from {woman} about her data"),
    "report.download": _("downloaded the quarterly report"),
    "report.request": _("asked for a quarterly report"),
    "report.targets": _("set the quarterly report's headline targets"),
    "retention.hold.lift": _("lifted the legal hold on {woman}'s records"),
    "retention.hold.place": _("placed a legal hold on {woman}'s records"),
    "retention.period.change": _("changed how long a kind of record is kept"),
    "retention.schedule.view": _("looked at the retention schedule and the next sweep"),
    "retention.sweep": _("ran the retention sweep (expired records anonymised or deleted)"),
    "review.item.mark": _("marked an access review item as reviewed"),
    "review.month.view": _("opened the monthly access review"),
    "team.change_role": _("changed a person's role"),
    "team.deactivate": _("took a person off the team"),
    "team.invitation_accepted": _("accepted an invitation to the team"),
    "team.invitation_declined": _("declined an invitation to the team"),
    "team.invitation_withdrawn": _("withdrew an invitation to the team"),
    "team.invite": _("invited a person to the team"),
    "team.reactivate": _("brought a person back onto the team"),
    "team.reset_second_factor": _("reset a person's second factor"),
    "team.triage_on": _("asked a person to triage referrals"),
    "team.triage_off": _("stopped a person triaging referrals"),
    "involvement.certificate.download": _("downloaded a volunteer's certificate"),
    "involvement.history.download": _("downloaded a volunteer's involvement history"),
    "involvement.interest.record": _("recorded {woman}'s interest in a role"),
    "involvement.placement.move": _("moved a volunteer along her pathway"),
    "involvement.helper.account": _("linked a volunteer account to a helper"),
    "involvement.worry.hand_over": _("handed a worry from a peer conversation to staff"),
    "involvement.shift.assign": _("put a volunteer on the rota"),
    "involvement.shift.take": _("took a rota shift"),
    "involvement.expense.claim": _("claimed an expense"),
    "involvement.expense.change": _("changed an expense claim"),
    "involvement.expense.approve": _("approved an expense claim"),
    "involvement.expense.reject": _("turned down an expense claim"),
    "involvement.expense.pay": _("marked an expense claim paid"),
    "involvement.expense.receipt": _("opened an expense receipt"),
    "involvement.helper.view": _("opened a volunteer's involvement page"),
    "involvement.training.certificate": _("opened a training certificate"),
    "meetings.paper.download": _("downloaded a meeting paper"),
    "meetings.invitation.view": _("looked at inviting {woman} to meetings"),
    "meetings.invitation.record": _("recorded that {woman} was asked to a meeting"),
    "newsletter.issue.download": _("downloaded a newsletter"),
    "newsletter.call.send": _("sent the newsletter's call for contributions to key workers"),
    "newsletter.issue.publish": _("published a newsletter"),
    "newsletter.piece.consent": _("recorded {woman}'s consent to publish her piece"),
    "newsletter.piece.withdraw": _("withdrew a newsletter piece"),
}

Namer = Callable[[Iterable[int]], dict[int, str]]
_namers: list[Namer] = []
_grounds: dict[str, str] = {}


def register_names(namer: Namer, grounds: dict[str, str]) -> None:
    """Called once by the app that holds women: her short name from an id, the grounds' words."""
    if namer not in _namers:
        _namers.append(namer)
    _grounds.update(grounds)


@dataclass(frozen=True)
class Said:
    event: AuditEvent
    sentence: str


def _woman_names(events: Sequence[AuditEvent]) -> dict[int, str]:
    ids = {event.woman_id for event in events if event.woman_id}
    names: dict[int, str] = {}
    for namer in _namers:
        names.update(namer(ids))
    return names


def sentence(event: AuditEvent, names: dict[int, str]) -> str:
    """One event in plain words; an unknown code still reads, with the code kept."""
    who = event.actor.get_short_name() or event.actor.username if event.actor else _("Someone")
    woman = names.get(event.woman_id or 0, str(_("a woman")))
    phrase = WORDS.get(event.action)
    what = str(phrase).format(woman=woman) if phrase else f"{_('did')} “{event.action}”"
    said = f"{who} {what}"
    if event.grounds:
        said += f": {_grounds.get(event.grounds, event.grounds).lower()}"
    return said


def in_words(events: Iterable[AuditEvent]) -> list[Said]:
    """Events with their sentences; her names looked up once for the whole page."""
    events = list(events)
    names = _woman_names(events)
    return [Said(event, sentence(event, names)) for event in events]
