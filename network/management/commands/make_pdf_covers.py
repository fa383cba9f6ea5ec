from typing import Any

from django.core.management.base import BaseCommand

from network.models import NetworkDocument


class Command(BaseCommand):
    help = (
        "Give every PDF anyone may open a cover rendered from its first page, and remove the "
        "covers of documents now private. Documents uploaded before covers existed, or while "
        "private, get theirs; a PDF already rendered is not rendered again."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        rendered = failed = removed = 0
        for document in NetworkDocument.objects.order_by("pk"):
            if not document.cover_needs_update():
                continue
            had_cover = document.cover_id is not None
            document.save()
            if document.cover_id:
                rendered += 1
            elif document.cover_from_hash:
                failed += 1
            elif had_cover:
                removed += 1
        self.stdout.write(
            f"Covers rendered: {rendered}; PDFs that could not be rendered (see the warnings): "
            f"{failed}; covers of private documents removed: {removed}."
        )
