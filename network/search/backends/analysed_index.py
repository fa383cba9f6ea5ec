"""Objects as the database backends index them: their searchable text analysed in their language.

modelsearch's SQLite and PostgreSQL indexers read an object's text through its search fields
(``obj.get_search_fields()``, then ``field.get_value(obj)``) and store it as it is. Here each
object is handed to them behind ``AnalysedObject``, whose search fields give the text analysed
by ``network.search.analysis`` in the language of the object's locale. Autocomplete fields keep
the raw text: prefixes are matched on words, not stems. So the indexers stay modelsearch's own.
"""

from django.utils.encoding import force_str
from modelsearch.index import AutocompleteField, RelatedFields, SearchField

from network.i18n import language_codes_by_locale
from network.search.analysis import analyse, language_of
from network.search.backends.language import is_translatable


def original(obj):
    return obj.original if isinstance(obj, AnalysedObject) else obj


def as_text(value):
    """A field's value as text, joined as modelsearch's indexers join lists and dicts."""
    if isinstance(value, list):
        return ", ".join(as_text(item) for item in value)
    if isinstance(value, dict):
        return ", ".join(as_text(item) for item in value.values())
    return value if isinstance(value, str) else force_str(value)


class AnalysedSearchField(SearchField):
    def __init__(self, field, language):
        super().__init__(field.field_name, boost=field.boost, **field.kwargs)
        self.language = language

    def get_value(self, obj):
        value = super().get_value(original(obj))
        return "" if value is None else analyse(as_text(value), self.language)


class UnwrappingAutocompleteField(AutocompleteField):
    def get_value(self, obj):
        return super().get_value(original(obj))


class AnalysedRelatedFields(RelatedFields):
    def get_value(self, obj):
        return super().get_value(original(obj))


def analysed_fields(fields, language):
    wrapped = []
    for field in fields:
        if isinstance(field, SearchField):
            wrapped.append(AnalysedSearchField(field, language))
        elif isinstance(field, AutocompleteField):
            wrapped.append(UnwrappingAutocompleteField(field.field_name, **field.kwargs))
        elif isinstance(field, RelatedFields):
            wrapped.append(
                AnalysedRelatedFields(field.field_name, analysed_fields(field.fields, language))
            )
        # Filter fields are not text: the database indexers skip them.
    return wrapped


class AnalysedObject:
    """An object as an indexer reads it."""

    def __init__(self, obj, fields):
        self.original = obj
        self.pk = obj.pk
        self._fields = fields

    def get_search_fields(self):
        return self._fields


def by_language(model, objs):
    """``{language: [AnalysedObject, ...]}`` of ``objs`` (of ``model``), by their locale's
    language (None for models without one)."""
    objs = list(objs)
    translatable = is_translatable(model)
    languages = language_codes_by_locale() if objs and translatable else {}
    fields = {}
    groups = {}
    for obj in objs:
        language = language_of(languages.get(obj.locale_id) if translatable else None)
        # (the objects may be of subclasses of ``model``, with search fields of their own)
        key = (type(obj), language)
        if key not in fields:
            fields[key] = analysed_fields(obj.get_search_fields(), language)
        groups.setdefault(language, []).append(AnalysedObject(obj, fields[key]))
    return groups
