"""Exit questionnaire."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from casework.models import Woman
from centre.models import Centre, User
from coproduction.suggestions.models import Suggestion
from coproduction.suggestions.services import suggestion_create

from ..models import (
    ExitQuestionnaire,
    Step,
)
from ._rules import _not_future
from .people import step_record


@transaction.atomic
def exit_questionnaire_record(
    *,
    centre: Centre,
    source: str,
    felt_supported: int,
    would_recommend: str,
    most_helped: str = "",
    could_be_better: str = "",
    about: str = "",
    woman: Woman | None = None,
    first_name: str = "",
    completed_on: date | None = None,
    by: User | None = None,
) -> ExitQuestionnaire:
    """Keep her answers; what could be better goes into the suggestion box (named only if she
    chose to be), and a named questionnaire is a step on her continuum."""
    if woman is not None and woman.centre_id != centre.pk:
        raise ValidationError({"woman": _("Choose one of this centre's women.")})
    answers = ExitQuestionnaire(
        centre=centre,
        source=source,
        woman=woman,
        first_name=first_name.strip(),
        completed_on=completed_on or timezone.localdate(),
        felt_supported=felt_supported,
        would_recommend=would_recommend,
        most_helped=most_helped.strip(),
        could_be_better=could_be_better.strip(),
        about=about if could_be_better.strip() else "",
        entered_by=by,
    )
    _not_future("completed_on", answers.completed_on)
    answers.full_clean()
    if answers.could_be_better:
        answers.suggestion = suggestion_create(
            centre=centre,
            source=Suggestion.Source.TABLET
            if source == ExitQuestionnaire.Source.TABLET
            else Suggestion.Source.PAPER,
            about=answers.about or Suggestion.About.OTHER,
            text=answers.could_be_better,
            first_name=answers.first_name or (woman.known_as if woman is not None else ""),
            by=by,
            received_on=answers.completed_on,
        )
    answers.save()
    if woman is not None:
        step_record(
            woman=woman,
            step=Step.EXIT_QUESTIONNAIRE,
            taken_on=answers.completed_on,
            by=by,
            once=True,
        )
    return answers
