"""Expenses: she claims with a receipt (checked), the manager approves or says why not, marks it
paid; two people saving at once never overwrite each other; totals add up."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from coproduction.involvement import selectors, services
from coproduction.involvement.models import Expense

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _claim(helper, amount="4.60", **extra):
    return services.expense_claim(
        helper=helper,
        by=helper.user,
        kind="travel",
        spent_on=timezone.localdate(),
        amount=Decimal(amount),
        description="Bus fare",
        **extra,
    )


def _form(amount="4.60", receipt=None):
    data = {
        "kind": "travel",
        "spent_on": timezone.localdate().isoformat(),
        "amount": amount,
        "description": "Bus fare there and back",
    }
    if receipt is not None:
        data["receipt"] = receipt
    return data


def test_she_claims_her_bus_fare_with_a_receipt(volunteer_client, her):
    receipt = SimpleUploadedFile("ticket.pdf", PDF, content_type="application/pdf")
    response = volunteer_client.post(reverse("involvement:expense_new"), _form(receipt=receipt))
    assert response.status_code == 302
    claim = Expense.objects.get(helper=her)
    assert claim.status == Expense.Status.CLAIMED and claim.amount == Decimal("4.60")
    assert claim.receipt.read().startswith(b"%PDF")
    got = volunteer_client.get(reverse("involvement:expense_receipt", args=[claim.pk]))
    assert got.status_code == 200 and got["Cache-Control"] == "no-store"


def test_a_wrong_file_is_refused_with_a_clear_message_and_nothing_lost(volunteer_client, her):
    fake = SimpleUploadedFile(
        "ticket.pdf", b"MZ\x90\x00 not a receipt", content_type="application/pdf"
    )
    response = volunteer_client.post(
        reverse("involvement:expense_new"), _form(amount="12.50", receipt=fake)
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Upload a PDF or a photo" in page
    assert 'value="12.50"' in page and "Bus fare there and back" in page
    assert not Expense.objects.exists()


@pytest.mark.parametrize("amount", ["0", "-3", "9999", "abc"])
def test_a_wrong_amount_is_refused(volunteer_client, her, amount):
    response = volunteer_client.post(reverse("involvement:expense_new"), _form(amount=amount))
    assert response.status_code == 400
    assert not Expense.objects.exists()


def test_the_manager_approves_then_marks_paid_once(manager_client, manager, her):
    claim = _claim(her)
    approve = reverse("involvement:expense_approve", args=[claim.pk])
    assert manager_client.post(approve, {"version": claim.version}).status_code == 302
    claim.refresh_from_db()
    assert claim.status == Expense.Status.APPROVED and claim.decided_by == manager
    # Approving again (a second tab) is refused and changes nothing.
    manager_client.post(approve, {"version": claim.version})
    claim.refresh_from_db()
    assert claim.status == Expense.Status.APPROVED
    manager_client.post(
        reverse("involvement:expense_pay", args=[claim.pk]), {"version": claim.version}
    )
    claim.refresh_from_db()
    assert claim.status == Expense.Status.PAID and claim.paid_on == timezone.localdate()


def test_not_approving_needs_a_reason(manager, her):
    claim = _claim(her)
    with pytest.raises(ValidationError):
        services.expense_reject(
            expense=claim, by=manager, expected_version=claim.version, reason=" "
        )
    done = services.expense_reject(
        expense=claim, by=manager, expected_version=claim.version, reason="Claim the night bus"
    )
    assert done.status == Expense.Status.REJECTED and done.decision_note == "Claim the night bus"


def test_only_the_manager_approves(key_worker_client, volunteer_client, her):
    claim = _claim(her)
    for client in (key_worker_client, volunteer_client):
        response = client.post(
            reverse("involvement:expense_approve", args=[claim.pk]), {"version": 1}
        )
        assert response.status_code == 403
    claim.refresh_from_db()
    assert claim.status == Expense.Status.CLAIMED


def test_two_people_changing_a_claim_at_once_never_overwrite(manager_client, volunteer_client, her):
    claim = _claim(her)
    url = reverse("involvement:expense_edit", args=[claim.pk])
    first = volunteer_client.post(url, {**_form(amount="5.20"), "version": claim.version})
    assert first.status_code == 302
    second = manager_client.post(url, {**_form(amount="9.99"), "version": claim.version})
    assert second.status_code == 409
    assert "Someone else saved this" in second.content.decode()
    assert 'value="9.99"' in second.content.decode()
    claim.refresh_from_db()
    assert claim.amount == Decimal("5.20")


def test_a_decided_claim_can_no_longer_be_changed(volunteer_client, manager, her):
    claim = _claim(her)
    services.expense_approve(expense=claim, by=manager, expected_version=claim.version)
    assert (
        volunteer_client.get(reverse("involvement:expense_edit", args=[claim.pk])).status_code
        == 403
    )


def test_totals_by_state(manager, her):
    waiting = _claim(her, "1.00")
    approved = _claim(her, "2.00")
    services.expense_approve(expense=approved, by=manager, expected_version=approved.version)
    paid = _claim(her, "4.00")
    paid = services.expense_approve(expense=paid, by=manager, expected_version=paid.version)
    services.expense_mark_paid(expense=paid, by=manager, expected_version=paid.version)
    refused = _claim(her, "8.00")
    services.expense_reject(
        expense=refused, by=manager, expected_version=refused.version, reason="No"
    )
    totals = selectors.expense_totals(Expense.objects.all())
    assert totals["claimed"] == Decimal("1.00")
    assert totals["approved"] == Decimal("2.00")
    assert totals["paid"] == Decimal("4.00")
    assert totals["rejected"] == Decimal("8.00")
    assert totals["total"] == Decimal("7.00")
    assert waiting.pk


def test_the_expenses_page_keeps_a_fixed_query_budget(
    manager_client, her, django_assert_max_num_queries
):
    for _ in range(6):
        _claim(her)
    with django_assert_max_num_queries(14):
        assert manager_client.get(reverse("involvement:expenses")).status_code == 200


def test_the_involvement_page_names_claims_waiting_without_a_stray_separator(manager_client, her):
    """With claims waiting and no worries, the line starts with the claims, not with ' · '."""
    _claim(her)
    page = manager_client.get(reverse("involvement:index")).content.decode()
    line = page.split("1 claim waiting for approval")[0].rsplit("<p>", 1)[1]
    assert "·" not in line, line
