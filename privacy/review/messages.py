"""The monthly access review email to each manager: counts and a link, never a name (the
wording is in templates/messaging/access_review_monthly/)."""

from centre.messaging import MessageKind, register

ACCESS_REVIEW_PURPOSE = "access_review_monthly"

ACCESS_REVIEW_MONTHLY = register(
    MessageKind(
        name="access_review_monthly",
        purpose=ACCESS_REVIEW_PURPOSE,
        example={
            "name": "Morag",
            "centre_name": "Tomorrow's Women",
            "month": "November 2026",
            "total": 7,
            "break_glass": 1,
            "heavy_reading": 0,
            "no_grounds": 2,
            "sign_in": 3,
            "account": 1,
            "link": "https://casework.example.org/privacy/review/?month=2026-11",
        },
    )
)
