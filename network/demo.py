"""Building blocks for the ``load_demo`` command: read an app's demo data file, create a page
once, and publish its translation through wagtail-localize exactly as an editor's PO upload would;
snippets are translated the same way. A page made by an older demo gets what the current one adds
(``ensure_child_page_with``).

A data file (``<app>/demo_data/*.yaml``) gives each text as a pair, ``{en: ..., es: ...}``, so
that every sentence is written once in each language. ``load_demo_data`` hands the builders the
file's content with each pair replaced by its English, and the English to Spanish catalogue that
the translations are filled from."""

from dataclasses import dataclass
from pathlib import Path

import yaml
from django.conf import settings
from wagtail_localize.models import Translation, TranslationSource

LANGUAGES = {"en", "es"}


class DemoDataError(Exception):
    """A data file the demo cannot be built from; the message names the file and the item."""


class MissingDemoTranslation(DemoDataError):
    pass


class Catalogue(dict):
    """Source strings and their translations, with the data file they come from."""

    def __init__(self, translations, origin):
        super().__init__(translations)
        self.origin = origin


@dataclass(frozen=True)
class DemoData:
    """A data file's content, each pair replaced by its English, and the Spanish of each."""

    content: object
    catalogue: Catalogue

    def catalogue_with(self, translations):
        """The file's catalogue and ``translations``, strings the builder composes itself."""
        return Catalogue({**self.catalogue, **translations}, self.catalogue.origin)


def load_demo_data(path):
    """The demo data file at ``path``, its pairs checked: each has its English and its Spanish,
    and an English text has the same Spanish wherever it stands."""
    path = Path(path)
    origin = (
        str(path.relative_to(settings.BASE_DIR))
        if path.is_relative_to(settings.BASE_DIR)
        else str(path)
    )
    try:
        with path.open(encoding="utf-8") as file:
            raw = yaml.safe_load(file)
    except yaml.YAMLError as error:
        raise DemoDataError(f"{origin} is not valid YAML: {error}") from error
    spanish = {}
    content = _in_english(raw, origin, [], spanish)
    return DemoData(content, Catalogue(spanish, origin))


def _in_english(value, origin, where, spanish):
    """``value`` with each of its pairs replaced by the English, the Spanish added to
    ``spanish``; ``where`` is the path to ``value`` in the file, for error messages."""
    if isinstance(value, dict) and value.keys() & LANGUAGES:
        return _english_of_pair(value, origin, where, spanish)
    if isinstance(value, dict):
        return {
            key: _in_english(item, origin, [*where, str(key)], spanish)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [
            _in_english(item, origin, [*where, _item_name(item, position)], spanish)
            for position, item in enumerate(value, start=1)
        ]
    return value


def _item_name(item, position):
    """A list item by its slug where it has one (in English), else by its position."""
    slug = item.get("slug") if isinstance(item, dict) else None
    if isinstance(slug, dict):
        slug = slug.get("en")
    return f"“{slug}”" if isinstance(slug, str) else f"item {position}"


def _english_of_pair(pair, origin, where, spanish):
    english, translation = pair.get("en"), pair.get("es")
    if pair.keys() - LANGUAGES:
        problem = f"has keys other than en and es: {sorted(pair.keys() - LANGUAGES)}"
    elif not isinstance(english, str) or not english:
        problem = "has no English text (en)"
    elif not isinstance(translation, str) or not translation:
        problem = "has no Spanish text (es)"
    elif spanish.get(english, translation) != translation:
        problem = f"has two Spanish texts in the file: “{spanish[english]}” and “{translation}”"
    else:
        spanish[english] = translation
        return english
    raise DemoDataError(f"{origin}, {' › '.join(where)}: “{english or translation}” {problem}")


def stream_body(blocks):
    """StreamField data for a page's body from a data file's blocks: ``heading`` (a section
    heading), ``paragraphs`` or ``list`` (rich text, see ``rich_text``), ``quote``."""
    body = []
    for block in blocks:
        ((kind, value),) = block.items()
        if kind == "heading":
            body.append(("heading", {"text": value, "level": "h2"}))
        elif kind == "quote":
            body.append(("quote", value))
        else:
            body.append(("paragraph", rich_text(block)))
    return body


def rich_text(value):
    """Rich text from ``{"paragraphs": [...]}`` or ``{"list": [...]}``. wagtail-localize
    translates rich text a paragraph or list item at a time, so a data file pairs each one."""
    ((kind, texts),) = value.items()
    if kind == "list":
        return "<ul>" + "".join(f"<li>{text}</li>" for text in texts) + "</ul>"
    return "".join(f"<p>{text}</p>" for text in texts)


def ensure_child_page(parent, page_class, slug, **fields):
    """Return ``(page, created)``; an existing page with this slug is left as it is."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific, False
    page = page_class(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def ensure_child_page_with(parent, page_class, slug, details, **fields):
    """Return ``(page, state)``, ``state`` being "created", "updated" or "exists": as
    ``ensure_child_page``, but an existing page made by an older demo, which has none of
    ``details`` (fields the current demo adds), is given them."""
    page, created = ensure_child_page(parent, page_class, slug, **fields, **details)
    if created:
        return page, "created"
    return page, "updated" if _fill_in(page, **details) else "exists"


def _fill_in(page, **fields):
    """Give a page of an older demo the fields the current demo adds, and publish it: only if it
    has none of them yet, so that what an editor wrote stays. Returns whether it changed."""
    if any(_has_value(getattr(page, name)) for name in fields):
        return False
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return True


def _has_value(value):
    if hasattr(value, "all"):  # child objects (speakers) or a many-to-many field (topics)
        return len(value.all()) > 0
    return bool(value)


def ensure_translation(page, locale, catalogue, refresh=False):
    """Return ``(translated_page, changed)``.

    ``catalogue`` (a ``Catalogue``) maps every source string of the page to its translation; a
    string without one is an error rather than a half-translated page. An alias in ``locale``
    (as member profiles get) becomes the translation. With ``refresh``, an existing translation
    is brought up to date with the page, as after an editor's "Sync translated pages".
    """
    existing = page.get_translation_or_none(locale)
    if existing is not None and existing.live and existing.alias_of_id is None and not refresh:
        return existing.specific, False

    translation = _import_catalogue(page, locale, catalogue)
    # save_target(publish=True) would publish when the transaction commits, from the page as it
    # was then, losing any child pages added in the meantime (and never, inside a test's
    # transaction). Saving a draft and publishing it at once avoids both.
    translation.save_target(publish=False)
    translated = page.get_translation(locale).specific
    translated.get_latest_revision().publish()
    return translated, True


def ensure_snippet_translation(instance, locale, catalogue):
    """Return ``(translated_instance, created)`` for a translatable snippet, such as a topic.

    As for pages, ``catalogue`` must translate every source string. An instance that points to
    another translatable snippet (a city to its country) needs that one translated first.
    """
    existing = instance.get_translation_or_none(locale)
    if existing is not None:
        return existing, False

    # Snippets without draft state are saved directly, so there is no commit to wait for.
    _import_catalogue(instance, locale, catalogue).save_target()
    return instance.get_translation(locale), True


def _import_catalogue(instance, locale, catalogue):
    """The wagtail-localize translation of ``instance`` into ``locale``, with every string of its
    PO file filled from ``catalogue``, ready to be saved."""
    # Updated from the instance, which may have changed since it was first translated.
    source, _ = TranslationSource.update_or_create_from_instance(instance)
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    po = source.export_po()
    missing = [entry.msgid for entry in po if entry.msgid not in catalogue]
    if missing:
        raise MissingDemoTranslation(
            f"{catalogue.origin}: no {locale.language_code} text for these strings of "
            f"“{instance}”: {missing}"
        )
    for entry in po:
        entry.msgstr = catalogue[entry.msgid]
    translation.import_po(po, tool_name="load_demo")
    return translation
