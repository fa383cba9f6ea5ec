"""The database part of a backup: which models, how rows are written and read back.

Rows are written with Django's serialization format (JSON Lines: ``{"model", "pk", "fields"}``
per line, exactly what ``dumpdata --format jsonl`` writes), so the data is independent of the
database vendor, and read back with Django's own deserializer. Three things differ from
``dumpdata``/``loaddata``, each on purpose:

* Only ``ContentType`` and ``Permission`` are referred to by natural key (``["wagtailcore",
  "page"]``): they are the rows whose ids differ between two freshly migrated databases. Every
  other row keeps its primary key, so references in StreamField JSON, revisions, the reference
  index and URLs (``/documents/<id>/…``) stay right. (``dumpdata --natural-foreign`` would also
  turn user and group references into names, which needs the rows loaded in dependency order.)
* Datetimes keep their microseconds (Django's JSON encoder cuts them to milliseconds), so
  ordering by a timestamp is the same after a restore.
* Rows are inserted in batches with ``QuerySet._insert(raw=True)``, the call ``Model.save`` and
  ``bulk_create`` use inside. ``raw`` means values are stored as they are (no ``auto_now``, no
  file saving); no model signals run, so nothing is indexed, cached, rendered or published
  while loading. One table row per serialized object: a page is one ``wagtailcore.page`` object
  and one object of its specific type, each inserted into its own table. Foreign keys are checked
  at the end of the transaction (Django creates them ``DEFERRABLE INITIALLY DEFERRED`` on SQLite
  and PostgreSQL) and once more explicitly with ``check_constraints``.

Both directions stream: the dump reads each table ``chunk_size`` rows at a time (its
many-to-many links one query per chunk), the load inserts ``batch_size`` rows at a time.
"""

import datetime
import io
import json
from itertools import islice

from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.core.serializers.python import Serializer as PythonSerializer
from django.db import connections
from django.db.migrations.executor import MigrationExecutor
from django.db.models import Count, FileField
from django.utils.translation import gettext as _

# Not backed up. Each is either rebuilt on the target or meaningless on another installation.
EXCLUDED_MODELS = {
    # Created by ``migrate`` for the installed models; rows refer to them by natural key.
    "contenttypes.contenttype",
    "auth.permission",
    # Log-in sessions: after a restore, people log in again.
    "sessions.session",
    # Django's admin log (the admin is not installed; listed in case it ever is).
    "admin.logentry",
    # "Who is editing this page right now": live state of one installation.
    "wagtailadmin.editingsession",
}
# The search index (IndexEntry and SQLite's full-text table): derived from the content, and
# vendor-specific (FTS5 on SQLite, tsvector on PostgreSQL). ``restore`` runs ``update_index``.
EXCLUDED_APPS = {"wagtailsearch", "modelsearch"}
# The cache tables (``network_cache``, ``network_page_cache``) have no model, so they are never
# part of a backup.

# Rows ``migrate`` creates (Wagtail's root collection, default site, locale, groups and their
# permissions, moderation workflow). A database that holds only these counts as empty; the
# restore deletes them, in its transaction, before loading the archive's own.
SEEDED_BY_MIGRATIONS = {
    "auth.group",
    "wagtailcore.collection",
    "wagtailcore.groupapprovaltask",
    "wagtailcore.groupcollectionpermission",
    "wagtailcore.grouppagepermission",
    "wagtailcore.groupsitepermission",
    "wagtailcore.locale",
    "wagtailcore.site",
    "wagtailcore.task",
    "wagtailcore.workflow",
    "wagtailcore.workflowcontenttype",
    "wagtailcore.workflowpage",
    "wagtailcore.workflowtask",
}
# Wagtail's migrations create the tree's root and a "Welcome" page, both plain ``Page``s.
SEEDED_PAGE_DEPTH = 2


def backed_up_models():
    """Every model whose rows go into a backup, in app registry order."""
    return [
        model
        for model in apps.get_models()
        if not model._meta.proxy
        and model._meta.managed
        and model._meta.label_lower not in EXCLUDED_MODELS
        and model._meta.app_label not in EXCLUDED_APPS
    ]


def auto_m2m_fields(model):
    """The many-to-many fields whose links are stored with the model's rows (no explicit
    ``through`` model of their own)."""
    return [
        field
        for field in model._meta.local_many_to_many
        if field.serialize and field.remote_field.through._meta.auto_created
    ]


def tables_of(models):
    """The tables of ``models`` and of their automatic many-to-many link tables."""
    tables = []
    for model in models:
        tables.append(model._meta.db_table)
        tables.extend(field.remote_field.through._meta.db_table for field in auto_m2m_fields(model))
    return tables


def _m2m_columns(field):
    through = field.remote_field.through
    source = through._meta.get_field(field.m2m_field_name()).attname
    target = through._meta.get_field(field.m2m_reverse_field_name()).attname
    return through, source, target


# --- Writing --------------------------------------------------------------------------------


class _Encoder(DjangoJSONEncoder):
    """Django's encoder, but datetimes and times keep their microseconds."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


class _RowSerializer(PythonSerializer):
    """Django's serializer writing one JSON line per object, with natural keys only for content
    types and permissions, and many-to-many links fetched per chunk (``m2m_links``)."""

    def __init__(self, natural_keys):
        super().__init__()
        self.natural_keys = natural_keys
        self.m2m_links = {}

    def handle_fk_field(self, obj, field):
        keys = self.natural_keys.get(field.remote_field.model)
        value = getattr(obj, field.attname)
        if keys is not None and value is not None:
            self._current[field.name] = keys[value]
        else:
            self._current[field.name] = self._value_from_field(obj, field)

    def handle_m2m_field(self, obj, field):
        if not field.remote_field.through._meta.auto_created:
            return
        values = self.m2m_links[field.name].get(obj.pk, [])
        keys = self.natural_keys.get(field.remote_field.model)
        self._current[field.name] = [keys[v] for v in values] if keys is not None else values

    def end_object(self, obj):
        line = json.dumps(
            self.get_dump_object(obj), cls=_Encoder, ensure_ascii=False, separators=(",", ":")
        )
        self.stream.write(line + "\n")
        self._current = None


def natural_keys(using):
    """``{model: {pk: natural key}}`` for content types and permissions."""
    content_types = {
        pk: [app_label, model]
        for pk, app_label, model in ContentType.objects.using(using).values_list(
            "pk", "app_label", "model"
        )
    }
    permissions = {
        pk: [codename, *content_types[content_type_id]]
        for pk, codename, content_type_id in Permission.objects.using(using).values_list(
            "pk", "codename", "content_type_id"
        )
    }
    return {ContentType: content_types, Permission: permissions}


def content_types_document(using):
    """Every content type and permission of the source, so that a restore can recreate the few
    a fresh database lacks (those of models removed from the code, still named by old rows such
    as log entries)."""
    return {
        "content_types": sorted(
            [
                list(row)
                for row in ContentType.objects.using(using).values_list("app_label", "model")
            ]
        ),
        "permissions": sorted(
            [
                list(row)
                for row in Permission.objects.using(using).values_list(
                    "codename", "name", "content_type__app_label", "content_type__model"
                )
            ]
        ),
    }


def _chunks(iterable, size):
    iterator = iter(iterable)
    while chunk := list(islice(iterator, size)):
        yield chunk


PROGRESS_EVERY = 20_000


def dump_model(model, stream, *, keys, using, chunk_size=500, file_names=None, progress=None):
    """Write every row of ``model`` to the text ``stream``; return how many.

    The names of the files its file fields point to are added to ``file_names``; ``progress``
    is called with the count so far every ``PROGRESS_EVERY`` rows.
    """
    serializer = _RowSerializer(keys)
    m2m_fields = auto_m2m_fields(model)
    file_fields = [f for f in model._meta.local_concrete_fields if isinstance(f, FileField)]
    queryset = model._base_manager.using(using).order_by("pk")
    count = 0
    for chunk in _chunks(queryset.iterator(chunk_size=chunk_size), chunk_size):
        pks = [obj.pk for obj in chunk]
        serializer.m2m_links = {}
        for field in m2m_fields:
            through, source, target = _m2m_columns(field)
            links = {}
            rows = (
                through._base_manager.using(using)
                .filter(**{f"{source}__in": pks})
                .order_by("pk")
                .values_list(source, target)
            )
            for source_pk, target_pk in rows:
                links.setdefault(source_pk, []).append(target_pk)
            serializer.m2m_links[field.name] = links
        serializer.serialize(chunk, stream=stream)
        if file_names is not None:
            for obj in chunk:
                for field in file_fields:
                    name = getattr(obj, field.attname)
                    if name:
                        file_names.add(str(name))
        count += len(chunk)
        if progress is not None and count % PROGRESS_EVERY < chunk_size <= count:
            progress(count)
    return count


def page_counts(using):
    """Pages per type and locale, e.g. ``{"home.homepage": {"en": 1, "es": 1}}``, and totals."""
    from wagtail.models import Page

    by_type = {}
    rows = (
        Page.objects.using(using)
        .values_list("content_type__app_label", "content_type__model", "locale__language_code")
        .annotate(count=Count("pk"))
        .order_by()
    )
    for app_label, model, language, count in rows:
        by_type.setdefault(f"{app_label}.{model}", {})[language] = count
    return {
        "total": Page.objects.using(using).count(),
        "live": Page.objects.using(using).filter(live=True).count(),
        "by_type_and_locale": dict(sorted(by_type.items())),
    }


def applied_migrations(using):
    """The migrations applied to the database that the code knows, as sorted ``[app, name]``."""
    executor = MigrationExecutor(connections[using])
    loader = executor.loader
    return sorted(
        [app, name] for app, name in loader.applied_migrations if (app, name) in loader.graph.nodes
    )


def unapplied_migrations(using):
    executor = MigrationExecutor(connections[using])
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _backwards in plan]


# --- Reading --------------------------------------------------------------------------------


def non_empty_models(using):
    """Labels of backed-up models with rows beyond what ``migrate`` creates."""
    from wagtail.models import Page

    found = []
    page_type = (
        ContentType.objects.using(using)
        .filter(app_label=Page._meta.app_label, model=Page._meta.model_name)
        .values_list("pk", flat=True)
        .first()
    )
    for model in backed_up_models():
        label = model._meta.label_lower
        rows = model._base_manager.using(using)
        if label == "wagtailcore.page":
            if (
                rows.filter(depth__gt=SEEDED_PAGE_DEPTH).exists()
                or rows.exclude(content_type_id=page_type).exists()
            ):
                found.append(label)
        elif label not in SEEDED_BY_MIGRATIONS and rows.exists():
            found.append(label)
    return found


def clear_tables(models, using):
    """Delete every row of ``models`` (and their link tables) without signals or cascades; the
    foreign keys are checked when the loading transaction ends."""
    connection = connections[using]
    with connection.cursor() as cursor:
        for table in tables_of(models):
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)}")


def ensure_content_types(document, using):
    """Create the content types and permissions of ``document`` this database lacks; return
    how many."""
    content_types = ContentType.objects.db_manager(using)
    existing = {
        tuple(key): pk for pk, *key in content_types.values_list("pk", "app_label", "model")
    }
    missing = [
        tuple(key) for key in document.get("content_types", []) if tuple(key) not in existing
    ]
    for app_label, model in missing:
        existing[(app_label, model)] = content_types.create(app_label=app_label, model=model).pk
    permissions = Permission.objects.db_manager(using)
    existing_permissions = set(permissions.values_list("codename", "content_type_id"))
    new_permissions = [
        Permission(codename=codename, name=name, content_type_id=existing[(app_label, model)])
        for codename, name, app_label, model in document.get("permissions", [])
        if (codename, existing[(app_label, model)]) not in existing_permissions
    ]
    permissions.bulk_create(new_permissions)
    if missing:
        ContentType.objects.clear_cache()
    return len(missing) + len(new_permissions)


class DataError(Exception):
    """A data file that does not hold what the manifest says."""


def load_model(stream, model, *, using, batch_size=500, progress=None):
    """Insert the rows of the JSON Lines binary ``stream``, all of ``model``; return how many."""
    fields = [
        field
        for field in model._meta.local_concrete_fields
        if not getattr(field, "generated", False)
    ]
    m2m_fields = auto_m2m_fields(model)
    manager = model._base_manager.db_manager(using)
    text = io.TextIOWrapper(stream, encoding="utf-8")
    try:
        return _load_rows(text, model, fields, m2m_fields, manager, using, batch_size, progress)
    finally:
        # The caller still reads the member's remainder (to check it) from ``stream``.
        text.detach()


def _load_rows(text, model, fields, m2m_fields, manager, using, batch_size, progress):
    connection = connections[using]
    objects = serializers.deserialize("jsonl", text, using=using)
    count = 0
    for batch in _chunks(objects, batch_size):
        for item in batch:
            if type(item.object) is not model:
                raise DataError(
                    _("The data file of %(expected)s holds a row of %(found)s.")
                    % {"expected": model._meta.label_lower, "found": item.object._meta.label_lower}
                )
        size = max(1, min(batch_size, connection.ops.bulk_batch_size(fields, batch)))
        for part in _chunks(batch, size):
            manager._insert([item.object for item in part], fields=fields, using=using, raw=True)
        for field in m2m_fields:
            through, source, target = _m2m_columns(field)
            links = [
                through(**{source: item.object.pk, target: value})
                for item in batch
                for value in item.m2m_data.get(field.name, [])
            ]
            through._base_manager.db_manager(using).bulk_create(links, batch_size=size)
        count += len(batch)
        if progress is not None and count % PROGRESS_EVERY < batch_size <= count:
            progress(count)
    return count


def reset_sequences(models, using):
    """Move PostgreSQL's id sequences past the loaded ids (SQLite needs nothing: its
    ``AUTOINCREMENT`` follows explicit ids)."""
    connection = connections[using]
    through_models = [field.remote_field.through for m in models for field in auto_m2m_fields(m)]
    statements = connection.ops.sequence_reset_sql(no_style(), [*models, *through_models])
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
    return len(statements)
