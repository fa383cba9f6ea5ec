"""Cached site-wide data dropped when the pages or sites it was built from change."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from network.navigation import clear_menus


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
@receiver(post_delete, sender=Page)
@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def clear_cached_menus(**kwargs):
    # Now, and again after the commit: a request in between would cache the old menu again.
    clear_menus()
    transaction.on_commit(clear_menus)
