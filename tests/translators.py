"""A machine translator for tests: deterministic, offline, and easy to recognise in a page.

Configure it with the pytest-django ``settings`` fixture::

    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "tests.translators.TestTranslator",
        "OPTIONS": {},
    }

It stands in for DeepL, which cannot be called from the test suite.
"""

from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue


def language(locale):
    return locale.language_code.split("-")[0].lower()


def machine_text(text, language_code):
    """What the test translator makes of ``text`` (plain text or a segment's inline HTML)."""
    return f"[{language_code}] {text}"


class TestTranslator(BaseMachineTranslator):
    """Prefixes every string with the target language code: "Policy brief" becomes
    "[es] Policy brief".

    The prefix goes in front of the segment's HTML, so inline markup (``<b>``, links with their
    ``id`` placeholders) survives as wagtail-localize expects of a real translator.
    """

    __test__ = False  # a translator, not a test class for pytest to collect

    display_name = "Test translator"

    def translate(self, source_locale, target_locale, strings):
        code = language(target_locale)
        return {string: StringValue(machine_text(string.data, code)) for string in strings}

    def can_translate(self, source_locale, target_locale):
        return language(source_locale) != language(target_locale)
