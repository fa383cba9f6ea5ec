"""Making a backup: the database rows, the media files and the manifest, in one archive."""

import contextlib
import datetime
import io
import json
import os
import platform
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.utils.translation import gettext as _

from backups import data
from backups.archive import (
    CONTENT_TYPES,
    DATA_PREFIX,
    FORMAT,
    FORMAT_VERSION,
    MEDIA_PREFIX,
    ArchiveError,
    ArchiveWriter,
    check_member_name,
)


class BackupError(Exception):
    """A backup that cannot be made; the message says why, for the operator."""


def software_versions():
    versions = {"python": platform.python_version()}
    for package in ("django", "wagtail", "wagtail-localize"):
        try:
            versions[package] = version(package)
        except PackageNotFoundError:  # pragma: no cover - they are all dependencies.
            versions[package] = None
    return versions


def database_description(using):
    connection = connections[using]
    connection.ensure_connection()
    if connection.vendor == "postgresql":
        server = connection.pg_version
    elif connection.vendor == "sqlite":
        server = connection.Database.sqlite_version
    else:
        server = None
    return {"vendor": connection.vendor, "server_version": server}


@contextlib.contextmanager
def _snapshot(using):
    """A transaction that sees the database as it was at its start, so the rows of every table
    are consistent with each other even if editors work during the backup. PostgreSQL needs
    REPEATABLE READ for that; an SQLite read transaction always has it (writers wait)."""
    connection = connections[using]
    outermost = not connection.in_atomic_block
    with transaction.atomic(using=using):
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield


def _safe_name(relative):
    """Whether a restore would accept the file's name (see ``archive.check_member_name``)."""
    try:
        relative.encode("utf-8")
        check_member_name(MEDIA_PREFIX + relative)
    except (UnicodeEncodeError, ArchiveError):
        return False
    return True


def media_files(media_root):
    """``(relative posix path, absolute path)`` of every regular file under ``media_root``,
    sorted, and the names of what is skipped: symbolic links (not followed), and names a restore
    would refuse (a backslash, bytes that are not UTF-8)."""
    files, skipped = [], []
    if not media_root.is_dir():
        return files, skipped
    for directory, dirnames, filenames in os.walk(media_root):
        dirnames.sort()
        for filename in sorted(filenames) + [
            d for d in dirnames if (Path(directory) / d).is_symlink()
        ]:
            path = Path(directory) / filename
            relative = path.relative_to(media_root).as_posix()
            if path.is_symlink() or not path.is_file() or not _safe_name(relative):
                skipped.append(relative)
            else:
                files.append((relative, path))
    return files, skipped


def make_backup(path, *, log, overwrite=False, using=DEFAULT_DB_ALIAS):
    """Write the archive to ``path``; return its manifest. ``log`` receives progress lines."""
    path = Path(path).absolute()
    media_root = Path(settings.MEDIA_ROOT).absolute()
    if path.is_dir():
        raise BackupError(_("%(path)s is a folder; give the archive's file name.") % {"path": path})
    if not path.parent.is_dir():
        raise BackupError(_("The folder %(path)s does not exist.") % {"path": path.parent})
    if path.exists() and not overwrite:
        raise BackupError(
            _("%(path)s already exists. Choose another name, or pass --overwrite to replace it.")
            % {"path": path}
        )
    if path.resolve().is_relative_to(media_root.resolve()):
        raise BackupError(
            _("Write the archive outside MEDIA_ROOT (%(media_root)s): it would back itself up.")
            % {"media_root": media_root}
        )

    created_at = datetime.datetime.now(datetime.UTC)
    model_counts = {}
    data_files = []
    referenced_files = set()

    with ArchiveWriter(path, overwrite=overwrite) as archive:
        log(_("Database (%(vendor)s):") % {"vendor": connections[using].vendor})
        with _snapshot(using):
            database = database_description(using)
            migrations = data.applied_migrations(using)
            keys = data.natural_keys(using)
            archive.add_bytes(
                CONTENT_TYPES,
                json.dumps(data.content_types_document(using), ensure_ascii=False).encode(),
            )
            for number, model in enumerate(data.backed_up_models(), start=1):
                label = model._meta.label_lower
                name = f"{DATA_PREFIX}{number:04d}-{label}.jsonl"
                with archive.temporary_file() as scratch:
                    text = io.TextIOWrapper(scratch, encoding="utf-8", newline="\n")
                    count = data.dump_model(
                        model,
                        text,
                        keys=keys,
                        using=using,
                        file_names=referenced_files,
                        progress=lambda n, label=label: log(f"  {label}: {n}…"),
                    )
                    text.flush()
                    model_counts[label] = count
                    if count:
                        size = scratch.tell()
                        scratch.seek(0)
                        archive.add_stream(name, scratch, size)
                        data_files.append({"name": name, "model": label, "count": count})
                        log(f"  {label}: {count}")
                    text.detach()
            pages = data.page_counts(using)

        files, skipped = media_files(media_root)
        log(_("Media files (%(media_root)s):") % {"media_root": media_root})
        media_bytes = 0
        for number, (relative, absolute) in enumerate(files, start=1):
            try:
                with absolute.open("rb") as file:
                    stat = os.fstat(file.fileno())
                    archive.add_stream(MEDIA_PREFIX + relative, file, stat.st_size, stat.st_mtime)
            except OSError as error:
                raise BackupError(
                    _(
                        "Could not read the media file %(name)s (%(error)s); no archive was "
                        "written. If files were being changed, run the backup again."
                    )
                    % {"name": relative, "error": error}
                ) from error
            media_bytes += stat.st_size
            if number % 1000 == 0:
                log("  " + _("%(count)d files") % {"count": number})
        log(
            "  "
            + _("%(count)d files, %(bytes)s bytes") % {"count": len(files), "bytes": media_bytes}
        )
        for relative in skipped:
            log(
                "  "
                + _(
                    "Skipped %(name)s: not a regular file, or a name that cannot be restored "
                    "(symbolic links are not backed up)."
                )
                % {"name": relative}
            )
        present = {relative for relative, _absolute in files}
        missing = sorted(referenced_files - present)
        if missing:
            log(
                "  "
                + _(
                    "Warning: %(count)d files named in the database are not in MEDIA_ROOT, "
                    "e.g. %(names)s."
                )
                % {"count": len(missing), "names": ", ".join(missing[:3])}
            )

        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "created_at": created_at.isoformat(),
            "versions": software_versions(),
            "database": database,
            "migrations": migrations,
            "models": model_counts,
            "data_files": data_files,
            "pages": pages,
            "media": {
                "files": len(files),
                "bytes": media_bytes,
                # Named in the database but not on disk; not in the archive (at most 100 listed).
                "missing_count": len(missing),
                "missing": missing[:100],
                "skipped_count": len(skipped),
                "skipped": skipped[:100],
            },
        }
        manifest = archive.finish(manifest)

    objects = sum(model_counts.values())
    log(
        _(
            "Backup written to %(path)s (%(size)s bytes): %(objects)d objects of %(models)d "
            "models, %(pages)d pages, %(files)d media files."
        )
        % {
            "path": path,
            "size": path.stat().st_size,
            "objects": objects,
            "models": len(data_files),
            "pages": pages["total"],
            "files": len(files),
        }
    )
    return manifest
