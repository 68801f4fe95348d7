"""Her contacts are found by one index, (woman, newest first). A second index on the woman alone
was what PostgreSQL chose for "a contact of hers in the period", reading all her contacts; the
report's eight quarters of women supported took a third longer with it."""

import pytest
from django.db import connection

from casework.models import Contact

pytestmark = pytest.mark.django_db


def test_her_contacts_have_one_index_by_woman_and_date():
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, Contact._meta.db_table)
    by_woman = [
        c["columns"]
        for c in constraints.values()
        if c["index"] and not c["primary_key"] and c["columns"][:1] == ["woman_id"]
    ]
    assert by_woman == [["woman_id", "contact_on"]]
