"""The Spanish the site corrects in Wagtail's and wagtail-localize's strings
(network/catalogue_corrections.py, locale/es/LC_MESSAGES/djangojs.po): each correction is still
for one of the package's msgids, the site's translation is the one Django uses, and the Spanish
admin shows it, through the real admin views of a user whose admin language is Spanish."""

import json
import re
from html import unescape
from pathlib import Path

import allauth
import polib
import pytest
import wagtail
import wagtail_localize
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile
from wagtail_localize.models import TranslationSource

from network import catalogue_corrections

PACKAGES = {
    "allauth": Path(allauth.__file__).parent,
    "wagtail": Path(wagtail.__file__).parent,
    "wagtail_localize": Path(wagtail_localize.__file__).parent,
}
CORRECTED = {
    "allauth": catalogue_corrections.ALLAUTH,
    "wagtail": catalogue_corrections.WAGTAIL_NOTIFICATIONS,
    "wagtail_localize": catalogue_corrections.WAGTAIL_LOCALIZE,
}
OUR_JAVASCRIPT_CATALOGUE = Path(settings.BASE_DIR) / "locale/es/LC_MESSAGES/djangojs.po"
ENGLISH_MONTHS = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|December)\b"
)


def package_msgids(package, domain="django"):
    """Every msgid of the package's catalogues, whichever language has it (some are in no
    Spanish catalogue: those are the untranslated ones)."""
    return {
        entry.msgid
        for path in PACKAGES[package].glob(f"**/locale/*/LC_MESSAGES/{domain}.po")
        for entry in polib.pofile(path)
        if not entry.obsolete
    }


def package_spanish(package, domain="django"):
    return {
        entry.msgid: entry.msgstr
        for path in PACKAGES[package].glob(f"**/locale/es/LC_MESSAGES/{domain}.po")
        for entry in polib.pofile(path)
    }


@pytest.mark.parametrize("package", sorted(CORRECTED))
def test_each_correction_is_for_a_msgid_of_the_installed_package(package):
    theirs = package_msgids(package)
    missing = [msgid for msgid in CORRECTED[package] if msgid not in theirs]
    assert not missing, f"{package} no longer has these msgids: {missing}"


@pytest.mark.parametrize("package", sorted(CORRECTED))
def test_the_sites_spanish_replaces_the_packages(package):
    theirs = package_spanish(package)
    with translation.override("es"):
        for msgid in CORRECTED[package]:
            ours = translation.gettext(msgid)
            assert ours != msgid, f"no Spanish for {msgid!r}"
            assert ours != theirs.get(msgid), f"{msgid!r} is translated as {package} does"
            assert not re.search(
                r"\b(puedes|estás|haz|corrígelos|carga|ten|tienes|tu|descarga)\b", ours, re.I
            ), ours


def test_each_javascript_correction_is_for_a_msgid_of_wagtail_localize():
    ours = [entry for entry in polib.pofile(OUR_JAVASCRIPT_CATALOGUE) if entry.msgid]
    theirs = package_msgids("wagtail_localize", "djangojs")
    spanish = package_spanish("wagtail_localize", "djangojs")
    assert ours
    for entry in ours:
        assert entry.msgid in theirs, f"wagtail-localize no longer has {entry.msgid!r}"
        assert entry.msgstr and entry.msgstr != spanish.get(entry.msgid), entry.msgid
        # A msgid ending in a space is followed by a name: so is its translation.
        assert entry.msgid.endswith(" ") == entry.msgstr.endswith(" "), entry.msgid


# --- In the Spanish admin ------------------------------------------------------------------


@pytest.fixture
def traductora(db):
    """An editor whose admin language is Spanish."""
    user = get_user_model().objects.create_user(
        "traductora", "traductora@example.org", "a-long-password-1"
    )
    user.groups.add(Group.objects.get(name="Editors"))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "es"
    profile.save()
    return user


@pytest.fixture
def spanish_admin(client, traductora):
    client.force_login(traductora)
    return client


def test_the_translation_editor_dates_its_segments_in_spanish(spanish_admin, site_tree):
    """The demo translated the Spanish page with load_demo: each segment's comment says when,
    in Spanish ("2 de diciembre de 2026"), where wagtail-localize wrote "2 December 2026"."""
    response = spanish_admin.get(reverse("wagtailadmin_pages:edit", args=[site_tree.about_es.pk]))
    assert response.status_code == 200
    editor = BeautifulSoup(response.content, "html.parser").select_one(".js-translation-editor")
    props = json.loads(editor["data-props"])
    comments = [translated["comment"] for translated in props["initialStringTranslations"]]
    assert comments
    for comment in comments:
        assert re.fullmatch(r"Traducido con load_demo el \d{1,2} de [a-z]+ de \d{4}", comment)
        assert not ENGLISH_MONTHS.search(comment)

    # The editor's heading, which wagtail-localize writes in English, in Spanish.
    [script] = [
        script
        for script in BeautifulSoup(response.content, "html.parser").select("script[data-title]")
        if script["src"].endswith("js/translation-editor-title.js")
    ]
    assert script["data-title"] == "Traducción: %(source)s → %(target)s"
    assert props["sourceLocale"]["displayName"] == "Inglés"
    assert props["locale"]["displayName"] == "Español"


def test_the_translation_editors_buttons_keep_the_space_before_a_name(spanish_admin):
    """wagtail-localize's catalogue had "Publicar en" + "Español": "Publicar enEspañol"."""
    response = spanish_admin.get(reverse("wagtail_localize:javascript_catalog"))
    assert response.status_code == 200
    script = response.content.decode()
    catalogue = json.loads(re.search(r"const newcatalog = (\{.*?\n  \});", script, re.S)[1])
    assert catalogue["Publish in "] == "Publicar en "
    assert catalogue["Translate with "] == "Traducir con "
    assert catalogue["Translate all missing strings with "] == (
        "Traducir todas las cadenas que faltan con "
    )
    assert catalogue["Stopping Synced translation"] == "Deteniendo la traducción sincronizada"


def test_syncing_translations_offers_machine_translation_in_spanish(
    spanish_admin, traductora, site_tree, settings
):
    # Publishing the synced pages is offered to those who may publish.
    traductora.groups.add(Group.objects.get(name="Moderators"))
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"
    }
    source = TranslationSource.objects.get_for_instance(site_tree.about_en)
    response = spanish_admin.get(reverse("wagtail_localize:update_translations", args=[source.pk]))
    assert response.status_code == 200
    html = unescape(response.content.decode())
    assert "Usar traducción automática" in html
    assert "a menos que también elija «Usar traducción automática»" in html
    assert "Use machine translation" not in html


def test_the_locales_pages_are_in_spanish(client, db):
    administradora = get_user_model().objects.create_superuser(
        "administradora", "administradora@example.org", "a-long-password-1"
    )
    profile = UserProfile.get_for_user(administradora)
    profile.preferred_language = "es"
    profile.save()
    client.force_login(administradora)
    response = client.get(reverse("wagtaillocales:index"))
    assert response.status_code == 200
    assert "Añadir una región" in unescape(response.content.decode())
