from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.search.index import insert_or_update_object
from wagtail.signals import page_published

from network.models import NetworkDocument
from network.signal_handlers import clear_cached_pages_on_change
from resources.models import ResourcePage


def reindex(pages):
    for page in pages.distinct():
        insert_or_update_object(page)


@receiver(post_save, sender=NetworkDocument)
def reindex_resources_of_changed_document(sender, instance, **kwargs):
    """A document's text is part of the search content of the resources that attach it, as long
    as anyone may open it: a new text, or a move to another collection (which may be
    restricted), changes what they are found by, and what their pages list."""
    moved = not kwargs.get("created") and instance.collection_id != getattr(
        instance, "collection_when_loaded", instance.collection_id
    )
    if getattr(instance, "text_was_extracted", False) or moved:
        reindex(ResourcePage.objects.filter(documents__document=instance))
    if moved:
        clear_cached_pages_on_change()
    instance.collection_when_loaded = instance.collection_id


@receiver(post_save, sender=CollectionViewRestriction)
@receiver(post_delete, sender=CollectionViewRestriction)
def reindex_resources_of_restricted_collection(sender, instance, **kwargs):
    """A restriction added to (or lifted from) a collection takes effect in the search index at
    once, for every resource attaching a document of the collection or of one below it."""
    collections = Collection.objects.filter(path__startswith=instance.collection.path)
    reindex(ResourcePage.objects.filter(documents__document__collection__in=collections))
    clear_cached_pages_on_change()


@receiver(page_published, sender=ResourcePage)
def render_cover_of_published_resource(sender, instance, **kwargs):
    """A resource without a cover image shows its main PDF's first page. A PDF that has none
    yet (uploaded while private, or before covers existed) is rendered when the resource is
    published, within the limits of network/limited_process.py, never during a visitor's request."""
    document = None if instance.cover_image_id else instance.main_pdf()
    if document and document.cover_needs_update():
        document.save()
