"""The home page in both languages and the language switcher, in a real browser."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.slow


def test_home_page_in_english_and_spanish(site_tree, page):
    page.goto("/en/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text(site_tree.home_en.hero_heading)
    expect(page).to_have_title(re.compile("Chile–UK City Leadership Network"))

    page.goto("/es/")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.get_by_role("heading", level=1)).to_have_text(site_tree.home_es.hero_heading)
    assert site_tree.home_es.hero_heading.startswith("Chile y el Reino Unido")
    expect(page).to_have_title(re.compile("Red Chile–Reino Unido de Liderazgo Urbano"))


def test_language_switcher_leads_to_the_translation_and_back(site_tree, page):
    page.goto("/en/about/")
    expect(page.get_by_role("heading", level=1)).to_have_text("About the programme")
    switcher = page.get_by_role("navigation", name="Language")
    expect(switcher.get_by_role("link", name="English")).to_have_attribute("aria-current", "true")

    switcher.get_by_role("link", name="Español").click()

    expect(page).to_have_url(re.compile(r"/es/sobre-el-programa/$"))
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sobre el programa")
    switcher = page.get_by_role("navigation", name="Idioma")
    expect(switcher.get_by_role("link", name="Español")).to_have_attribute("aria-current", "true")

    switcher.get_by_role("link", name="English").click()

    expect(page).to_have_url(re.compile(r"/en/about/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
