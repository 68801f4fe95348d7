from centre import room_config


class NewsletterConfig(room_config.RoomConfig):
    name = "coproduction.newsletter"
    label = "newsletter"
    verbose_name = "Newsletter"
