"""What the SQLite and PostgreSQL backends share: results whose shown page is ranked by one query
over the index, then loaded by primary key."""

from django.db.models import TextField
from django.db.models.functions import Cast


def caller_object_ids(queryset):
    """The caller's queryset as a subquery of index entry object ids (text, as the index stores
    them), so the index can be filtered against it without a correlated subquery."""
    return queryset.order_by().annotate(_object_id=Cast("pk", TextField())).values("_object_id")


class RankedSearchResultsMixin:
    """Mixed into modelsearch's results class. The compiler's ``matches(config)`` returns the
    index entries that match, or None when modelsearch's own query is already a single pass
    (unranked, negated or match-all searches); ``ranked(matches, config)`` orders them and yields
    ``(object_id, score)`` rows."""

    def _matches(self):
        compiler = self.query_compiler
        return compiler.matches(compiler.get_config(self.backend))

    def _do_search(self):
        matches = self._matches()
        if matches is None:
            return super()._do_search()
        compiler = self.query_compiler
        rows = list(
            compiler.ranked(matches, compiler.get_config(self.backend))[self.start : self.stop]
        )
        objects = {
            str(obj.pk): obj
            for obj in compiler.queryset.filter(pk__in=[object_id for object_id, _ in rows])
        }
        results = []
        for object_id, score in rows:
            obj = objects.get(object_id)
            # The object may have been deleted between the two queries.
            if obj is None:
                continue
            if self._score_field:
                setattr(obj, self._score_field, score)
            results.append(obj)
        return results

    def pks(self):
        """The primary keys of this slice of results, best first, without loading the objects:
        what a page needs to count facets over many matches."""
        matches = self._matches()
        if matches is None:
            return [obj.pk for obj in self]
        compiler = self.query_compiler
        to_pk = compiler.queryset.model._meta.pk.to_python
        ranked = compiler.ranked(matches, compiler.get_config(self.backend))
        return [to_pk(object_id) for object_id, _ in ranked[self.start : self.stop]]

    def _do_count(self):
        matches = self._matches()
        if matches is None:
            return super()._do_count()
        return matches.count()
