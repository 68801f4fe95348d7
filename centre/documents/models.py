"""A generated file (a PDF today): what it covers, how far its build has got, and the file."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils.translation import gettext_lazy as _

from .registry import DocumentKind, document_kind


class PrivateStorage(FileSystemStorage):
    """Files under MEDIA_ROOT that have no public URL: they are only ever sent by the audited
    download view, after the document kind's policy has said yes."""

    def url(self, name: str | None) -> str:
        raise ValueError("Generated documents are private: send them with the download view.")


def private_storage() -> PrivateStorage:
    return PrivateStorage()


def document_path(document: "Document", filename: str) -> str:
    return f"documents/{document.centre_id}/{document.kind}/{filename}"


class Document(models.Model):
    """One generated file for a centre: a kind (see centre.documents.registry) and what it
    covers. Rebuilding replaces the file in place; the last good file stays downloadable while
    a rebuild runs."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        BUILDING = "building", _("Being built")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Could not be built")

    centre = models.ForeignKey("centre.Centre", on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(max_length=60)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)
    progress_message = models.CharField(max_length=120, blank=True)
    # What it covers: a period, an object, a key, or any mix. `coverage` spells them out in one
    # string so that one kind, centre and coverage is one row on every database.
    period_start = models.DateField(null=True, blank=True)
    period_end = models.DateField(null=True, blank=True)
    content_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.CharField(max_length=40, blank=True)
    key = models.CharField(max_length=60, blank=True)
    coverage = models.CharField(max_length=200, blank=True)
    file = models.FileField(upload_to=document_path, storage=private_storage, blank=True)
    # What the file shows, for a page to show the same again without rebuilding it.
    summary = models.JSONField(default=dict, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    built_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["centre", "kind", "coverage"], name="one_document_per_kind_and_coverage"
            ),
            models.CheckConstraint(
                condition=models.Q(progress__lte=100), name="document_progress_at_most_100"
            ),
        ]
        indexes = [models.Index(fields=["kind", "status"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.coverage or ''} ({self.centre_id})".strip()

    @property
    def kind_spec(self) -> DocumentKind:
        return document_kind(self.kind)

    @property
    def title(self) -> str:
        spec = self.kind_spec
        return spec.title(self) if spec.title else str(spec.label)

    @property
    def in_progress(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.BUILDING)

    @property
    def downloadable(self) -> bool:
        return bool(self.file) and self.built_at is not None
