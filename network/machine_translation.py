from typing import Any

from wagtail_localize.machine_translators.deepl import DeepLTranslator


class BritishEnglishDeepLTranslator(DeepLTranslator):
    """DeepL, translating into British English: the network's English is British, and DeepL
    asks for a variant of English as a target (plain "EN" is deprecated)."""

    def get_parameters(
        self, source_locale: Any, target_locale: Any, strings: Any
    ) -> dict[str, Any]:
        parameters = super().get_parameters(source_locale, target_locale, strings)
        if parameters["target_lang"] == "EN":
            parameters["target_lang"] = "EN-GB"
        return parameters
