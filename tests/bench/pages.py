"""What `make bench` measures. Each feature adds its main pages and PDFs here."""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse


@dataclass
class Page:
    label: str
    user: Callable
    url: Callable


@dataclass
class PDFJob:
    label: str
    run: Callable


def demo_user(username):
    from centre.models import User

    return lambda: User.objects.get(username=username)


def demo_centre():
    from centre.models import Centre

    return Centre.objects.get(slug="tomorrows-women-demo")


def data_is_large():
    from casework.models import Woman

    return Woman.objects.filter(centre__slug="tomorrows-women-demo").count() >= 3000


def keyworkers_woman():
    from casework.models import Woman

    woman = Woman.objects.filter(key_worker__username="keyworker").order_by("pk").first()
    return woman.pk


def woman_pdf():
    from django.test import Client

    from centre.models import User

    client = Client()
    client.force_login(User.objects.get(username="keyworker"))
    response = client.get(reverse("casework:woman_pdf", args=[keyworkers_woman()]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"


def busiest_session():
    from django.db.models import Count

    from activities.models import Session

    session = (
        Session.objects.filter(activity__centre__slug="tomorrows-women-demo")
        .annotate(n=Count("attendances"))
        .order_by("-n", "pk")
        .first()
    )
    return session.pk


def busiest_activity():
    from activities.models import Session

    return Session.objects.get(pk=busiest_session()).activity_id


def latest_suggestion():
    from coproduction.suggestions.models import Suggestion

    return (
        Suggestion.objects.filter(centre__slug="tomorrows-women-demo")
        .order_by("-pk")
        .first()
        .receipt_code
    )


def client_pdf(username, url_name, args=()):
    def run():
        from django.test import Client

        from centre.models import User

        client = Client()
        client.force_login(User.objects.get(username=username))
        response = client.get(reverse(url_name, args=args() if callable(args) else args))
        assert response.status_code == 200 and response["Content-Type"] == "application/pdf"

    return run


PAGES = [
    Page(
        "baseline: bare authenticated page",
        demo_user("keyworker"),
        lambda: reverse("password_change_done"),
    ),
    Page("home (key worker)", demo_user("keyworker"), lambda: reverse("home")),
    Page("home (manager)", demo_user("manager"), lambda: reverse("home")),
    Page("audit log (manager)", demo_user("manager"), lambda: reverse("audit_log")),
    Page("caseload (key worker)", demo_user("keyworker"), lambda: reverse("casework:caseload")),
    Page(
        "caseload (manager, all women)", demo_user("manager"), lambda: reverse("casework:caseload")
    ),
    Page("team caseloads (manager)", demo_user("manager"), lambda: reverse("casework:team")),
    Page(
        "not heard from (manager)", demo_user("manager"), lambda: reverse("casework:not_heard_from")
    ),
    Page(
        "her record (key worker)",
        demo_user("keyworker"),
        lambda: reverse("casework:woman", args=[keyworkers_woman()]),
    ),
    Page(
        "her timeline (key worker)",
        demo_user("keyworker"),
        lambda: reverse("casework:woman_timeline", args=[keyworkers_woman()]),
    ),
    Page(
        "log a contact form",
        demo_user("keyworker"),
        lambda: reverse("casework:contact_new", args=[keyworkers_woman()]),
    ),
    Page(
        "referral report (manager)",
        demo_user("manager"),
        lambda: reverse("casework:referral_report"),
    ),
    Page("activities list", demo_user("keyworker"), lambda: reverse("activities:index")),
    Page(
        "an activity (busiest)",
        demo_user("keyworker"),
        lambda: reverse("activities:activity_detail", args=[busiest_activity()]),
    ),
    Page(
        "register (busiest session)",
        demo_user("keyworker"),
        lambda: reverse("activities:register", args=[busiest_session()]),
    ),
    Page("termly programme", demo_user("keyworker"), lambda: reverse("activities:programme")),
    Page("activity numbers", demo_user("manager"), lambda: reverse("activities:numbers")),
    Page("suggestions list (manager)", demo_user("manager"), lambda: reverse("suggestions:index")),
    Page(
        "a suggestion (manager)",
        demo_user("manager"),
        lambda: reverse("suggestions:detail", args=[latest_suggestion()]),
    ),
    Page(
        "suggestion numbers (steering)",
        demo_user("steering"),
        lambda: reverse("reports:numbers"),
    ),
]


def quarterly_report_pdf():
    from coproduction.reports.quarters import Quarter
    from coproduction.reports.services import report_pdf_render

    pdf, _content = report_pdf_render(centre=demo_centre(), quarter=Quarter.current().previous())
    assert pdf.startswith(b"%PDF")


PAGES.append(
    Page(
        "quarterly reports list (steering)", demo_user("steering"), lambda: reverse("reports:list")
    )
)

PDFS = [
    PDFJob("her record as PDF (key worker)", woman_pdf),
    PDFJob("programme PDF", client_pdf("keyworker", "activities:programme_pdf")),
    PDFJob("quarterly report PDF, last quarter (numbers + render)", quarterly_report_pdf),
]
