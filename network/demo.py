"""Building blocks for the ``load_demo`` command: create a page once, and publish its translation
through wagtail-localize exactly as an editor's PO upload would; snippets are translated the same
way."""

from wagtail_localize.models import Translation, TranslationSource


class MissingDemoTranslation(Exception):
    pass


def ensure_child_page(parent, page_class, slug, **fields):
    """Return ``(page, created)``; an existing page with this slug is left as it is."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific, False
    page = page_class(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def ensure_translation(page, locale, catalogue):
    """Return ``(translated_page, created)``.

    ``catalogue`` maps every source string of the page to its translation; a string without one
    is an error rather than a half-translated page.
    """
    existing = page.get_translation_or_none(locale)
    if existing is not None and existing.live:
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
    source, _ = TranslationSource.get_or_create_from_instance(instance)
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    po = source.export_po()
    missing = [entry.msgid for entry in po if entry.msgid not in catalogue]
    if missing:
        raise MissingDemoTranslation(
            f"No {locale.language_code} text for these strings of “{instance}”: {missing}"
        )
    for entry in po:
        entry.msgstr = catalogue[entry.msgid]
    translation.import_po(po, tool_name="load_demo")
    return translation
