from collections.abc import Iterable, Iterator
from typing import Any

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_filters import fields as filter_fields
from wagtail.admin.forms import WagtailAdminPageForm

TAXONOMY_FIELDS = ("topics", "places")


class TaxonomyPageForm(WagtailAdminPageForm):
    """Offers the topics and places of the page's own language, so an editor never chooses
    between two "City leadership" entries. Terms already chosen stay available: a translation
    shares its source's terms, and their slugs (identical in every language) are what filters and
    displays use."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        locale_id = self.instance.locale_id
        for name in TAXONOMY_FIELDS:
            field = self.fields.get(name)
            if field is None or locale_id is None:
                continue
            chosen = self.instance.pk and getattr(self.instance, name).all()
            in_language = Q(locale_id=locale_id)
            field.queryset = field.queryset.filter(
                in_language | Q(pk__in=[term.pk for term in chosen]) if chosen else in_language
            )


# No filter of the site has this many values to choose from; more in one request is not a reader.
MAX_VALUES_PER_FILTER = 50


class BoundedMultipleChoiceMixin(forms.MultipleChoiceField):
    """For the multiple-choice fields of the public filter forms (listings, search): a value
    given many times counts once, more than MAX_VALUES_PER_FILTER values make the filter invalid
    (the page then ignores it, saying so), and the choices are read once per validation rather
    than once per value. A vocabulary's choices are a database query: ``?topic=a&topic=a&...``
    cost a query per repetition. A MultipleChoiceField itself, so that what it overrides is
    checked against Django's; django-filter's field, which it bounds too, is one as well."""

    default_error_messages = {"too_many": _("Choose at most %(limit)d.")}
    _valid_values: set[str] | None = None

    def to_python(self, value: Any) -> list[str]:
        return list(dict.fromkeys(super().to_python(value)))

    def validate(self, value: Any) -> None:
        if len(value) > MAX_VALUES_PER_FILTER:
            raise ValidationError(
                self.error_messages["too_many"],
                code="too_many",
                params={"limit": MAX_VALUES_PER_FILTER},
            )
        self._valid_values = None
        super().validate(value)

    def valid_value(self, value: Any) -> bool:
        if self._valid_values is None:
            # Django's stubs type the choices as what may be assigned; read, they are pairs.
            self._valid_values = set(choice_values(self.choices))  # type: ignore[arg-type]
        return str(value) in self._valid_values


def choice_values(choices: Iterable[tuple[Any, Any]]) -> Iterator[str]:
    """The values of a field's choices, as strings, optgroups included."""
    for key, label in choices:
        if isinstance(label, list | tuple):
            yield from choice_values(label)
        else:
            yield str(key)


class BoundedMultipleChoiceField(BoundedMultipleChoiceMixin):
    pass


class BoundedFilterChoiceField(BoundedMultipleChoiceMixin, filter_fields.MultipleChoiceField):
    """django-filter's multiple-choice form field, bounded."""


class BoundedMultipleChoiceFilter(django_filters.MultipleChoiceFilter):
    field_class = BoundedFilterChoiceField
