from django.db import models
from django.utils.translation import gettext_lazy as _


class EventType(models.TextChoices):
    EXPERT_EXCHANGE = "expert-exchange", _("Expert exchange")
    WORKSHOP = "workshop", _("Workshop")
    WEBINAR = "webinar", _("Webinar")
    CONFERENCE = "conference", _("Conference")
    VISIT = "visit", _("Visit")


class EventFormat(models.TextChoices):
    IN_PERSON = "in-person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid")
