from django.db import models
from django.utils.translation import gettext_lazy as _


class ResourceType(models.TextChoices):
    WHITE_PAPER = "white_paper", _("White paper")
    POLICY_BRIEF = "policy_brief", _("Policy brief")
    REPORT = "report", _("Report")
    CASE_STUDY = "case_study", _("Case study")
    DATASET = "dataset", _("Dataset")
    PRESENTATION = "presentation", _("Presentation")
    ARTICLE = "article", _("Article")
    VIDEO = "video", _("Video")


class PublicationLanguage(models.TextChoices):
    ENGLISH = "en", _("English")
    SPANISH = "es", _("Spanish")
    PORTUGUESE = "pt", _("Portuguese")
    OTHER = "other", _("Other language")


#: Said beside a download on a page in another language: "PDF, 1.2 MB · in English".
WRITTEN_IN = {
    PublicationLanguage.ENGLISH: _("in English"),
    PublicationLanguage.SPANISH: _("in Spanish"),
    PublicationLanguage.PORTUGUESE: _("in Portuguese"),
}


class Licence(models.TextChoices):
    """SPDX identifiers, which CSL-JSON and schema.org name a licence by its address."""

    CC_BY = "CC-BY-4.0", _("Creative Commons Attribution 4.0 (CC BY 4.0)")
    CC_BY_SA = "CC-BY-SA-4.0", _("Creative Commons Attribution-ShareAlike 4.0 (CC BY-SA 4.0)")
    CC_BY_NC = "CC-BY-NC-4.0", _("Creative Commons Attribution-NonCommercial 4.0 (CC BY-NC 4.0)")
    CC_BY_NC_SA = (
        "CC-BY-NC-SA-4.0",
        _("Creative Commons Attribution-NonCommercial-ShareAlike 4.0 (CC BY-NC-SA 4.0)"),
    )
    CC_BY_ND = "CC-BY-ND-4.0", _("Creative Commons Attribution-NoDerivatives 4.0 (CC BY-ND 4.0)")
    CC_BY_NC_ND = (
        "CC-BY-NC-ND-4.0",
        _("Creative Commons Attribution-NonCommercial-NoDerivatives 4.0 (CC BY-NC-ND 4.0)"),
    )
    CC0 = "CC0-1.0", _("Public domain dedication (CC0 1.0)")
    ALL_RIGHTS_RESERVED = "all-rights-reserved", _("All rights reserved")


LICENCE_URLS = {
    Licence.CC_BY: "https://creativecommons.org/licenses/by/4.0/",
    Licence.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/",
    Licence.CC_BY_NC: "https://creativecommons.org/licenses/by-nc/4.0/",
    Licence.CC_BY_NC_SA: "https://creativecommons.org/licenses/by-nc-sa/4.0/",
    Licence.CC_BY_ND: "https://creativecommons.org/licenses/by-nd/4.0/",
    Licence.CC_BY_NC_ND: "https://creativecommons.org/licenses/by-nc-nd/4.0/",
    Licence.CC0: "https://creativecommons.org/publicdomain/zero/1.0/",
}
