"""The newsletter's data about women (centre/personal_data.py): the pieces she sent in, with her
consent and credit, and the editors' comments on them."""

from centre.personal_data import DELETE, declare

from .models import Comment, Contribution

declare(
    Contribution,
    woman="woman",
    label="Her newsletter pieces, her consent to publish and her choice of credit",
    retention=None,
    erasure=DELETE,
)
declare(
    Comment,
    woman="contribution__woman",
    label="Editors' comments on her newsletter pieces",
    retention=None,
    erasure=DELETE,
)
