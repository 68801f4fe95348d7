from centre import room_config


class ActivitiesConfig(room_config.RoomConfig):
    name = "activities"
