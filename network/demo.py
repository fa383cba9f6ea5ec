"""Building blocks for the ``load_demo`` command: create a page once, and publish its translation
through wagtail-localize exactly as an editor's PO upload would."""

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

    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    po = source.export_po()
    missing = [entry.msgid for entry in po if entry.msgid not in catalogue]
    if missing:
        raise MissingDemoTranslation(
            f"No {locale.language_code} text for these strings of “{page.title}”: {missing}"
        )
    for entry in po:
        entry.msgstr = catalogue[entry.msgid]
    translation.import_po(po, tool_name="load_demo")
    # save_target(publish=True) would publish when the transaction commits, from the page as it
    # was then, losing any child pages added in the meantime (and never, inside a test's
    # transaction). Saving a draft and publishing it at once avoids both.
    translation.save_target(publish=False)
    translated = page.get_translation(locale).specific
    translated.get_latest_revision().publish()
    return translated, True
