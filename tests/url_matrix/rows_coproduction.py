from .matrix import Row, for_roles

ALL_BUT_STEERING = ("manager", "key_worker", "partner", "volunteer")

ROWS = {
    "coproduction:index": Row(
        get=for_roles(ALL_BUT_STEERING), post=for_roles(ALL_BUT_STEERING, 405)
    ),
}
