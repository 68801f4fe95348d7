from django.apps import AppConfig


class PrivacyRequestsConfig(AppConfig):
    name = "privacy.requests"
    label = "privacy_requests"
    verbose_name = "Subject rights requests"
