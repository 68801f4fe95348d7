from centre import room_config


class KioskConfig(room_config.RoomConfig):
    name = "coproduction.kiosk"
    label = "kiosk"
    verbose_name = "Kiosk tablets"
