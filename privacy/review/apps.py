from django.apps import AppConfig


class AccessReviewConfig(AppConfig):
    name = "privacy.review"
    label = "access_review"
    verbose_name = "Access review"
