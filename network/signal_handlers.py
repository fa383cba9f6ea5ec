"""Cached site-wide data (the menus and footers, whole public pages) dropped when what it was
built from changes."""

from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from network.content_cache import new_generation
from network.images import prepare_renditions
from network.models import NetworkDocument, Partner, Place, SiteLinks, Topic
from network.restrictions import forget_restrictions


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
@receiver(post_delete, sender=Page)
@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
@receiver(post_save, sender=Topic)
@receiver(post_delete, sender=Topic)
@receiver(post_save, sender=Place)
@receiver(post_delete, sender=Place)
@receiver(post_save, sender=Partner)
@receiver(post_delete, sender=Partner)
@receiver(post_save, sender=SiteLinks)
@receiver(post_delete, sender=SiteLinks)
@receiver(post_save, sender=get_image_model())
@receiver(post_delete, sender=get_image_model())
def clear_cached_pages_on_change(**kwargs: Any) -> None:
    # Now, and again after the commit: a request in between would cache the old data again.
    new_generation()
    transaction.on_commit(new_generation)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def forget_restrictions_on_change(**kwargs: Any) -> None:
    forget_restrictions()


@receiver(post_save, sender=get_image_model())
def prepare_renditions_on_save(instance: AbstractImage, **kwargs: Any) -> None:
    transaction.on_commit(lambda: prepare_renditions(instance))


@receiver(post_save, sender=CollectionViewRestriction)
def delete_covers_of_restricted_documents(
    instance: CollectionViewRestriction, **kwargs: Any
) -> None:
    """Only a document anyone may open has a cover: a restriction deletes the covers of the
    documents in its collection and below at once. (Lifting it gives them none until their
    resources are published again or ``make_pdf_covers`` runs: rendering every PDF of a large
    collection could outlast the editor's request.)"""
    documents = NetworkDocument.objects.filter(
        collection__path__startswith=instance.collection.path, cover__isnull=False
    )
    for document in documents:
        document.save()


@receiver(post_delete, sender=NetworkDocument)
def delete_cover_of_deleted_document(instance: NetworkDocument, **kwargs: Any) -> None:
    if instance.cover_id:
        get_image_model().objects.filter(pk=instance.cover_id).delete()
