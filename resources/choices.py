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
