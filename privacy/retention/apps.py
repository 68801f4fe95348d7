from centre import room_config


class RetentionConfig(room_config.RoomConfig):
    name = "privacy.retention"
    label = "retention"
    verbose_name = "Retention"
