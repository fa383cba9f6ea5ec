"""The Spanish the site corrects in Wagtail's and wagtail-localize's strings
(network/catalogue_corrections.py): each correction is still for one of the package's msgids,
and the site's translation is the one Django uses."""

from pathlib import Path

import polib
import pytest
import wagtail
from django.utils import translation

from network import catalogue_corrections

PACKAGE_CATALOGUES = {
    "wagtail": Path(wagtail.__file__).parent / "admin/locale/es/LC_MESSAGES/django.po",
}
CORRECTED = {"wagtail": catalogue_corrections.WAGTAIL_NOTIFICATIONS}


def package_translations(package):
    return {entry.msgid: entry.msgstr for entry in polib.pofile(PACKAGE_CATALOGUES[package])}


@pytest.mark.parametrize("package", sorted(CORRECTED))
def test_each_correction_is_for_a_msgid_of_the_installed_package(package):
    theirs = package_translations(package)
    missing = [msgid for msgid in CORRECTED[package] if msgid not in theirs]
    assert not missing, f"{package} no longer has these msgids: {missing}"


@pytest.mark.parametrize("package", sorted(CORRECTED))
def test_the_sites_spanish_replaces_the_packages(package):
    theirs = package_translations(package)
    with translation.override("es"):
        for msgid in CORRECTED[package]:
            ours = translation.gettext(msgid)
            assert ours != msgid, f"no Spanish for {msgid!r}"
            assert ours != theirs[msgid], f"{msgid!r} is translated as {package} does"
            assert "Puedes" not in ours and "ha sido enviado " not in ours
