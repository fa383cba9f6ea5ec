"""Where each page and snippet stands in each language it was not written in.

The original of a page or snippet is the instance wagtail-localize translates from (its first
TranslationSource), or, for content never submitted for translation, the oldest instance. For
each other content language a row says whether the translation is:

- missing: there is none, or only an alias that shows the original;
- in progress: segments are still untranslated in wagtail-localize's editor;
- out of date: the original was published (a snippet: changed) after the translation was last
  synced; for a translation edited by hand, after the translation was last published;
- up to date.

The rows are read in a fixed number of queries, whatever the number of pages.
"""

import json
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Count, F
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel, get_serializable_data_for_fields
from wagtail.coreutils import get_content_languages
from wagtail.models import Page, get_translatable_models
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from network.i18n import language_codes_by_locale

# The pages right under a home page (library, events, about...) are the site's sections.
SECTION_DEPTH = 3


class Status(models.TextChoices):
    MISSING = "missing", _("Missing")
    IN_PROGRESS = "in_progress", _("In progress")
    OUT_OF_DATE = "out_of_date", _("Out of date")
    UP_TO_DATE = "up_to_date", _("Up to date")


class Action(models.TextChoices):
    TRANSLATE = "translate", _("Translate")
    CONTINUE = "continue", _("Translate")
    SYNC = "sync", _("Sync")
    EDIT = "edit", _("Edit")


@dataclass
class StatusRow:
    original: "LanguageVersion"
    target: "LanguageVersion | None"
    kind: "ContentKind"
    target_language: str
    status: Status
    # Percentage of segments translated, for translations made in wagtail-localize's editor.
    progress: int | None
    action: Action
    source_pk: int | None = None

    @property
    def title(self):
        return self.original.title

    @property
    def kind_name(self):
        return kind_name(self.original)

    @property
    def section(self):
        return self.kind.section

    @property
    def section_label(self):
        return self.kind.section_label

    @property
    def source_language(self):
        return self.original.language

    @property
    def published(self):
        return bool(self.target and not self.target.is_alias and self.target.live)

    @property
    def status_label(self):
        if self.status == Status.IN_PROGRESS:
            return _("In progress (%(progress)s%%)") % {"progress": self.progress}
        return self.status.label

    @property
    def source_language_name(self):
        return get_content_languages().get(self.source_language, self.source_language)

    @property
    def target_language_name(self):
        return get_content_languages().get(self.target_language, self.target_language)

    @property
    def published_label(self):
        return _("Yes") if self.published else _("No")

    # URLs are built for the rows shown, not for every row of a big site.
    @property
    def original_url(self):
        return self.kind.admin_url(self.original)

    @property
    def action_url(self):
        if self.action == Action.SYNC:
            return reverse("wagtail_localize:update_translations", args=[self.source_pk])
        if self.target is None:
            return self.kind.translate_url(self.original)
        # An alias's edit view offers to translate it.
        return self.kind.admin_url(self.target)

    @property
    def action_label(self):
        return self.action.label


@dataclass
class LanguageVersion:
    """One page or snippet in one language."""

    pk: object
    title: str
    language: str
    is_alias: bool = False
    live: bool = True
    last_published_at: object = None
    path: str = ""
    content_type_id: int | None = None
    obj: object = None


@dataclass
class ContentKind:
    """How rows of one kind of content (pages, or one snippet model) are described and linked."""

    section: str
    section_label: str
    admin_url: object  # LanguageVersion -> URL of its edit view
    translate_url: object  # original LanguageVersion -> URL to submit it for translation
    changed_since_sync: object  # (original LanguageVersion, source values) -> bool
    # (original LanguageVersion, target LanguageVersion) -> bool
    changed_since_published: object


class LocalizeProgress:
    """wagtail-localize's sources, translations and segment counts, read once."""

    def __init__(self):
        self.languages = language_codes_by_locale()
        self.sources = {}
        for source in TranslationSource.objects.order_by("created_at", "pk").values(
            "pk", "object_id", "locale_id", "last_updated_at", "content_json"
        ):
            # Translating back into the original's language adds a second source; the first
            # one stays the original.
            self.sources.setdefault(source["object_id"], source)
        self.enabled = {
            (source_id, self.languages[locale_id]): enabled
            for source_id, locale_id, enabled in Translation.objects.values_list(
                "source_id", "target_locale_id", "enabled"
            )
        }
        self.segments = dict(
            StringSegment.objects.order_by()
            .values("source_id")
            .annotate(count=Count("pk"))
            .values_list("source_id", "count")
        )
        self.translated = {
            (source_id, self.languages[locale_id]): count
            for source_id, locale_id, count in StringSegment.objects.filter(
                string__translations__context_id=F("context_id"),
                string__translations__has_error=False,
            )
            .order_by()
            .values("source_id", "string__translations__locale_id")
            .annotate(count=Count("pk"))
            .values_list("source_id", "string__translations__locale_id", "count")
        }

    def percentage(self, source_id, language):
        total = self.segments.get(source_id, 0)
        if not total:
            return 100
        return self.translated.get((source_id, language), 0) * 100 // total


def status_rows():
    """Every row of the report, by section, title and language."""
    progress = LocalizeProgress()
    rows = [*page_rows(progress), *snippet_rows(progress)]
    rows.sort(key=lambda row: (row.section_label.casefold(), row.title.casefold()))
    return rows


def rows_for(key, instances, progress, kind):
    original = find_original(key, instances, progress)
    by_language = {instance.language: instance for instance in instances}
    source = progress.sources.get(key)
    if source is not None and progress.languages[source["locale_id"]] != original.language:
        source = None
    for language in get_content_languages():
        if language == original.language:
            continue
        target = by_language.get(language)
        enabled = source is not None and progress.enabled.get((source["pk"], language))
        percentage = None
        if target is None or target.is_alias:
            status, action = Status.MISSING, Action.TRANSLATE
        elif enabled:
            percentage = progress.percentage(source["pk"], language)
            if kind.changed_since_sync(original, source):
                status, action = Status.OUT_OF_DATE, Action.SYNC
            elif percentage < 100:
                status, action = Status.IN_PROGRESS, Action.CONTINUE
            else:
                status, action = Status.UP_TO_DATE, Action.EDIT
        elif kind.changed_since_published(original, target):
            status, action = Status.OUT_OF_DATE, Action.EDIT
        else:
            status, action = Status.UP_TO_DATE, Action.EDIT
        yield StatusRow(
            original=original,
            target=target,
            kind=kind,
            target_language=language,
            status=status,
            progress=percentage,
            action=action,
            source_pk=source["pk"] if source else None,
        )


def find_original(key, instances, progress):
    source = progress.sources.get(key)
    if source is not None:
        source_language = progress.languages[source["locale_id"]]
        for instance in instances:
            if instance.language == source_language and not instance.is_alias:
                return instance
    candidates = [instance for instance in instances if not instance.is_alias] or instances
    return min(candidates, key=lambda instance: str(instance.pk).zfill(20))


def kind_name(instance):
    if instance.content_type_id:
        return ContentType.objects.get_for_id(instance.content_type_id).name.capitalize()
    return instance.obj._meta.verbose_name.capitalize()


# --- Pages ------------------------------------------------------------------------------------


def page_groups(languages):
    groups = {}
    for page in Page.objects.filter(depth__gt=1).values(
        "pk",
        "title",
        "translation_key",
        "locale_id",
        "alias_of_id",
        "live",
        "last_published_at",
        "path",
        "content_type_id",
    ):
        groups.setdefault(page["translation_key"], []).append(
            LanguageVersion(
                pk=page["pk"],
                title=page["title"],
                language=languages[page["locale_id"]],
                is_alias=page["alias_of_id"] is not None,
                live=page["live"],
                last_published_at=page["last_published_at"],
                path=page["path"],
                content_type_id=page["content_type_id"],
            )
        )
    return groups


def section_labels(groups):
    """``{path of a section page: (section key, label)}``, a section page being a home page or a
    page right under one. Translations of a section share its key (their translation key) and
    its label (the title in the active language, else the original's)."""
    active = get_language()
    sections = {}
    for key, instances in groups.items():
        tops = [i for i in instances if len(i.path) <= Page.steplen * SECTION_DEPTH]
        if not tops:
            continue
        label = next((i.title for i in tops if i.language == active), tops[0].title)
        for instance in tops:
            sections[instance.path] = (str(key), label)
    return sections


def page_rows(progress):
    groups = page_groups(progress.languages)
    sections = section_labels(groups)

    def admin_url(instance):
        return reverse("wagtailadmin_pages:edit", args=[instance.pk])

    for key, instances in groups.items():
        original = find_original(key, instances, progress)
        section, section_label = sections.get(
            original.path[: Page.steplen * SECTION_DEPTH], ("", "")
        )
        kind = ContentKind(
            section=section,
            section_label=section_label,
            admin_url=admin_url,
            translate_url=lambda original: reverse(
                "wagtail_localize:submit_page_translation", args=[original.pk]
            ),
            changed_since_sync=lambda original, source: published_after(
                original, source["last_updated_at"]
            ),
            changed_since_published=lambda original, target: published_after(
                original, target.last_published_at
            ),
        )
        yield from rows_for(key, instances, progress, kind)


def published_after(page, moment):
    return bool(page.last_published_at and (moment is None or page.last_published_at > moment))


# --- Snippets ---------------------------------------------------------------------------------


def translatable_snippet_models():
    snippets = set(get_snippet_models())
    return [
        model
        for model in get_translatable_models()
        if model in snippets
        and not any(isinstance(field, ParentalKey) for field in model._meta.get_fields())
    ]


def snippet_section(model):
    return f"snippets:{model._meta.label_lower}"


def snippet_content_json(obj):
    """The snippet's content as wagtail-localize stores it in a TranslationSource."""
    if isinstance(obj, ClusterableModel):
        return obj.to_json()
    return json.dumps(get_serializable_data_for_fields(obj), cls=DjangoJSONEncoder)


def snippet_rows(progress):
    for model in translatable_snippet_models():
        groups = {}
        for obj in model.objects.all():
            groups.setdefault(obj.translation_key, []).append(
                LanguageVersion(
                    pk=obj.pk, title=str(obj), language=progress.languages[obj.locale_id], obj=obj
                )
            )
        label = model._meta

        def admin_url(instance, meta=label):
            return reverse(
                f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", args=[instance.pk]
            )

        kind = ContentKind(
            section=snippet_section(model),
            section_label=label.verbose_name_plural.capitalize(),
            admin_url=admin_url,
            translate_url=lambda original, meta=label: reverse(
                "wagtail_localize:submit_snippet_translation",
                args=[meta.app_label, meta.model_name, original.pk],
            ),
            changed_since_sync=lambda original, source: (
                json.loads(snippet_content_json(original.obj)) != json.loads(source["content_json"])
            ),
            # Snippets keep no dates: a translation edited by hand cannot be compared.
            changed_since_published=lambda original, target: False,
        )
        for key, instances in groups.items():
            yield from rows_for(key, instances, progress, kind)
