from centre import room_config


class AccessReviewConfig(room_config.RoomConfig):
    name = "privacy.review"
    label = "access_review"
    verbose_name = "Access review"
