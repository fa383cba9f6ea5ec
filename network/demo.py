"""Building blocks for the ``load_demo`` command: create a page once, and publish its translation
through wagtail-localize exactly as an editor's PO upload would; snippets are translated the same
way. A page made by an older demo gets what the current one adds (``ensure_child_page_with``)."""

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

    ``catalogue`` maps every source string of the page to its translation; a string without one
    is an error rather than a half-translated page. An alias in ``locale`` (as member profiles
    get) becomes the translation. With ``refresh``, an existing translation is brought up to
    date with the page, as after an editor's "Sync translated pages".
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
            f"No {locale.language_code} text for these strings of “{instance}”: {missing}"
        )
    for entry in po:
        entry.msgstr = catalogue[entry.msgid]
    translation.import_po(po, tool_name="load_demo")
    return translation
