"""Restoring a backup into an empty, freshly migrated database and an empty media folder.

The order is what makes a refused or failed restore harmless:

1. Read the whole archive and check it (``archive.verify_archive``): readable to the end of its
   gzip stream, a manifest of a known format, every member listed with the same size and
   SHA-256, nothing unlisted, no unsafe name. Then check that the target database is migrated,
   that the archive fits this site (the same applied migrations, only models this site has),
   and that the target is empty: no content in the database, no file in ``MEDIA_ROOT``.
   Until here nothing has been written anywhere.
2. In one transaction: delete the rows ``migrate`` created, create any missing content types,
   load every data file, copy the media files, move PostgreSQL's sequences past the loaded ids,
   check every foreign key. Any error rolls the transaction back and deletes the media files
   copied so far.
3. After the commit: clear the whole cache (menus, cached pages, Wagtail's site root paths, all
   from the database the restore replaced) and rebuild the database search index
   (``update_index``; ``--skip-index`` leaves that to the operator, as does Elasticsearch).
"""

import contextlib
import json
import os
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.utils.translation import gettext as _

from backups import data
from backups.archive import (
    CONTENT_TYPES,
    DATA_PREFIX,
    MEDIA_PREFIX,
    ArchiveError,
    read_members,
    verify_archive,
)


def _nothing_changed():
    return _("Nothing was changed.")


class RestoreError(Exception):
    """A restore that was refused or undone; the message says why, for the operator."""


def _check_against_site(manifest, using):
    """The archive must come from this version of the site's code (same migrations)."""
    known = {model._meta.label_lower for model in data.backed_up_models()}
    unknown = sorted({entry["model"] for entry in manifest["data_files"]} - known)
    if unknown:
        raise RestoreError(
            _(
                "The archive holds data of models this site does not have (%(models)s): it was "
                "made by another version of the site."
            )
            % {"models": ", ".join(unknown)}
        )
    archived = {tuple(item) for item in manifest["migrations"] if isinstance(item, list)}
    here = {tuple(item) for item in data.applied_migrations(using)}
    if archived != here:
        only_archive = sorted(".".join(m) for m in archived - here)
        only_here = sorted(".".join(m) for m in here - archived)
        raise RestoreError(
            _(
                "The archive was made by another version of the site: its database schema "
                "differs (only in the archive: %(archive)s; only here: %(here)s). Restore it with "
                "the version of the site that made it (Django %(django)s, Wagtail %(wagtail)s, "
                "made %(created_at)s), then upgrade and migrate."
            )
            % {
                "archive": ", ".join(only_archive[:5]) or "-",
                "here": ", ".join(only_here[:5]) or "-",
                "django": manifest["versions"].get("django"),
                "wagtail": manifest["versions"].get("wagtail"),
                "created_at": manifest["created_at"],
            }
        )


def _check_migrated(using):
    unapplied = data.unapplied_migrations(using)
    if unapplied:
        raise RestoreError(
            _(
                "The database is not migrated (%(count)d migrations to apply, e.g. %(first)s). "
                "Run `manage.py migrate` on the new, empty database first, then restore."
            )
            % {"count": len(unapplied), "first": unapplied[0]}
        )


def _check_target(media_root, using):
    non_empty = data.non_empty_models(using)
    if non_empty:
        raise RestoreError(
            _(
                "The database is not empty: it has rows in %(models)s. A restore replaces a whole "
                "site, so it only goes into a new database: create an empty database, point "
                "DATABASE_URL at it, run `manage.py migrate`, then restore again."
            )
            % {"models": ", ".join(non_empty[:8]) + (", …" if len(non_empty) > 8 else "")}
        )
    if media_root.exists() and not media_root.is_dir():
        raise RestoreError(
            _("MEDIA_ROOT (%(media_root)s) is not a folder.") % {"media_root": media_root}
        )
    for directory, dirnames, filenames in os.walk(media_root):
        entries = filenames + [d for d in dirnames if (Path(directory) / d).is_symlink()]
        if entries:
            example = (Path(directory) / entries[0]).relative_to(media_root)
            raise RestoreError(
                _(
                    "MEDIA_ROOT (%(media_root)s) already holds files, e.g. %(example)s. Restore "
                    "into an empty media folder: point MEDIA_ROOT at a new folder, then restore "
                    "again."
                )
                % {"media_root": media_root, "example": example}
            )


class _MediaWriter:
    """Writes media files under MEDIA_ROOT, remembering what it created so that a failed
    restore can remove it all."""

    def __init__(self, media_root):
        self.root = media_root
        self.created_files = []
        self.created_dirs = []
        self.bytes = 0
        self._make_dirs(media_root)

    def _make_dirs(self, directory):
        missing = []
        while not directory.exists():
            missing.append(directory)
            directory = directory.parent
        for path in reversed(missing):
            path.mkdir()
            self.created_dirs.append(path)

    def write(self, name, stream):
        relative = name.removeprefix(MEDIA_PREFIX)
        target = self.root / relative
        self._make_dirs(target.parent)
        # Defence in depth: names were checked, but a folder could be a link elsewhere.
        if not target.parent.resolve().is_relative_to(self.root.resolve()):
            raise ArchiveError(
                _("The archive contains an unsafe file name, %(name)s: it is refused.")
                % {"name": name}
            )
        with target.open("xb") as file:
            self.created_files.append(target)
            while chunk := stream.read(1024 * 1024):
                file.write(chunk)
                self.bytes += len(chunk)

    def remove_all(self):
        """Remove every file and folder this restore created (MEDIA_ROOT too, if it did)."""
        for path in reversed(self.created_files):
            path.unlink(missing_ok=True)
        for path in reversed(self.created_dirs):
            with contextlib.suppress(OSError):
                path.rmdir()


def _search_backends():
    """``(database backend aliases, other aliases)`` of WAGTAILSEARCH_BACKENDS."""
    database, other = [], []
    for alias, config in getattr(settings, "WAGTAILSEARCH_BACKENDS", {}).items():
        (database if config.get("BACKEND", "").endswith("database") else other).append(alias)
    return database, other


def _verify(path, media_root, using, log):
    """Every check that comes before a change; returns the manifest."""
    connection = connections[using]
    manifest = verify_archive(path)
    log(
        "  "
        + _(
            "intact: %(members)d files, made %(created_at)s from %(vendor)s with Django "
            "%(django)s, Wagtail %(wagtail)s."
        )
        % {
            "members": len(manifest["members"]),
            "created_at": manifest["created_at"],
            "vendor": manifest["database"].get("vendor"),
            "django": manifest["versions"].get("django"),
            "wagtail": manifest["versions"].get("wagtail"),
        }
    )
    _check_migrated(using)
    _check_against_site(manifest, using)
    _check_target(media_root, using)
    log(
        "  "
        + _("The %(vendor)s database and MEDIA_ROOT (%(media_root)s) are empty.")
        % {"vendor": connection.vendor, "media_root": media_root}
    )

    return manifest


def _load(path, manifest, media, using, log):
    """Replace the database's rows with the archive's and copy its media files; inside the
    caller's transaction. Returns the number of rows loaded per model."""
    connection = connections[using]
    models = data.backed_up_models()
    by_label = {model._meta.label_lower: model for model in models}
    data_files = {entry["name"]: entry for entry in manifest["data_files"]}
    loaded = {}

    data.clear_tables(models, using)
    for name, stream in read_members(path, manifest):
        if name == CONTENT_TYPES:
            created = data.ensure_content_types(json.load(stream), using)
            if created:
                log("  " + _("content types and permissions added: %(count)d") % {"count": created})
        elif name.startswith(DATA_PREFIX):
            entry = data_files.get(name)
            if entry is None:
                raise ArchiveError(
                    _("The archive's manifest does not describe %(name)s.") % {"name": name}
                )
            label = entry["model"]
            count = data.load_model(
                stream,
                by_label[label],
                using=using,
                progress=lambda n, label=label: log(f"  {label}: {n}…"),
            )
            if count != entry["count"]:
                raise ArchiveError(
                    _("%(name)s holds %(found)d rows, but the manifest says %(expected)d.")
                    % {"name": name, "found": count, "expected": entry["count"]}
                )
            loaded[name] = count
            log(f"  {label}: {count}")
        else:
            media.write(name, stream)
            if len(media.created_files) % 1000 == 0:
                log("  " + _("media files: %(count)d…") % {"count": len(media.created_files)})
    missing = sorted(set(data_files) - set(loaded))
    if missing:
        raise ArchiveError(
            _("Files listed in the archive's manifest are missing: %(names)s.")
            % {"names": ", ".join(missing[:5])}
        )
    log(
        "  "
        + _("media files: %(count)d (%(bytes)s bytes)")
        % {"count": len(media.created_files), "bytes": media.bytes}
    )
    if data.reset_sequences(models, using):
        log("  " + _("id sequences moved past the restored rows"))
    connection.check_constraints(table_names=data.tables_of(models))
    return {data_files[name]["model"]: count for name, count in loaded.items()}


def restore_backup(path, *, log, update_index=True, using=DEFAULT_DB_ALIAS):
    """Restore the archive at ``path``; return its manifest. ``log`` receives progress lines.

    Raises ``ArchiveError`` or ``RestoreError`` with a message for the operator.
    """
    path = Path(path)
    media_root = Path(settings.MEDIA_ROOT).absolute()

    log(_("Checking %(path)s…") % {"path": path})
    try:
        manifest = _verify(path, media_root, using, log)
    except (ArchiveError, RestoreError) as error:
        raise RestoreError(f"{error} {_nothing_changed()}") from error

    media = _MediaWriter(media_root)
    log(_("Loading into the %(vendor)s database:") % {"vendor": connections[using].vendor})
    try:
        with transaction.atomic(using=using):
            loaded = _load(path, manifest, media, using, log)
    except BaseException as error:
        media.remove_all()
        ContentType.objects.clear_cache()
        if isinstance(error, ArchiveError | RestoreError):
            raise RestoreError(
                f"{error} {_('The restore was undone.')} {_nothing_changed()}"
            ) from error
        if isinstance(error, Exception):
            raise RestoreError(
                _("The restore failed and was undone (%(error)s: %(message)s).")
                % {"error": type(error).__name__, "message": error}
                + f" {_nothing_changed()}"
            ) from error
        raise

    for alias in settings.CACHES:
        caches[alias].clear()
    log(_("Cache cleared."))

    database_backends, other_backends = _search_backends()
    if update_index:
        for alias in database_backends:
            log(_("Rebuilding the search index (%(backend)s)…") % {"backend": alias})
            call_command("update_index", backend_name=alias, verbosity=0)
    if other_backends or (database_backends and not update_index):
        log(
            _("Rebuild the search index now: `manage.py update_index` (backends: %(backends)s).")
            % {"backends": ", ".join(other_backends + ([] if update_index else database_backends))}
        )

    log(
        _(
            "Restored %(objects)d objects of %(models)d models (%(pages)d pages) and %(files)d "
            "media files from %(path)s."
        )
        % {
            "objects": sum(loaded.values()),
            "models": len(loaded),
            "pages": manifest["pages"].get("total", 0),
            "files": len(media.created_files),
            "path": path,
        }
    )
    return manifest
