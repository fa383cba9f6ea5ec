"""The design system's reference page (docs/design.md): every colour, type size and component
of the public site, rendered with the site's own stylesheet and templates, for editors and
whoever maintains the site. In the admin (Help → Design system), for users of the admin."""

import re
from pathlib import Path

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

TOKENS_FILE = Path(settings.BASE_DIR) / "frontend" / "css" / "tokens.css"
COLOUR_TOKEN = re.compile(r"--(color-[a-z0-9-]+):\s*(#[0-9a-fA-F]{3,6})\s*;")


def luminance(hex_colour: str) -> float:
    """WCAG 2's relative luminance of an sRGB colour."""
    value = hex_colour.lstrip("#")
    if len(value) == 3:
        value = "".join(character * 2 for character in value)
    channels = [int(value[index : index + 2], 16) / 255 for index in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def colour_tokens() -> list[tuple[str, str, float, float]]:
    """``(name, hex, contrast on white, contrast on navy-950)`` of every colour token, read
    from the stylesheet's own tokens so the page cannot fall behind them."""
    tokens = COLOUR_TOKEN.findall(TOKENS_FILE.read_text())
    navy = dict(tokens)["color-navy-950"]
    return [
        (name, value, round(contrast(value, "#ffffff"), 1), round(contrast(value, navy), 1))
        for name, value in tokens
    ]


class SampleForm(forms.Form):
    """One field of each kind the site's forms use, with help and an error."""

    name = forms.CharField(label=_("Name"), help_text=_("As it should appear on the site."))
    email = forms.EmailField(label=_("E-mail"))
    sector = forms.ChoiceField(
        label=_("Sector"), choices=[("", _("Choose your sector")), ("a", "A"), ("b", "B")]
    )
    bio = forms.CharField(label=_("Short biography"), widget=forms.Textarea(attrs={"rows": 3}))
    languages = forms.MultipleChoiceField(
        label=_("Languages spoken"),
        choices=[("en", _("English")), ("es", _("Spanish"))],
        widget=forms.CheckboxSelectMultiple,
    )
    format = forms.ChoiceField(
        label=_("Format"),
        choices=[("online", _("Online")), ("in-person", _("In person"))],
        widget=forms.RadioSelect,
    )
    photo = forms.FileField(label=_("Photo"), required=False)
    agree = forms.BooleanField(label=_("Open to collaboration"), required=False)


def design_system(request: HttpRequest) -> HttpResponse:
    """Registered as an admin URL (network/wagtail_hooks.py): Wagtail lets in only users who
    may use the admin."""
    form = SampleForm({"name": "Ana Pérez", "email": "not an address"})
    form.is_valid()  # shows the error states
    return render(
        request,
        "network/styleguide.html",
        {
            "colours": colour_tokens(),
            "form": form,
            "type_sizes": ["text-3xl", "text-2xl", "text-xl", "text-lg", "text-base", "text-sm"],
            "sample_page": Paginator(range(30), 10).get_page(2),
            "statuses": [
                ("open", _("Open")),
                ("closing-soon", _("Closing soon")),
                ("upcoming", _("Upcoming")),
                ("closed", _("Closed")),
            ],
        },
    )
