"""python manage.py backup [--output DIR]: the database and every uploaded file in one archive."""

import os
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from centre.backup import BackupError, backup_create


class Command(BaseCommand):
    help = (
        "Back up the database and uploaded files to a timestamped archive. Set BACKUP_PASSPHRASE "
        "to encrypt it with GnuPG (AES-256)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", default="backups", help="Folder for the archive.")
        parser.add_argument(
            "--plain",
            action="store_true",
            help="Write an unencrypted archive even when BACKUP_PASSPHRASE is set.",
        )

    def handle(self, *args, output, plain, **options):
        passphrase = None if plain else os.environ.get("BACKUP_PASSPHRASE") or None
        try:
            archive = backup_create(output=Path(output), passphrase=passphrase)
        except BackupError as error:
            raise CommandError(str(error)) from None
        state = "encrypted" if passphrase else "NOT encrypted: keep it somewhere safe"
        self.stdout.write(f"Backup written to {archive} ({state}).")
