"""Activities' entries in the personal data registry (centre/personal_data.py).

Attendance and course completions keep counting after she is erased: her record is anonymised,
not deleted, so those rows stay linked to a record that names no one and lose who recorded them.
Enrolments go. A woman who co-facilitates an activity is unlinked from it; the activity keeps
its facilitator role.
"""

from centre.personal_data import ANONYMISE, DELETE, declare

from .models import Attendance, CourseCompletion, Enrolment, Facilitator

declare(
    Facilitator,
    woman="woman",
    label="Activities she helps to run as a peer facilitator",
    erasure=ANONYMISE,
    anonymise=("woman",),
)
declare(
    Attendance,
    woman="woman",
    label="Activity sessions she came to",
    retention="closed_case",
    erasure=ANONYMISE,
    anonymise=("recorded_by",),
)
declare(Enrolment, woman="woman", label="Activities she signed up for", erasure=DELETE)
declare(
    CourseCompletion,
    woman="woman",
    label="Courses she completed (certificates are made from these)",
    retention="closed_case",
    erasure=ANONYMISE,
    anonymise=("awarded_by",),
)
