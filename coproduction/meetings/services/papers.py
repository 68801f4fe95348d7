"""Papers."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from centre.models import User

from ..models import (
    PAPER_MAX_BYTES,
    PAPER_TYPES,
    Meeting,
    Paper,
)


def paper_file_check(upload: Any) -> str:
    """The paper's content type, or a ValidationError saying what is wrong in plain words."""
    name = (getattr(upload, "name", "") or "").lower()
    extension = name[name.rfind(".") :] if "." in name else ""
    if extension not in PAPER_TYPES:
        raise ValidationError(
            {
                "file": _(
                    "This kind of file cannot be attached. Save it as a PDF, a Word or "
                    "OpenDocument text file, or plain text, and try again."
                )
            }
        )
    if upload.size == 0:
        raise ValidationError({"file": _("The file is empty. Choose the paper again.")})
    if upload.size > PAPER_MAX_BYTES:
        raise ValidationError(
            {
                "file": _("The file is too big (%(size)s MB). Papers can be up to %(max)s MB.")
                % {
                    "size": f"{upload.size / 1024 / 1024:.1f}",
                    "max": PAPER_MAX_BYTES // 1024 // 1024,
                }
            }
        )
    head = upload.read(5)
    upload.seek(0)
    if extension == ".pdf" and head != b"%PDF-":
        raise ValidationError({"file": _("This file is not a real PDF. Save it again as a PDF.")})
    if extension in (".docx", ".odt") and not head.startswith(b"PK"):
        raise ValidationError({"file": _("This file is damaged or not what its name says.")})
    return PAPER_TYPES[extension]


@transaction.atomic
def paper_add(*, meeting: Meeting, title: str, plain_summary: str, upload: Any, by: User) -> Paper:
    """Attach a paper with its plain-words summary; members see it from the release date."""
    if meeting.is_cancelled:
        raise ValidationError(_("This meeting is cancelled: papers cannot be added."))
    content_type = paper_file_check(upload)
    paper = Paper(
        meeting=meeting,
        title=title.strip(),
        plain_summary=plain_summary.strip(),
        file_name=upload.name.rsplit("/", 1)[-1][:200],
        content_type=content_type,
        size=upload.size,
        uploaded_by=by,
    )
    paper.full_clean(exclude=["file", "uploaded_by"])
    paper.file.save(paper.file_name, upload, save=False)
    paper.save()
    return paper
