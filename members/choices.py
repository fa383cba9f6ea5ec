from django.db import models
from django.utils.translation import gettext_lazy as _


class Sector(models.TextChoices):
    NATIONAL_GOVERNMENT = "national-government", _("National government")
    LOCAL_GOVERNMENT = "local-government", _("Local government")
    ACADEMIA = "academia", _("Academia")
    BUSINESS_ASSOCIATION = "business-association", _("Business association")
    PRIVATE_SECTOR = "private-sector", _("Private sector")
    CIVIL_SOCIETY = "civil-society", _("Civil society")
    OTHER = "other", _("Other")


class SpokenLanguage(models.TextChoices):
    ENGLISH = "en", _("English")
    SPANISH = "es", _("Spanish")
    PORTUGUESE = "pt", _("Portuguese")
    FRENCH = "fr", _("French")
    OTHER = "other", _("Other")
