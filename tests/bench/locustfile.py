"""The journeys `make bench` drives with Locust against gunicorn (see tests/bench/run.py).

Staff are signed in already (the runner makes their sessions) and walk their pages with no pause
between requests (the run measures the app at saturation, as the issue's numbers were taken). Every
journey also asks for the floor page (the base template and nothing else), so each page's time
is compared with the floor in the same run, under the same load. The tablet posts suggestions
with the cookie of an enrolled tablet, at a woman's pace.

What to ask for (ids of women, sessions, tablets' cookies) comes from the plan file the runner
writes (BENCH_PLAN); the query count of each response (the X-Bench-Queries header, benchmark
mode only) and the time the app spent on it (X-Bench-Ms) are gathered per page and written to
BENCH_QUERIES_OUT when Locust stops.
"""

import itertools
import json
import os
import random
import re
from collections import defaultdict
from datetime import date
from pathlib import Path

from locust import HttpUser, between, constant, events, task

from tests.bench.forms import form_fields

PLAN = json.loads(Path(os.environ["BENCH_PLAN"]).read_text()) if "BENCH_PLAN" in os.environ else {}
QUERIES: dict[str, list[int]] = defaultdict(list)
SERVER_MS: dict[str, list[float]] = defaultdict(list)
_register_sessions = itertools.cycle(PLAN.get("sessions", [0]))
# A tablet takes at most six suggestions in ten minutes (coproduction/kiosk/services.py): each
# phase of a run (BENCH_PHASE) has tablets of its own, and a tablet user moves to the next
# tablet every five suggestions, as a centre with a tablet in each room would.
TABLET_POSTS = 5
_phase_tablets = PLAN.get("tablets", [""])[int(os.environ.get("BENCH_PHASE", "0")) * 4 :]
_tablets = itertools.cycle(_phase_tablets or [""])
_sessions = {name: itertools.cycle(cookies) for name, cookies in PLAN.get("signed_in", {}).items()}


@events.request.add_listener
def _server_side(name, response=None, exception=None, **_kwargs):
    """The query count and the app's own time (benchmark mode's headers) of each response."""
    if response is None or exception is not None:
        return
    queries, server_ms = response.headers.get("X-Bench-Queries"), response.headers.get("X-Bench-Ms")
    if queries is not None and queries.isdigit():
        QUERIES[name].append(int(queries))
    if server_ms:
        SERVER_MS[name].append(float(server_ms))


@events.quitting.add_listener
def _write_server_side(**_kwargs):
    out = os.environ.get("BENCH_QUERIES_OUT")
    if out:
        Path(out).write_text(json.dumps({"queries": QUERIES, "server_ms": SERVER_MS}))


def in_turn(cls):
    """With BENCH_IN_TURN=1 (the smoke test) each user walks every journey in turn, again and
    again, rather than at random, so a short run covers them all."""
    if os.environ.get("BENCH_IN_TURN") == "1":
        journeys = list(dict.fromkeys(cls.tasks))

        def every_journey(user):
            for journey in journeys:
                journey(user)

        cls.tasks = [every_journey]
    return cls


class BenchUser(HttpUser):
    """A signed-in member of staff. Cookies are marked Secure in production settings; the run is
    plain HTTP on the loopback, so the client keeps sending them (as a browser would to https)."""

    abstract = True
    wait_time = constant(0)
    username = ""

    def _unsecure_cookies(self):
        for cookie in self.client.cookies:
            cookie.secure = False

    def get(self, url, name, **kwargs):
        with self.client.get(url, name=name, catch_response=True, **kwargs) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code} from {url}")
        self._unsecure_cookies()
        return response

    def post(self, url, name, data, expect=(302,), **kwargs):
        headers = {
            "Referer": self.host + url,
            "X-CSRFToken": self.client.cookies.get("csrftoken", ""),
        }
        with self.client.post(
            url,
            data=data,
            name=name,
            headers=headers,
            allow_redirects=False,
            catch_response=True,
            **kwargs,
        ) as response:
            if response.status_code not in expect:
                response.failure(f"{response.status_code} from POST {url}")
        self._unsecure_cookies()
        return response

    def fill(self, page, name: str, action: str = "", **overrides: str):
        """The page's form filled in, or None (counted as an error of `name`) when the page
        has no such form."""
        try:
            return form_fields(page.text, action, **overrides)
        except ValueError as error:
            self.environment.events.request.fire(
                request_type="POST",
                name=name,
                response_time=0,
                response_length=0,
                exception=error,
                response=None,
                context={},
            )
            return None

    def on_start(self):
        """Signed in already: the runner made the sessions (the sign-in is not what we time)."""
        if self.username:
            cookie = next(_sessions[self.username])
            self.client.cookies.set(PLAN.get("session_cookie", "sessionid"), cookie)


class Staff(BenchUser):
    """Staff journeys ask for the floor too, so it is measured under the same load."""

    abstract = True

    @task(2)
    def floor(self):
        self.get("/bench/floor/", "floor")


class FloorOnly(BenchUser):
    """The floor alone: how many bare signed-in pages a second the app can serve."""

    username = "keyworker"

    @task
    def floor(self):
        self.get("/bench/floor/", "floor")


@in_turn
class KeyWorker(Staff):
    weight = 10

    def on_start(self):
        self.username = random.choice(PLAN.get("key_workers", ["keyworker"]))
        super().on_start()
        self.women = PLAN.get("women", {}).get(self.username) or [0]
        self.session_id = next(_register_sessions)

    @task(2)
    def home(self):
        self.get("/", "home")

    @task(2)
    def caseload(self):
        self.get("/casework/", "caseload")

    @task(3)
    def her_record(self):
        woman = random.choice(self.women)
        self.get(f"/casework/women/{woman}/", "her record")

    @task(2)
    def her_timeline(self):
        woman = random.choice(self.women)
        self.get(f"/casework/women/{woman}/timeline/", "her timeline")

    @task(1)
    def log_contact(self):
        woman = random.choice(self.women)
        url = f"/casework/women/{woman}/contacts/new/"
        page = self.get(url, "log a contact (form)")
        name = "log a contact (POST)"
        fields = self.fill(
            page,
            name,
            contact_on=date.today().isoformat(),
            contact_type="in_centre",
            note="Benchmark: caught up by phone.",
            duration_minutes="30",  # one of the taps (10, 15, 30, 45, 60, 90 minutes)
        )
        if fields is not None:
            self.post(url, name, fields)

    @task(1)
    def take_register(self):
        url = f"/activities/sessions/{self.session_id}/register/"
        page = self.get(url, "register")
        ticked = re.findall(r'name="women" value="(\d+)"', page.text)[:8]
        fields = self.fill(page, "register (POST)", others_count="1")
        if fields is not None:
            fields = [(k, v) for k, v in fields if k != "women"] + [("women", v) for v in ticked]
            self.post(url, "register (POST)", fields)


@in_turn
class Manager(Staff):
    weight = 4
    username = "manager"

    def on_start(self):
        super().on_start()
        self.women = PLAN.get("all_women") or [0]

    @task(2)
    def home(self):
        self.get("/", "home")

    @task(2)
    def triage_list(self):
        self.get("/coproduction/?status=open", "triage list")

    @task(2)
    def audit_search(self):
        self.get("/audit/?action=casework.woman", "audit search")

    @task(1)
    def who_looked(self):
        woman = random.choice(self.women)
        self.get(f"/casework/women/{woman}/who-looked/", "who looked at her record")

    @task(1)
    def ask_for_report(self):
        page = self.get("/reports/", "reports list")
        fields = self.fill(page, "ask for a report (POST)", "/reports/request/")
        if fields is not None:
            self.post("/reports/request/", "ask for a report (POST)", fields)


@in_turn
class Tablet(BenchUser):
    """A woman at the tablet: writes an idea, then the next woman comes along."""

    fixed_count = 1
    wait_time = between(4, 8)

    def on_start(self):
        self.posted = 0
        self.client.cookies.set("centre_tablet", next(_tablets))

    @task
    def post_suggestion(self):
        if self.posted and self.posted % TABLET_POSTS == 0:
            self.client.cookies.set("centre_tablet", next(_tablets))
        page = self.get("/kiosk/idea/", "tablet: idea (form)")
        name = "tablet: idea (POST)"
        fields = self.fill(
            page, name, "/kiosk/idea/", text="A quiet room for phone calls, please.", first_name=""
        )
        if fields is not None:
            self.post("/kiosk/idea/", name, fields, expect=(200,))
            self.posted += 1
