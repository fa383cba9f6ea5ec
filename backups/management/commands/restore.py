from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from backups.restore import RestoreError, restore_backup


class Command(BaseCommand):
    help = gettext_lazy(
        "Restore an archive written by `manage.py backup` into an empty, freshly migrated "
        "database and an empty MEDIA_ROOT. The archive is checked in full first; a damaged "
        "archive or a non-empty target is refused before anything changes."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help=gettext_lazy("The archive to restore"))
        parser.add_argument(
            "--skip-index",
            action="store_true",
            help=gettext_lazy(
                "Do not rebuild the database search index afterwards (run `manage.py "
                "update_index` yourself)."
            ),
        )

    def handle(self, *args, path, skip_index, **options):
        try:
            restore_backup(path, log=self.stdout.write, update_index=not skip_index)
        except RestoreError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(_("Restore complete.")))
