from centre import room_config


class ReportsConfig(room_config.RoomConfig):
    name = "coproduction.reports"
    label = "reports"
    verbose_name = "Quarterly reports"
