from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search.utils import MAX_QUERY_STRING_LENGTH


class DailySearchCount(models.Model):
    """How many public searches asked for one query, in one language, on one day, and how many
    of them found nothing (search/log.py). Nothing about who searched: no address, no user."""

    day = models.DateField(_("day"))
    language = models.CharField(_("language"), max_length=8)
    query = models.CharField(_("query"), max_length=MAX_QUERY_STRING_LENGTH)
    searches = models.PositiveIntegerField(_("searches"), default=0)
    without_results = models.PositiveIntegerField(_("searches that found nothing"), default=0)

    class Meta:
        verbose_name = _("daily search count")
        verbose_name_plural = _("daily search counts")
        constraints = [
            models.UniqueConstraint(
                fields=["day", "language", "query"], name="one_search_count_per_day"
            )
        ]
        indexes = [models.Index(fields=["day"], name="search_count_day_idx")]

    def __str__(self) -> str:
        return f"{self.day} {self.language} {self.query}"


class SearchWord(models.Model):
    """A word of the site's published text in one language, for "Did you mean"
    (search/vocabulary.py): ``word`` folded (lower case, no accents) as searches match it,
    ``spelling`` as the text writes it most often, ``occurrences`` how often."""

    language = models.CharField(_("language"), max_length=8)
    word = models.CharField(_("word"), max_length=64)
    spelling = models.CharField(_("spelling"), max_length=64)
    occurrences = models.PositiveIntegerField(_("occurrences"), default=0)

    class Meta:
        verbose_name = _("search word")
        verbose_name_plural = _("search words")
        constraints = [
            models.UniqueConstraint(
                fields=["language", "word"], name="one_search_word_per_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.language} {self.spelling}"
