"""The member directory for ``load_demo``: the directory in both languages and a few clearly
fictional profiles across sectors, cities and countries, published as if approved. Each profile
is written in its member's language and translated into the other; names stay as they are
(demo_data/members.yaml)."""

from pathlib import Path

from wagtail.models import Locale, Site

from members.models import MemberIndexPage, MemberPage
from network.demo import Catalogue, ensure_child_page, ensure_translation, load_demo_data
from network.models import Place, Topic

MEMBERS_FILE = Path(__file__).parent / "demo_data" / "members.yaml"
# What a profile's member writes, in their language; the demo translates it into the other.
TRANSLATED_FIELDS = ("role", "organisation", "bio")
# The placeholder profiles of an older demo, by slug, with their titles: replaced by the above.
OLD_PROFILES = {
    "example-member-municipal-officer": "Example Member — Municipal economic development officer",
    "example-member-business-association": (
        "Example Member — Barrio Comercial association president"
    ),
    "example-member-researcher": "Example Member — Urban governance researcher",
    "example-member-bid-manager": "Example Member — Business improvement district manager",
}


def build(log):
    data = load_demo_data(MEMBERS_FILE)
    english = Locale.get_default()
    spanish = Locale.objects.get(language_code="es")
    home = Site.objects.get(is_default_site=True).root_page.specific
    directory, created = ensure_child_page(
        home, MemberIndexPage, show_in_menus=True, **data.content["directory"]
    )
    log(f"{'created' if created else 'exists'}: page “{directory.title}”")
    # The Spanish directory must exist before profiles are published: each gets a copy there.
    translated, created = ensure_translation(directory, spanish, data.catalogue)
    log(f"{'translated' if created else 'exists'}: es “{translated.title}”")
    remove_old_profiles(log)
    directories = {"en": directory, "es": translated}
    locales = {"en": english, "es": spanish}
    for profile in data.content["profiles"]:
        written, translation = profile_texts(profile, data.catalogue)
        page, created = ensure_profile(directories, locales, {**profile, **written})
        log(f"{'created' if created else 'exists'}: member profile “{page.title}”")
        other = "en" if profile["language"] == "es" else "es"
        catalogue = Catalogue(
            {
                profile["title"]: profile["title"],
                profile["slug"]: profile["slug"],
                **{written[field]: translation[field] for field in TRANSLATED_FIELDS},
            },
            data.catalogue.origin,
        )
        translated, created = ensure_translation(page, locales[other], catalogue)
        log(f"{'translated' if created else 'exists'}: {other} “{translated.role}”")


def remove_old_profiles(log):
    """The older demo's placeholders, and their copies in the other language (aliases first, as
    they point to their original). A profile an editor renamed or gave to a member stays."""
    old = [
        page
        for page in MemberPage.objects.filter(slug__in=OLD_PROFILES, user=None)
        if page.title == OLD_PROFILES[page.slug]
    ]
    for page in sorted(old, key=lambda page: page.alias_of_id is None):
        page.delete()
        log(f"removed: older demo profile “{page.title}” ({page.locale.language_code})")


def profile_texts(profile, catalogue):
    """The profile's texts as its member wrote them and as translated into the other language:
    the data file's English and Spanish of each, in that order or the other."""
    english = {field: profile[field] for field in TRANSLATED_FIELDS}
    spanish = {field: catalogue[text] for field, text in english.items()}
    return (spanish, english) if profile["language"] == "es" else (english, spanish)


def ensure_profile(directories, locales, data):
    language = data.pop("language")
    locale = locales[language]
    # Fictional members have no account: editors can keep profiles that no member owns.
    return ensure_child_page(
        directories[language],
        MemberPage,
        data.pop("slug"),
        country=Place.objects.get(slug=data.pop("country"), locale=locale),
        city=Place.objects.get(slug=data.pop("city"), locale=locale),
        expertise=list(Topic.objects.filter(slug__in=data.pop("expertise"), locale=locale)),
        **data,
    )
