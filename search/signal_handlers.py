from django.dispatch import receiver
from wagtail.signals import page_published

from network.restrictions import is_public
from search.vocabulary import add_words, page_words


@receiver(page_published)
def add_published_words(sender, instance, **kwargs):
    """A published page's words join its language's vocabulary at once, for "Did you mean";
    ``build_search_vocabulary`` rebuilds it nightly, forgetting those of removed pages."""
    if is_public(instance):
        add_words(instance.locale.language_code, page_words(instance))
