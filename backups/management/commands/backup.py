from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from backups.archive import ArchiveError
from backups.backup import BackupError, make_backup


class Command(BaseCommand):
    help = gettext_lazy(
        "Write one archive (.tar.gz) holding the database, every media file and a manifest; "
        "`manage.py restore` puts it back into an empty database, SQLite or PostgreSQL."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help=gettext_lazy("The archive to write, e.g. site.tar.gz"))
        parser.add_argument(
            "--overwrite",
            action="store_true",
            help=gettext_lazy("Replace an existing file at PATH (only once the new one is done)."),
        )

    def handle(self, *args, path, overwrite, **options):
        try:
            make_backup(path, log=self.stdout.write, overwrite=overwrite)
        except (BackupError, ArchiveError) as error:
            raise CommandError(str(error)) from error
        except FileExistsError as error:
            raise CommandError(
                _("%(path)s appeared while the backup was being written; it was left as it is.")
                % {"path": error}
            ) from error
        self.stdout.write(self.style.SUCCESS(_("Backup complete.")))
