"""python manage.py restore FILE: put a backup back, then prove every row came back."""

import os
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from centre.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup` into the configured database and MEDIA_ROOT. "
        "An encrypted backup needs BACKUP_PASSPHRASE."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="The backup file (.tar or .tar.gpg).")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Overwrite a database that already holds data (otherwise it is refused).",
        )

    def handle(self, *args, archive, replace, **options):
        try:
            report = backup_restore(
                archive=Path(archive),
                passphrase=os.environ.get("BACKUP_PASSPHRASE") or None,
                replace=replace,
            )
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"Restored {report.rows} rows in {report.tables} tables and {report.files} files; "
            "every table's row count matches the backup."
        )
