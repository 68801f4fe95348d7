"""Generated documents (/documents/): one progress partial and one download for every kind.
The centre's own members reach them; the kind's policy decides who reads (here the quarterly
report: managers and steering members); another centre's document is a 404."""

from datetime import date

from django.core.files.base import ContentFile

from centre.models import Document

from .matrix import Row, for_roles

READERS = ("manager", "steering")
EVERY_MEMBER = ("manager", "key_worker", "partner", "volunteer", "steering")


def build(world):
    document = Document.objects.create(
        centre=world.centre,
        kind="quarterly_report",
        coverage="2026-01-01..2026-03-31||",
        period_start=date(2026, 1, 1),
        period_end=date(2026, 3, 31),
        status=Document.Status.READY,
        built_at="2026-04-03T05:30Z",
    )
    document.file.save("matrix-documents.pdf", ContentFile(b"%PDF-1.4 matrix"))
    world.extra.document = document


def document(world):
    return {"pk": world.document.pk}


ROWS = {
    "documents:progress": Row(
        get=for_roles(READERS, outsider=404),
        post=for_roles(EVERY_MEMBER, 405),
        kwargs=document,
    ),
    "documents:download": Row(
        get=for_roles(READERS, outsider=404),
        post=for_roles(EVERY_MEMBER, 405),
        kwargs=document,
    ),
}
