from casework.models import Alert
from casework.selectors import placement_conflicts

from .factories import AlertFactory, WomanFactory


def test_pairs_among_the_given_women_only(centre, other_centre):
    anna, beth, cara, dina = WomanFactory.create_batch(4, centre=centre)
    AlertFactory(woman=anna, other_woman=beth, kind=Alert.Kind.NOT_WITH, detail="secret")
    AlertFactory(woman=cara, other_woman=dina, kind=Alert.Kind.NOT_WITH)
    AlertFactory(woman=beth, other_woman=cara, kind=Alert.Kind.NOT_WITH, is_active=False)
    AlertFactory(woman=anna, kind=Alert.Kind.SAFETY)

    assert placement_conflicts(centre, [anna.pk, beth.pk, cara.pk]) == {
        frozenset({anna.pk, beth.pk})
    }
    assert placement_conflicts(centre, [anna.pk, beth.pk, cara.pk, dina.pk]) == {
        frozenset({anna.pk, beth.pk}),
        frozenset({cara.pk, dina.pk}),
    }
    assert placement_conflicts(other_centre, [anna.pk, beth.pk]) == set()
    assert placement_conflicts(centre, [anna.pk]) == set()


def test_both_directions_give_one_pair(centre):
    anna, beth = WomanFactory.create_batch(2, centre=centre)
    AlertFactory(woman=anna, other_woman=beth, kind=Alert.Kind.NOT_WITH)
    AlertFactory(woman=beth, other_woman=anna, kind=Alert.Kind.NOT_WITH)
    assert placement_conflicts(centre, {anna.pk, beth.pk}) == {frozenset({anna.pk, beth.pk})}
