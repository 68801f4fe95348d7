"""Faults lose nothing and send nothing twice: with Redis down, publishing still works, the
printed issue and the subscribers' email wait (queued) for the worker; publishing again is
refused and queues nothing more."""

import pytest

from centre.documents.models import Document
from centre.models import OutboxMessage
from coproduction.newsletter import selectors, services
from coproduction.newsletter.messages import ISSUE_PURPOSE
from coproduction.newsletter.models import Contribution, Issue
from tests.conftest import point_celery_at

from .factories import IssueFactory, PieceFactory

pytestmark = pytest.mark.django_db


def test_publishing_with_redis_down_loses_nothing_and_sends_nothing_twice(
    private_redis, centre, manager, partner, django_capture_on_commit_callbacks
):
    issue = IssueFactory(centre=centre)
    PieceFactory(issue=issue, author=manager, state=Contribution.State.READY, title="Ready one")
    services.subscription_set(centre=centre, user=partner, on=True)
    undo = point_celery_at(private_redis.url)
    try:
        private_redis.stop()
        with django_capture_on_commit_callbacks(execute=True):
            services.issue_publish(issue=issue, by=manager)
        with pytest.raises(Exception, match="published"):
            services.issue_publish(issue=Issue.objects.get(pk=issue.pk), by=manager)
    finally:
        undo()
    issue.refresh_from_db()
    assert issue.status == Issue.Status.PUBLISHED
    document = selectors.issue_document(issue)
    assert document.status == Document.Status.QUEUED  # the next request or run builds it
    emails = OutboxMessage.objects.filter(purpose=ISSUE_PURPOSE)
    assert [(m.recipient, m.status) for m in emails] == [(partner.email, "queued")]
    assert "Ready one" in emails.get().body
