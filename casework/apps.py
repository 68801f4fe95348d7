from centre import room_config


class CaseworkConfig(room_config.RoomConfig):
    name = "casework"
