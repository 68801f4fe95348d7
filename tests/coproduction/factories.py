import factory

from coproduction.kiosk import services as kiosk_services
from coproduction.kiosk.access import device_cookie_value
from coproduction.kiosk.models import Tablet
from coproduction.suggestions import services
from coproduction.suggestions.models import Suggestion
from tests.factories import CentreFactory


class SuggestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Suggestion

    centre = factory.SubFactory(CentreFactory)
    source = Suggestion.Source.TABLET
    about = Suggestion.About.FOOD
    text = "Could we have soup on a Wednesday?"
    receipt_code = factory.LazyFunction(services._receipt_code)
    screening = Suggestion.Screening.CLEAR
    theme = Suggestion.Theme.FOOD


def you_said_we_did(centre, you_said, we_did, wording=Suggestion.Wording.APPROVED, **fields):
    """A suggestion that was done, with its "you said, we did" wording (approved unless said)."""
    return SuggestionFactory(
        centre=centre,
        status=Suggestion.Status.DONE,
        you_said=you_said,
        we_did=we_did,
        wording=wording,
        **fields,
    )


def enrolled_tablet(centre, name="Front room"):
    """A tablet that has been set up; returns (tablet, cookie value)."""
    tablet, code = kiosk_services.tablet_create(centre=centre, name=name, by=None)
    tablet = kiosk_services.tablet_enrol(code=code)
    return tablet, device_cookie_value(tablet)


class TabletFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tablet

    centre = factory.SubFactory(CentreFactory)
    name = factory.Sequence(lambda n: f"Tablet {n}")


def acting_on(suggestion, user, *, version=None):
    """The arguments a suggestion service takes to say who acts, in which role, on which version
    (the suggestion's current one unless `version` says otherwise)."""
    return {
        "suggestion": suggestion,
        "by": user,
        "membership": user.memberships.get(),
        "expected_version": suggestion.version if version is None else version,
    }
