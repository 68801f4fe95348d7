from .matrix import STAFF, Row, for_roles

ROWS = {
    "casework:caseload": Row(get=for_roles(STAFF), post=for_roles(STAFF, 405)),
}
