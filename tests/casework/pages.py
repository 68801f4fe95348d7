"""Addresses of her record's pages, and what their forms post."""

from django.urls import reverse
from django.utils import timezone


def record(woman, name="casework:woman"):
    return reverse(name, args=[woman.pk])


def sharing_agreement(agency, **fields):
    """The consent form saying she agreed today to share with `agency`; `fields` add the rest."""
    return {
        "agency": agency.pk,
        "agreed": "on",
        "decided_on": timezone.localdate().isoformat(),
        **fields,
    }
