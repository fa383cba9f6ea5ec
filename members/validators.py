import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# A tag, comment or doctype: what members write is plain text.
MARKUP = re.compile(r"<\s*[a-zA-Z!/?]")
ORCID_FORMAT = re.compile(r"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$")


def orcid_check_digit(digits):
    """ISO 7064 MOD 11-2, as ORCID computes the last character of an iD."""
    total = 0
    for digit in digits:
        total = (total + int(digit)) * 2
    result = (12 - total % 11) % 11
    return "X" if result == 10 else str(result)


def validate_orcid(value):
    """An ORCID iD such as 0000-0002-1825-0097: four groups of four, the last character a check
    digit (or X)."""
    if not ORCID_FORMAT.match(value or ""):
        raise ValidationError(
            _("Enter an ORCID iD such as 0000-0002-1825-0097."), code="orcid_format"
        )
    digits = value.replace("-", "")
    if orcid_check_digit(digits[:-1]) != digits[-1]:
        raise ValidationError(
            _("This ORCID iD is not valid: check its digits."), code="orcid_checksum"
        )


def orcid_url(orcid):
    """The iD's address, as ORCID asks sites to show it; '' for none."""
    return f"https://orcid.org/{orcid}" if orcid else ""


def single_line(value):
    if value and ("\n" in value or "\r" in value):
        raise ValidationError(_("Please write this on one line."), code="line_break")


def plain_text(value):
    if value and MARKUP.search(value):
        raise ValidationError(_("Please write plain text, without HTML."), code="markup")
