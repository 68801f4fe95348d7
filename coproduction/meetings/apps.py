from centre import room_config


class MeetingsConfig(room_config.RoomConfig):
    name = "coproduction.meetings"
    label = "meetings"
    verbose_name = "Meetings"
