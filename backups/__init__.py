"""Backing the site up into one archive, and restoring it into an empty database.

    manage.py backup site-2025-06-01.tar.gz
    manage.py migrate && manage.py restore site-2025-06-01.tar.gz   # new database, empty media

Why a database-neutral dump rather than a copy of ``db.sqlite3`` or ``pg_dump``: one archive
must restore into SQLite or PostgreSQL, whichever the site was using (a small install moving to
PostgreSQL, or a production copy opened on a laptop). Django's serialization is the one format
both can read through the same models, and its JSON keeps every value exactly (see
``backups.data``). The cost is speed (rows go through Python) and the rule that the archive is
restored by the same version of the code that made it: the manifest records the applied
migrations and a restore refuses an archive whose migrations differ, saying which version made
it. (Restore with that version, then upgrade and migrate as usual.)

What is in an archive (``backups.archive`` describes the format): every row of every model,
every file under ``MEDIA_ROOT`` (original images, renditions, documents, anything else there),
and a manifest with versions, the date, the source database vendor, counts per model and per page
type and locale, and the size and SHA-256 of every member.

What is not, and why:

* content types and permissions: ``migrate`` creates them, with ids that differ between
  databases; rows name them by natural key, and the few a fresh database lacks (models since
  removed, still named by old log entries) are recreated from the archive's list;
* sessions: per installation (everyone logs in again after a restore); Wagtail's "who is editing
  now" sessions likewise;
* the search index (``wagtailsearch``, including SQLite's full-text table): derived from the
  content and specific to a vendor; ``restore`` rebuilds the database index with
  ``update_index`` and asks the operator to run it for Elasticsearch;
* the cache tables ``network_cache`` and ``network_page_cache`` (no model): a restore clears the
  caches instead, as Wagtail's site root paths, menus and cached pages would describe the
  database it replaced.

Renditions are kept, rows and files: they are derived, but making them again costs minutes of
image processing on a site with many photos, and a restored site serving the very same rendition
URLs is what lets its HTML be compared with the original's. The reference index is kept too
(consistent with the rows, and slow to rebuild).

Rows keep their primary keys, because ids live on in places no foreign key describes:
StreamField JSON, revisions, the reference index, URLs such as ``/documents/<id>/<name>``. So a
restore needs an empty, freshly migrated database; ``migrate`` has already created Wagtail's tree
root and welcome page, default site, locale, root collection, moderator groups and workflow. The
restore refuses a database with anything more (any user, page, document…), and deletes those
initial rows inside its transaction before loading the archive's own, which are the same things
as the source site had them. After loading explicit ids, PostgreSQL's sequences are moved past
them (``connection.ops.sequence_reset_sql``); SQLite's ``AUTOINCREMENT`` follows by itself.

A restore changes nothing until it has read the whole archive and checked it against its
manifest, the site's code and the target (empty database, empty ``MEDIA_ROOT``); then it loads
everything in one transaction and copies the media files, and on any error rolls back and removes
the files it copied (``backups.restore``). A backup writes to a temporary file next to the archive's
path and renames it at the end, so an interrupted backup leaves nothing under that name
(``backups.archive``). Archives are created readable by their owner only: they hold password
hashes and members' personal data.

Consistency while the site runs: the dump reads every table in one transaction (REPEATABLE READ
on PostgreSQL; on SQLite a read transaction, during which writes wait). Media files are read
after it, so a file uploaded during the backup may be in the archive without its row, which is
harmless; one deleted during the backup stops it (run it again).
"""
