from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from static_archive.builder import ArchiveBuilder, BuildError


class Command(BaseCommand):
    help = gettext_lazy(
        "Render every live page in every language, with its documents, images, feeds, sitemap "
        "and calendars, into plain files for any static host, with a search that needs no "
        "server (Pagefind)."
    )

    def add_arguments(self, parser):
        parser.add_argument("outdir", help=gettext_lazy("The folder to write the archive into."))
        parser.add_argument(
            "--base-url",
            help=gettext_lazy(
                "Write links as absolute URLs from this address (e.g. "
                "https://archive.example.org/network/) instead of relative ones. Feeds, the "
                "sitemap and calendars need it to be valid outside the archive."
            ),
        )
        parser.add_argument(
            "--overwrite",
            action="store_true",
            help=gettext_lazy(
                "Replace an existing archive in OUTDIR (only once the new one is done)."
            ),
        )

    def handle(self, *args, outdir, base_url, overwrite, **options):
        try:
            builder = ArchiveBuilder(base_url=base_url, log=self.stdout.write)
            report = builder.build(outdir, overwrite=overwrite)
        except BuildError as error:
            raise CommandError(str(error)) from error
        for url, (status, referrers) in sorted(report.broken.items()):
            self.stderr.write(
                _("Not archived (HTTP %(status)s): %(url)s, linked from %(pages)s")
                % {"status": status, "url": url, "pages": ", ".join(referrers) or "-"}
            )
        self.stdout.write(
            self.style.SUCCESS(
                _("Archive written to %(outdir)s: %(files)s files, %(pages)s pages.")
                % {"outdir": outdir, "files": report.files, "pages": report.pages}
            )
        )
