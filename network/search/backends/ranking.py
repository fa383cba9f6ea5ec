"""What the SQLite and PostgreSQL backends share.

- Results whose shown slice is ranked by one query over the index, then loaded by primary key.
- ``count_matches``: for a results page, one statement that finds the matches once (a common
  table expression), counts them by page type and by whatever the caller asks (facets), and
  ranks the slice shown. Counting needs no score; only the shown rows are sorted out of the
  matches, and the caller loads them by the keys and content types it gets."""

import functools

from django.contrib.contenttypes.models import ContentType
from django.db import connections
from django.db.models import F, IntegerField, TextField, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast
from modelsearch.utils import get_descendant_models

#: The name of the matches in the statement that counts them (a common table expression).
MATCHES = "search_matches"


descendant_models = functools.cache(get_descendant_models)


def searched_content_types(model):
    """The content type ids of a model and its subclasses, whose index entries a search of the
    model reads (modelsearch's ``get_descendants_content_types_pks``, which looks through every
    installed model on each search; the models are looked up once, their content types come
    from Django's cache)."""
    return [ct.pk for ct in ContentType.objects.get_for_models(*descendant_models(model)).values()]


def key_field(model):
    """The field a model's primary key is stored in (a multi-table child's is its parent's)."""
    field = model._meta.pk
    while field.is_relation:
        field = field.target_field
    return field


def has_integer_keys(model):
    return isinstance(key_field(model), IntegerField)


def caller_object_ids(queryset):
    """The caller's queryset as a subquery of index entry object ids (text, as the index stores
    them), so the index can be filtered against it without a correlated subquery."""
    return queryset.order_by().annotate(_object_id=Cast("pk", TextField())).values("_object_id")


def content_type_of(model):
    """An expression for the content type of each object of ``model``: its own column for
    Wagtail pages (the specific type), else the model's."""
    if any(field.name == "content_type" for field in model._meta.concrete_fields):
        return F("content_type_id")
    return Value(ContentType.objects.get_for_model(model).pk)


def matched_keys():
    """The keys of every match, as a subquery for the querysets given to ``count_matches``
    (``Model.objects.filter(pk__in=matched_keys())``)."""
    return RawSQL(f'SELECT "_key" FROM {MATCHES}', [])


def compiled(queryset):
    return queryset.query.get_compiler(using=queryset.db).as_sql()


def compiled_count(queryset, alias):
    """``(sql, params, number of columns)`` of a counting queryset. A queryset never changes
    (its methods return new ones), so one that is counted again and again (a page's facets) is
    compiled once."""
    compiled = getattr(queryset, "_compiled_count", None)
    if compiled is None or compiled[0] != alias:
        compiler = queryset.order_by().query.get_compiler(using=alias)
        sql, params = compiler.as_sql()
        compiled = queryset._compiled_count = (alias, sql, params, len(compiler.select))
    return compiled[1:]


class RankedSearchResultsMixin:
    """Mixed into modelsearch's results class. The compiler's ``matches(config)`` returns the
    index entries that match, annotated with ``_key`` (the object's primary key) and
    ``_content_type``, or None when modelsearch's own query is already a single pass (unranked,
    negated or match-all searches); ``ranked(matches, config)`` orders them and yields
    ``(key, score, content type)`` rows."""

    def _matches(self):
        compiler = self.query_compiler
        config = compiler.get_config(self.backend)
        # The compiler is shared by the slices of these results: they match once in Python.
        cached = getattr(compiler, "_site_matches", None)
        if cached is None or cached[0] != config:
            compiler._site_matches = cached = (config, compiler.matches(config))
        return cached[1]

    def _ranked_rows(self, matches):
        compiler = self.query_compiler
        to_pk = compiler.queryset.model._meta.pk.to_python
        ranked = compiler.ranked(matches, compiler.get_config(self.backend))
        return [
            (to_pk(key), score, content_type)
            for key, score, content_type in ranked[self.start : self.stop]
        ]

    def _do_search(self):
        matches = self._matches()
        if matches is None:
            return super()._do_search()
        rows = self._ranked_rows(matches)
        keys = [key for key, _score, _type in rows]
        objects = {obj.pk: obj for obj in self.query_compiler.queryset.filter(pk__in=keys)}
        results = []
        for key, score, _content_type in rows:
            obj = objects.get(key)
            # The object may have been deleted between the two queries.
            if obj is None:
                continue
            if self._score_field:
                setattr(obj, self._score_field, score)
            results.append(obj)
        return results

    def pks(self):
        """The primary keys of this slice of results, best first, without loading the objects."""
        return [key for key, _content_type in self.pks_and_content_types()]

    def pks_and_content_types(self):
        """``(primary key, content type id)`` of this slice of results, best first, without
        loading the objects (the index knows each object's specific type): what a results
        page needs to load the results it shows, a query per type."""
        matches = self._matches()
        if matches is None:
            return [(obj.pk, self._content_type_id(obj)) for obj in self]
        return [(key, content_type) for key, _score, content_type in self._ranked_rows(matches)]

    def _content_type_id(self, obj):
        content_type_id = getattr(obj, "content_type_id", None)
        return content_type_id or ContentType.objects.get_for_model(type(obj)).pk

    def matching_pks(self):
        """The primary keys of every match, unranked and unsliced, as a subquery to filter other
        querysets with (``Model.objects.filter(pk__in=results.matching_pks())``)."""
        return self._match_rows().values("_key")

    def _match_rows(self):
        """Every match as ``_key`` and ``_content_type``, unranked."""
        matches = self._matches()
        if matches is None:
            compiler = self.query_compiler
            model = compiler.queryset.model
            matches = compiler.search(compiler.get_config(self.backend), None, None).annotate(
                _key=F("pk"), _content_type=content_type_of(model)
            )
        return matches.order_by()

    def count_matches(self, counts=None, start=None, stop=None):
        """Counts over every match, and the ranked rows ``start:stop``, in one statement that
        finds the matches once (a common table expression named ``MATCHES``).

        ``counts`` maps names to querysets that count over ``matched_keys()`` and yield rows of
        values then a count, e.g. ``Thing.objects.filter(pk__in=matched_keys())
        .values_list("kind").annotate(n=Count("pk"))``.

        Returns ``(rows, types, counted)``: ``rows``, the ``(primary key, content type id)`` of
        the matches ``start:stop``, best first (None if no slice was asked for, or if the
        search is unranked: slice the results then); ``types``, ``{content type id: matches}``;
        ``counted``, ``{name: [(value as text, ..., count), ...]}``."""
        counts = counts or {}
        compiler = self.query_compiler
        ranked = stop is not None and self._matches() is not None
        matches = self._match_rows()
        columns = ["_key", "_content_type"]
        if ranked:
            matches = matches.annotate(_score=compiler.score(compiler.get_config(self.backend)))
            columns.append("_score")
        sql, params = compiled(matches.values(*columns))
        tables = [f"{MATCHES} AS ({sql})"]
        # (part number, its table, its number of values before the count)
        parts = [(-1, f"{MATCHES}_types", 1)]
        tables.append(
            f'{MATCHES}_types(c0, c1) AS (SELECT "_content_type", COUNT(*) FROM {MATCHES} '
            f'GROUP BY "_content_type")'
        )
        if ranked:
            # The score is the last column, where the other parts have their count.
            parts.append((-2, f"{MATCHES}_ranked", 2))
            tables.append(
                f'{MATCHES}_ranked(c0, c1, c2) AS (SELECT "_key", "_content_type", "_score" '
                f'FROM {MATCHES} ORDER BY "_score" DESC, "_key" DESC '
                f"LIMIT {int(stop) - int(start)} OFFSET {int(start)})"
            )
        for number, queryset in enumerate(counts.values()):
            sql, part_params, width = compiled_count(queryset, matches.db)
            names = ", ".join(f"c{column}" for column in range(width))
            parts.append((number, f"{MATCHES}_{number}", width - 1))
            tables.append(f"{MATCHES}_{number}({names}) AS ({sql})")
            params = (*params, *part_params)
        width = max(values for _number, _table, values in parts)
        selects = []
        for number, table, values in parts:
            cells = [f"CAST(c{column} AS TEXT)" for column in range(values)]
            cells += ["NULL"] * (width - values)
            selects.append(f"SELECT {number}, {', '.join(cells)}, c{values} FROM {table}")
        statement = f"WITH {', '.join(tables)} " + " UNION ALL ".join(selects)
        scored, types, counted = [], {}, {name: [] for name in counts}
        names = list(counts)
        widths = {number: values for number, _table, values in parts}
        to_pk = compiler.queryset.model._meta.pk.to_python
        with connections[matches.db].cursor() as cursor:
            cursor.execute(statement, params)
            for number, *values, number_or_score in cursor.fetchall():
                if number == -2:
                    scored.append((number_or_score, to_pk(values[0]), int(values[1])))
                elif number == -1:
                    types[int(values[0])] = int(number_or_score)
                else:
                    values = values[: widths[number]]
                    counted[names[number]].append((*values, int(number_or_score)))
        # UNION ALL keeps no order: best first, ties to the newest, as ranked().
        rows = [(key, content_type) for _s, key, content_type in sorted(scored, reverse=True)]
        return (rows if ranked else None), types, counted

    def _do_count(self):
        matches = self._matches()
        if matches is None:
            return super()._do_count()
        return matches.count()
