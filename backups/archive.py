"""The archive file: writing it atomically, and checking every byte of it before a restore.

An archive is a gzip-compressed tar file (PAX format) with these members, in this order:

``data/content_types.json``
    The content types and permissions of the source site, by natural key (see ``backups.data``).
``data/NNNN-<app_label>.<model>.jsonl``
    One file per model that has rows: Django's JSON Lines serialization, one object per line.
``media/<path>``
    Every file under ``MEDIA_ROOT``, at its path relative to it.
``manifest.json``
    Written last, because it lists the size and SHA-256 of every other member. It also holds the
    format version, the date, the software versions, the source database vendor, the applied
    migrations and counts (objects per model, pages per type and locale, media files).

Why tar.gz: one file, streamed in both directions (nothing is held in memory, whatever the size of
the site), readable with standard tools (``tar -xzOf archive.tar.gz manifest.json``). Reading
checks gzip's CRC (to the end of the stream: Python's tar reader stops early, and silently at a
damaged header), and the manifest's per-member SHA-256 catches what a CRC cannot: a member
altered and the archive compressed again, or an archive that ends before its manifest.

Reading is strict: members must be regular files with names that are relative, normalised and
under ``data/`` or ``media/`` (or ``manifest.json``), each exactly once, each listed in the
manifest with the same size and checksum, and every listed member present. ``verify_archive``
checks all of it before a restore changes anything; ``read_members`` checks each member again
as the restore reads it, in case the file changed in between.
"""

import contextlib
import gzip
import hashlib
import io
import json
import os
import tarfile
import tempfile
import time
import zlib
from pathlib import Path, PurePosixPath

from django.utils.translation import gettext as _

FORMAT = "network-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATA_PREFIX = "data/"
MEDIA_PREFIX = "media/"
CONTENT_TYPES = DATA_PREFIX + "content_types.json"
# A manifest lists every member; even a very large site's stays far below this.
MAX_MANIFEST_SIZE = 64 * 1024 * 1024
CHUNK_SIZE = 1024 * 1024
REQUIRED_MANIFEST_KEYS = {
    "format": str,
    "format_version": int,
    "created_at": str,
    "versions": dict,
    "database": dict,
    "migrations": list,
    "models": dict,
    "data_files": list,
    "pages": dict,
    "media": dict,
    "members": dict,
}
# What a damaged or cut gzip/tar stream raises while it is read.
DAMAGE_ERRORS = (tarfile.TarError, EOFError, zlib.error, OSError, UnicodeDecodeError)


class ArchiveError(Exception):
    """An archive that cannot be trusted; the message says why, for the operator."""


def _damaged_message(error):
    return _("The archive is damaged or incomplete and cannot be read (%(error)s).") % {
        "error": str(error) or type(error).__name__
    }


def check_member_name(name):
    """Refuse any member name that could land outside the restore's folders."""
    path = PurePosixPath(name)
    if (
        not name
        or "\\" in name
        or "\x00" in name
        or path.is_absolute()
        or name.startswith("/")
        or any(part in ("", ".", "..") for part in name.split("/"))
        or ":" in path.parts[0]
    ):
        raise ArchiveError(
            _("The archive contains an unsafe file name, %(name)s: it is refused.") % {"name": name}
        )
    if name != MANIFEST and not (
        (name.startswith(DATA_PREFIX) and len(name) > len(DATA_PREFIX))
        or (name.startswith(MEDIA_PREFIX) and len(name) > len(MEDIA_PREFIX))
    ):
        raise ArchiveError(
            _("The archive contains %(name)s, which is not part of a backup: it is refused.")
            % {"name": name}
        )


class _HashingReader(io.RawIOBase):
    """A readable stream that hashes what is read through it."""

    def __init__(self, file):
        self.file = file
        self.sha256 = hashlib.sha256()
        self.size = 0

    def readable(self):
        return True

    def readinto(self, buffer):
        data = self.file.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        self.sha256.update(data)
        self.size += n
        return n

    def drain(self):
        while self.read(CHUNK_SIZE):
            pass


class _ArchiveMemberReader(_HashingReader):
    """Reads a member of the archive being restored: a read error means a damaged archive."""

    def readinto(self, buffer):
        try:
            return super().readinto(buffer)
        except DAMAGE_ERRORS as error:
            raise ArchiveError(_damaged_message(error)) from error


class ArchiveWriter:
    """Writes an archive to a temporary file next to ``path``, renamed to ``path`` only when
    complete: an interrupted backup never leaves a partial archive under the archive's name.

    Use as a context manager; ``finish(manifest)`` writes the manifest and publishes the file.
    """

    def __init__(self, path, overwrite=False):
        self.path = Path(path)
        self.overwrite = overwrite
        self.members = {}
        self.tar = None
        self.temp_path = None
        self.finished = False

    def __enter__(self):
        fd, temp_name = tempfile.mkstemp(
            dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".partial"
        )
        self.temp_path = Path(temp_name)
        self._file = os.fdopen(fd, "wb")
        self.tar = tarfile.open(
            fileobj=self._file, mode="w:gz", format=tarfile.PAX_FORMAT, compresslevel=6
        )
        return self

    def __exit__(self, exc_type, exc, tb):
        if not self.finished:
            with contextlib.suppress(Exception):
                self.tar.close()
            with contextlib.suppress(Exception):
                self._file.close()
            with contextlib.suppress(FileNotFoundError):
                self.temp_path.unlink()
        return False

    def temporary_file(self):
        """A scratch file next to the archive (same disk), deleted when closed."""
        return tempfile.TemporaryFile(dir=self.path.parent, prefix=f".{self.path.name}.")

    def add_stream(self, name, fileobj, size, mtime=None):
        """Add ``size`` bytes read from ``fileobj`` as member ``name``, hashing them."""
        check_member_name(name)
        if name in self.members:
            raise ValueError(f"{name} is already in the archive")
        info = tarfile.TarInfo(name)
        info.size = size
        info.mtime = int(mtime if mtime is not None else time.time())
        info.mode = 0o644
        reader = _HashingReader(fileobj)
        self.tar.addfile(info, reader)
        self.members[name] = {"size": reader.size, "sha256": reader.sha256.hexdigest()}
        return self.members[name]

    def add_bytes(self, name, data):
        return self.add_stream(name, io.BytesIO(data), len(data))

    def finish(self, manifest):
        manifest = {**manifest, "members": self.members}
        data = json.dumps(manifest, indent=2, ensure_ascii=False, sort_keys=False).encode()
        info = tarfile.TarInfo(MANIFEST)
        info.size = len(data)
        info.mtime = int(time.time())
        info.mode = 0o644
        self.tar.addfile(info, io.BytesIO(data))
        self.tar.close()
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()
        if self.path.exists() and not self.overwrite:
            raise FileExistsError(self.path)
        os.replace(self.temp_path, self.path)
        self.finished = True
        # Make the rename itself durable.
        directory = os.open(self.path.parent, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)
        return manifest


def _validate_manifest(data):
    try:
        manifest = json.loads(data.decode())
    except (UnicodeDecodeError, ValueError) as error:
        raise ArchiveError(
            _("The archive's manifest is not valid JSON (%(error)s).") % {"error": error}
        ) from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ArchiveError(_("This file is not a backup of this site (unknown manifest format)."))
    if manifest.get("format_version") != FORMAT_VERSION:
        raise ArchiveError(
            _(
                "The archive is in backup format version %(found)s; this version of the site "
                "reads version %(expected)s."
            )
            % {"found": manifest.get("format_version"), "expected": FORMAT_VERSION}
        )
    for key, kind in REQUIRED_MANIFEST_KEYS.items():
        if not isinstance(manifest.get(key), kind):
            raise ArchiveError(
                _("The archive's manifest is incomplete: %(key)s is missing or invalid.")
                % {"key": key}
            )
    for name, entry in manifest["members"].items():
        check_member_name(name)
        if (
            name == MANIFEST
            or not isinstance(entry, dict)
            or not isinstance(entry.get("size"), int)
            or not isinstance(entry.get("sha256"), str)
        ):
            raise ArchiveError(
                _("The archive's manifest has an invalid entry for %(name)s.") % {"name": name}
            )
    for data_file in manifest["data_files"]:
        if (
            not isinstance(data_file, dict)
            or data_file.get("name") not in manifest["members"]
            or not isinstance(data_file.get("model"), str)
            or not isinstance(data_file.get("count"), int)
        ):
            raise ArchiveError(_("The archive's manifest has an invalid list of data files."))
    return manifest


def _iter_tar(path):
    """Yield ``(member, fileobj)`` for each member of the archive, in order, streaming."""
    try:
        file = open(path, "rb")  # noqa: SIM115 - closed below, errors reported separately.
    except OSError as error:
        raise ArchiveError(
            _("Cannot open the archive %(path)s: %(error)s.") % {"path": path, "error": error}
        ) from error
    try:
        with file, gzip.GzipFile(fileobj=file, mode="rb") as gz:
            with tarfile.open(fileobj=gz, mode="r|") as tar:
                for member in tar:
                    check_member_name(member.name)
                    if not member.isfile():
                        raise ArchiveError(
                            _("The archive member %(name)s is not a regular file: it is refused.")
                            % {"name": member.name}
                        )
                    yield member, tar.extractfile(member)
            # Read to the end of the gzip stream, which checks its CRC and length: the tar
            # reader stops at the end-of-archive marker, or silently at a damaged header.
            while gz.read(CHUNK_SIZE):
                pass
    except ArchiveError:
        raise
    except DAMAGE_ERRORS as error:
        raise ArchiveError(_damaged_message(error)) from error


def verify_archive(path):
    """Read the whole archive once and return its manifest if every check passes.

    Raises ``ArchiveError`` with a message for the operator otherwise. Changes nothing.
    """
    found = {}
    manifest_data = None
    for member, fileobj in _iter_tar(path):
        if member.name in found or (member.name == MANIFEST and manifest_data is not None):
            raise ArchiveError(
                _("The archive contains %(name)s twice: it is refused.") % {"name": member.name}
            )
        if member.name == MANIFEST:
            if member.size > MAX_MANIFEST_SIZE:
                raise ArchiveError(_("The archive's manifest is too large to be genuine."))
            manifest_data = fileobj.read()
            continue
        reader = _HashingReader(fileobj)
        try:
            reader.drain()
        except DAMAGE_ERRORS as error:
            raise ArchiveError(_damaged_message(error)) from error
        found[member.name] = {"size": reader.size, "sha256": reader.sha256.hexdigest()}

    if manifest_data is None:
        raise ArchiveError(
            _(
                "The archive has no manifest.json: it is damaged, incomplete, or not made by "
                "`manage.py backup`."
            )
        )
    manifest = _validate_manifest(manifest_data)

    listed = manifest["members"]
    unlisted = sorted(set(found) - set(listed))
    if unlisted:
        raise ArchiveError(
            _("The archive contains files its manifest does not list: %(names)s.")
            % {"names": ", ".join(unlisted[:5])}
        )
    missing = sorted(set(listed) - set(found))
    if missing:
        raise ArchiveError(
            _("Files listed in the archive's manifest are missing: %(names)s.")
            % {"names": ", ".join(missing[:5])}
        )
    for name, entry in listed.items():
        if found[name] != {"size": entry["size"], "sha256": entry["sha256"]}:
            raise ArchiveError(
                _(
                    "The checksum of %(name)s does not match the archive's manifest: the archive "
                    "is damaged or has been altered."
                )
                % {"name": name}
            )
    return manifest


def read_members(path, manifest):
    """Yield ``(name, stream)`` for every member but the manifest, in archive order.

    The caller reads as much of each stream as it wants before asking for the next member; the
    rest is read here and the whole member checked against the manifest again, so an archive
    that changed since ``verify_archive`` stops the restore (which then rolls back).
    """
    listed = manifest["members"]
    for member, fileobj in _iter_tar(path):
        if member.name == MANIFEST:
            continue
        if member.name not in listed:
            raise ArchiveError(
                _("The archive contains files its manifest does not list: %(names)s.")
                % {"names": member.name}
            )
        reader = _ArchiveMemberReader(fileobj)
        stream = io.BufferedReader(reader, CHUNK_SIZE)
        yield member.name, stream
        while stream.read(CHUNK_SIZE):
            pass
        entry = listed[member.name]
        if reader.size != entry["size"] or reader.sha256.hexdigest() != entry["sha256"]:
            raise ArchiveError(
                _(
                    "The checksum of %(name)s does not match the archive's manifest: the archive "
                    "is damaged or has been altered."
                )
                % {"name": member.name}
            )
