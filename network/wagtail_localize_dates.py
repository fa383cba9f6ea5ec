"""wagtail-localize dates the comment under each translated segment ("Translated manually on 2
December 2026") with ``strftime("%-d %B %Y")`` (wagtail_localize/compat.py, models.py):
strftime's month names are the C locale's, English whatever the admin's language. Its
``StringTranslation.get_comment`` is replaced here by the same sentences with the date in
Django's localized DATE_FORMAT ("2 de diciembre de 2026" in Spanish, network/formats/ in
English). Delete this module when wagtail-localize formats its dates with Django."""

from django.utils import formats, timezone
from django.utils.translation import gettext
from wagtail_localize.models import StringTranslation


def localized_comment(string_translation: StringTranslation) -> str | None:
    date = formats.date_format(timezone.localtime(string_translation.updated_at), "DATE_FORMAT")
    if string_translation.tool_name:
        return gettext("Translated with {tool_name} on {date}").format(
            tool_name=string_translation.tool_name, date=date
        )
    if string_translation.translation_type == StringTranslation.TRANSLATION_TYPE_MANUAL:
        return gettext("Translated manually on {date}").format(date=date)
    if string_translation.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE:
        return gettext("Machine translated on {date}").format(date=date)
    return None


def apply() -> None:
    StringTranslation.get_comment = localized_comment
