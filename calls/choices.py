from django.db import models
from django.utils.translation import gettext_lazy as _


class CallStatus(models.TextChoices):
    UPCOMING = "upcoming", _("Upcoming")
    OPEN = "open", _("Open")
    CLOSING_SOON = "closing-soon", _("Closing soon")
    CLOSED = "closed", _("Closed")


class OfferType(models.TextChoices):
    FUNDING = "funding", _("Funding")
    SECONDMENT = "secondment", _("Secondment")
    EXCHANGE = "exchange", _("Exchange place")
    OTHER = "other", _("Other")
