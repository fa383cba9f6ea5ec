from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

#: Changes whenever templates/members/privacy_notice.html changes in substance, so that each
#: consent records which notice the member accepted.
PRIVACY_NOTICE_VERSION = "2026-11"


class Consent(models.Model):
    """A member's acceptance of the privacy notice, kept with their account and in their data
    export, and deleted with the account."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consents"
    )
    notice_version = models.CharField(_("privacy notice version"), max_length=20)
    given_at = models.DateTimeField(_("given at"), auto_now_add=True)

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["given_at"]

    def __str__(self):
        return f"{self.user} · {self.notice_version}"
