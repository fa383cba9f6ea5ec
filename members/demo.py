"""The member directory for ``load_demo``: the directory in both languages and a few clearly
fictional profiles across sectors and countries, published as if approved."""

from wagtail.models import Locale, Site

from members.choices import Sector
from members.models import MemberIndexPage, MemberPage
from network.demo import ensure_child_page, ensure_translation
from network.models import Place, Topic

DIRECTORY = {
    "title": "Members",
    "introduction": (
        "Researchers, officials, municipal staff and business associations working on business "
        "improvement districts, urban governance and city leadership in Chile and the UK."
    ),
}
SPANISH = {
    "Members": "Miembros",
    "members": "miembros",
    DIRECTORY["introduction"]: (
        "Investigadores, funcionarios, equipos municipales y asociaciones gremiales que trabajan "
        "en barrios comerciales, gobernanza urbana y liderazgo urbano en Chile y el Reino Unido."
    ),
}
# Every profile is fictional and says so; each is written in its member's language.
PROFILES = [
    {
        "language": "es",
        "slug": "example-member-municipal-officer",
        "title": "Example Member — Municipal economic development officer",
        "role": "Encargada de desarrollo económico local (perfil ficticio)",
        "organisation": "Municipalidad de ejemplo",
        "sector": Sector.LOCAL_GOVERNMENT,
        "country": "chile",
        "city": "valparaiso",
        "expertise": ["business-improvement-districts", "local-economic-development"],
        "bio": "Perfil de demostración: no corresponde a ninguna persona real.",
        "languages": ["es", "en"],
        "open_to_collaboration": True,
    },
    {
        "language": "es",
        "slug": "example-member-business-association",
        "title": "Example Member — Barrio Comercial association president",
        "role": "Presidente de asociación gremial (perfil ficticio)",
        "organisation": "Asociación de comerciantes de ejemplo",
        "sector": Sector.BUSINESS_ASSOCIATION,
        "country": "chile",
        "city": "temuco",
        "expertise": ["small-business", "urban-regeneration"],
        "bio": "Perfil de demostración: no corresponde a ninguna persona real.",
        "languages": ["es"],
        "open_to_collaboration": True,
    },
    {
        "language": "en",
        "slug": "example-member-researcher",
        "title": "Example Member — Urban governance researcher",
        "role": "Research fellow (fictional profile)",
        "organisation": "Example University",
        "sector": Sector.ACADEMIA,
        "country": "united-kingdom",
        "city": "london",
        "expertise": ["city-leadership", "smart-urban-governance"],
        "bio": "A demonstration profile: it does not describe a real person.",
        "languages": ["en", "es"],
        "open_to_collaboration": True,
    },
    {
        "language": "en",
        "slug": "example-member-bid-manager",
        "title": "Example Member — Business improvement district manager",
        "role": "BID manager (fictional profile)",
        "organisation": "Example BID Company",
        "sector": Sector.PRIVATE_SECTOR,
        "country": "united-kingdom",
        "city": "manchester",
        "expertise": ["business-improvement-districts", "public-private-partnerships"],
        "bio": "A demonstration profile: it does not describe a real person.",
        "languages": ["en"],
        "open_to_collaboration": False,
    },
]


def build(log):
    english = Locale.get_default()
    spanish = Locale.objects.get(language_code="es")
    home = Site.objects.get(is_default_site=True).root_page.specific
    directory, created = ensure_child_page(
        home, MemberIndexPage, "members", show_in_menus=True, **DIRECTORY
    )
    log(f"{'created' if created else 'exists'}: page “{directory.title}”")
    # The Spanish directory must exist before profiles are published: each gets a copy there.
    translated, created = ensure_translation(directory, spanish, SPANISH)
    log(f"{'translated' if created else 'exists'}: es “{translated.title}”")
    directories = {"en": directory, "es": translated}
    locales = {"en": english, "es": spanish}
    for data in PROFILES:
        page, created = ensure_profile(directories, locales, dict(data))
        log(f"{'created' if created else 'exists'}: member profile “{page.title}”")


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
