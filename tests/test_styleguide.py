"""The design system's page (Help → Design system in the admin) and the contrast its colour
tokens claim (issue 17)."""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from network.styleguide import TOKENS_FILE, colour_tokens, contrast

pytestmark = pytest.mark.django_db

CLAIM = re.compile(r"--(color-[a-z0-9-]+):\s*(#[0-9a-fA-F]{3,6});\s*/\*\s*([\d.]+):1(.*?)\*/")


def test_every_contrast_the_tokens_claim_is_true():
    """tokens.css notes each text colour's contrast (on white unless it says "on its tint" or
    "on navy-950"); a changed colour must change its note, and every one meets WCAG AA."""
    tokens = {name: value for name, value, *_ in colour_tokens()}
    claims = CLAIM.findall(TOKENS_FILE.read_text())
    assert len(claims) >= 8
    for name, value, claimed, rest in claims:
        if "on its tint" in rest:
            background = tokens[f"{name}-tint"]
        elif "on navy-950" in rest:
            background = tokens["color-navy-950"]
        else:
            background = "#ffffff"
        assert contrast(value, background) == pytest.approx(float(claimed), abs=0.15), name
        assert float(claimed) >= 4.5, name


def test_the_design_system_page_shows_every_token_and_component(admin_client):
    response = admin_client.get("/admin/design-system/")
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    shown = {code.get_text() for code in html.select(".swatch code")}
    assert shown == {f"--{name}" for name, *_ in colour_tokens()}
    for component in (
        ".button--secondary",
        ".badge--closing-soon",
        ".card",
        ".notice--error",
        ".quote-block",
        ".call-to-action",
        ".pagination",
        "table",
        ".errorlist",
    ):
        assert html.select_one(component) is not None, component
    assert html.select_one('link[href$="styleguide.css"]')


def test_the_design_system_page_is_for_the_admins_users(client):
    response = client.get("/admin/design-system/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_styleguide_stylesheet_draws_every_swatch():
    css = (Path(TOKENS_FILE).parent / "styleguide.css").read_text()
    for name, *_ in colour_tokens():
        assert f".swatch--{name} " in css, name
