from centre import room_config


class InvolvementConfig(room_config.RoomConfig):
    name = "coproduction.involvement"
    label = "involvement"
    verbose_name = "Getting involved"
