from centre import room_config


class PrivacyRequestsConfig(room_config.RoomConfig):
    name = "privacy.requests"
    label = "privacy_requests"
    verbose_name = "Subject rights requests"
