"""Papers: attached with a plain-words summary, released to members a set number of days
before the meeting (organisers always see them); bad files get a clear message."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from centre.models import AuditEvent
from coproduction.meetings.models import PAPER_MAX_BYTES, Paper

from .factories import GroupFactory, GroupMemberFactory, MeetingFactory, in_days

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture
def meeting(centre, manager, volunteer):
    group = GroupFactory(centre=centre, name="Monday meeting", papers_release_days=5)
    GroupMemberFactory(group=group, user=volunteer)
    return MeetingFactory(group=group, organiser=manager, starts_at=in_days(10))


def _post(client, meeting, name, content, title="Budget for next year"):
    return client.post(
        reverse("meetings:paper_add", args=[meeting.pk]),
        {
            "title": title,
            "plain_summary": "How much money there is and what it is for.",
            "file": SimpleUploadedFile(name, content),
        },
    )


def test_an_organiser_attaches_a_paper(manager_client, manager, meeting):
    response = _post(manager_client, meeting, "budget.pdf", PDF)
    assert response.status_code == 302
    paper = Paper.objects.get()
    assert (paper.file_name, paper.content_type, paper.size) == (
        "budget.pdf",
        "application/pdf",
        len(PDF),
    )
    assert paper.uploaded_by == manager


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("virus.exe", b"MZ....", "This kind of file cannot be attached."),
        ("fake.pdf", b"<html>not a pdf</html>", "This file is not a real PDF."),
        ("empty.txt", b"", "The submitted file is empty."),
        ("big.txt", b"a" * (PAPER_MAX_BYTES + 1), "The file is too big (5.0 MB)."),
        ("notes.docx", b"plain text", "This file is damaged or not what its name says."),
    ],
)
def test_a_bad_file_gets_a_clear_message_and_keeps_what_she_typed(
    manager_client, meeting, name, content, message
):
    response = _post(manager_client, meeting, name, content, title="Keep this title")
    page = response.content.decode()
    assert response.status_code == 400 and message in page
    assert 'value="Keep this title"' in page
    assert not Paper.objects.exists()


def test_members_see_papers_from_the_release_date_and_organisers_always(
    manager_client, volunteer_client, key_worker_client, meeting
):
    _post(manager_client, meeting, "budget.pdf", PDF)
    paper = Paper.objects.get()
    detail = reverse("meetings:meeting_detail", args=[meeting.pk])
    download = reverse("meetings:paper_download", args=[paper.pk])

    page = volunteer_client.get(detail).content.decode()
    assert "Budget for next year" not in page and "1 paper will be here from that day." in page
    assert volunteer_client.get(download).status_code == 404
    assert "Budget for next year" in key_worker_client.get(detail).content.decode()
    assert key_worker_client.get(download).status_code == 200

    meeting.group.papers_release_days = 10  # released today
    meeting.group.save()
    page = volunteer_client.get(detail).content.decode()
    assert "Budget for next year" in page and "How much money there is" in page
    response = volunteer_client.get(download)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"].startswith("attachment")
    assert AuditEvent.objects.filter(action="meetings.paper.download").count() == 2


def test_another_centre_cannot_open_a_paper(manager_client, outsider_client, meeting):
    _post(manager_client, meeting, "budget.pdf", PDF)
    paper = Paper.objects.get()
    assert (
        outsider_client.get(reverse("meetings:paper_download", args=[paper.pk])).status_code == 404
    )


def test_a_steering_member_does_not_see_papers_of_groups_she_cannot_see(
    manager_client, steering_client, meeting
):
    meeting.group.papers_release_days = 30
    meeting.group.save()
    _post(manager_client, meeting, "budget.pdf", PDF)
    paper = Paper.objects.get()
    assert (
        steering_client.get(reverse("meetings:paper_download", args=[paper.pk])).status_code == 404
    )


def test_the_release_days_are_a_setting_of_the_group(manager_client, meeting):
    group = meeting.group
    data = {"name": group.name, "kind": group.kind, "papers_release_days": "61"}
    url = reverse("meetings:group_edit", args=[group.pk])
    response = manager_client.post(url, data)
    assert response.status_code == 400
    assert "Ensure this value is less than or equal to 60." in response.content.decode()
    assert 'value="61"' in response.content.decode()
    assert manager_client.post(url, {**data, "papers_release_days": "7"}).status_code == 302
    group.refresh_from_db()
    assert group.papers_release_days == 7
