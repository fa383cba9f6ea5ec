from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.search.index import insert_or_update_object

from network.models import NetworkDocument
from resources.models import ResourcePage


@receiver(post_save, sender=NetworkDocument)
def reindex_resources_of_replaced_document(sender, instance, **kwargs):
    """A document's text is part of the search content of the resources that attach it."""
    if getattr(instance, "text_was_extracted", False):
        for page in ResourcePage.objects.filter(documents__document=instance).distinct():
            insert_or_update_object(page)
