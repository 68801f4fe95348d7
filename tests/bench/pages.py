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
]

PDFS = []
