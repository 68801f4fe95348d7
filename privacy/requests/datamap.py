"""The data map: every model the personal data registry knows, as a markdown table, for
`docs/data-map.md` (the `data_map` command prints it; a test fails when the file differs)."""

from centre.personal_data import ANONYMISE, RETENTION_KINDS, declarations, exemptions

HEADER = """# Data map: what the system holds about a woman

Generated from the personal data registry (`centre/personal_data.py` and each app's
`personal_data.py`) by `python manage.py data_map > docs/data-map.md`. Do not edit by hand:
a test fails when this file differs from the command's output.

"How found" is the database lookup from the row to her record. "Retention" names the retention
kind whose period applies ("with her case record" when the row lives and dies with her closed
case record). "Erasure" says what erasing her does to the row.
"""


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def data_map_markdown() -> str:
    lines = [
        HEADER,
        "| Model | What it holds about her | How found | Retention | Erasure |",
        "|---|---|---|---|---|",
    ]
    for declaration in declarations():
        retention = (
            RETENTION_KINDS[declaration.retention]
            if declaration.retention
            else "With her case record"
        )
        if declaration.erasure == ANONYMISE:
            erasure = "Anonymised: " + ", ".join(f"`{name}`" for name in declaration.anonymise)
        else:
            erasure = "Deleted"
        lines.append(
            f"| `{declaration.key}` | {_cell(declaration.label)} | `{declaration.woman}` "
            f"| {retention} | {erasure} |"
        )
    exempt = exemptions()
    if exempt:
        lines += ["", "## Linked to her but holding nothing about her", ""]
        lines += ["| Model | Why |", "|---|---|"]
        lines += [f"| `{key}` | {_cell(reason)} |" for key, reason in sorted(exempt.items())]
    return "\n".join(lines) + "\n"
