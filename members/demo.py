"""The member directory for ``load_demo``: the directory in both languages and a few clearly
fictional profiles across sectors, cities and countries, published as if approved. Each profile
is written in its member's language and translated into the other; names stay as they are."""

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
# Every profile is fictional and says so in its role and biography, in both languages.
# "translated" holds the profile's texts in the other language.
PROFILES = [
    {
        "language": "es",
        "slug": "camila-rojas-henriquez",
        "title": "Camila Rojas Henríquez",
        "role": "Encargada de desarrollo económico local (perfil ficticio)",
        "organisation": "Municipalidad de Valparaíso",
        "sector": Sector.LOCAL_GOVERNMENT,
        "country": "chile",
        "city": "valparaiso",
        "expertise": [
            "business-improvement-districts",
            "local-economic-development",
            "urban-regeneration",
        ],
        "bio": "Coordina el trabajo del municipio con las asociaciones de comerciantes de los "
        "cerros y del plan de Valparaíso, y participó en el intercambio de expertos de junio en "
        "Santiago. Perfil de demostración: no corresponde a ninguna persona real.",
        "languages": ["es", "en"],
        "open_to_collaboration": True,
        "translated": {
            "role": "Local economic development officer (fictional profile)",
            "organisation": "Municipality of Valparaíso",
            "bio": "She coordinates the municipality's work with the traders' associations of "
            "Valparaíso's hills and city centre, and took part in the June expert exchange in "
            "Santiago. A demonstration profile: it does not describe a real person.",
        },
    },
    {
        "language": "es",
        "slug": "jorge-millan-carrasco",
        "title": "Jorge Millán Carrasco",
        "role": "Presidente de asociación gremial (perfil ficticio)",
        "organisation": "Asociación Gremial Barrio Comercial Centro Temuco",
        "sector": Sector.BUSINESS_ASSOCIATION,
        "country": "chile",
        "city": "temuco",
        "expertise": ["small-business", "business-improvement-districts"],
        "bio": "Preside una asociación de más de ochenta comercios del centro de Temuco, que "
        "acordó con el municipio su primer plan de mejoramiento del barrio. Perfil de "
        "demostración: no corresponde a ninguna persona real.",
        "languages": ["es"],
        "open_to_collaboration": True,
        "translated": {
            "role": "President of a traders' association (fictional profile)",
            "organisation": "Asociación Gremial Barrio Comercial Centro Temuco",
            "bio": "He chairs an association of more than eighty shops in the centre of Temuco, "
            "which agreed its first neighbourhood improvement plan with the municipality. A "
            "demonstration profile: it does not describe a real person.",
        },
    },
    {
        "language": "es",
        "slug": "paula-sepulveda-ortiz",
        "title": "Paula Sepúlveda Ortiz",
        "role": "Coordinadora regional del programa Barrios Comerciales (perfil ficticio)",
        "organisation": "Servicio de Cooperación Técnica (SERCOTEC)",
        "sector": Sector.NATIONAL_GOVERNMENT,
        "country": "chile",
        "city": "concepcion",
        "expertise": [
            "business-improvement-districts",
            "public-private-partnerships",
            "local-economic-development",
        ],
        "bio": "Acompaña a los Barrios Comerciales de la Región del Biobío en la formación de sus "
        "asociaciones y en la preparación de sus planes de desarrollo. Perfil de demostración: "
        "no corresponde a ninguna persona real.",
        "languages": ["es", "en"],
        "open_to_collaboration": True,
        "translated": {
            "role": "Regional coordinator of the Barrios Comerciales programme (fictional profile)",
            "organisation": "Technical Cooperation Service (SERCOTEC)",
            "bio": "She supports the Barrios Comerciales of the Biobío Region as they form their "
            "associations and prepare their development plans. A demonstration profile: it does "
            "not describe a real person.",
        },
    },
    {
        "language": "en",
        "slug": "helen-marsh",
        "title": "Helen Marsh",
        "role": "Senior research fellow in urban governance (fictional profile)",
        "organisation": "UCL City Leadership Initiative",
        "sector": Sector.ACADEMIA,
        "country": "united-kingdom",
        "city": "london",
        "expertise": ["city-leadership", "smart-urban-governance", "devolution"],
        "bio": "She studies how mayors and city governments lead beyond their formal powers, and "
        "has advised Chilean partners on a national framework for city leadership. A "
        "demonstration profile: it does not describe a real person.",
        "languages": ["en", "es"],
        "open_to_collaboration": True,
        "website": "https://example.org/people/helen-marsh",
        "translated": {
            "role": "Investigadora principal en gobernanza urbana (perfil ficticio)",
            "organisation": "UCL City Leadership Initiative",
            "bio": "Estudia cómo los alcaldes y los gobiernos locales lideran más allá de sus "
            "atribuciones formales, y ha asesorado a socios chilenos en un marco nacional de "
            "liderazgo urbano. Perfil de demostración: no corresponde a ninguna persona real.",
        },
    },
    {
        "language": "en",
        "slug": "tom-hargreaves",
        "title": "Tom Hargreaves",
        "role": "Business improvement district manager (fictional profile)",
        "organisation": "Harbourside Traders BID",
        "sector": Sector.PRIVATE_SECTOR,
        "country": "united-kingdom",
        "city": "bristol",
        "expertise": [
            "business-improvement-districts",
            "public-private-partnerships",
            "urban-regeneration",
        ],
        "bio": "He runs a district funded by three hundred local businesses, and spoke to the "
        "Chilean delegation during the November expert exchange in London. A demonstration "
        "profile: it does not describe a real person.",
        "languages": ["en"],
        "open_to_collaboration": False,
        "translated": {
            "role": "Gerente de distrito de mejoramiento comercial (perfil ficticio)",
            "organisation": "Harbourside Traders BID",
            "bio": "Dirige un distrito financiado por trescientos comercios locales, y expuso "
            "ante la delegación chilena en el intercambio de expertos de noviembre en Londres. "
            "Perfil de demostración: no corresponde a ninguna persona real.",
        },
    },
    {
        "language": "en",
        "slug": "aisha-rahman",
        "title": "Aisha Rahman",
        "role": "Programme lead for community economies (fictional profile)",
        "organisation": "Greater Manchester Civic Forum",
        "sector": Sector.CIVIL_SOCIETY,
        "country": "united-kingdom",
        "city": "manchester",
        "expertise": ["urban-regeneration", "local-economic-development", "devolution"],
        "bio": "She works with residents' groups and small traders on how devolution in Greater "
        "Manchester can reach neighbourhood high streets. A demonstration profile: it does not "
        "describe a real person.",
        "languages": ["en", "es"],
        "open_to_collaboration": True,
        "translated": {
            "role": "Responsable de programas de economías comunitarias (perfil ficticio)",
            "organisation": "Greater Manchester Civic Forum",
            "bio": "Trabaja con organizaciones vecinales y pequeños comerciantes para que la "
            "descentralización en Gran Mánchester llegue a las calles comerciales de los barrios. "
            "Perfil de demostración: no corresponde a ninguna persona real.",
        },
    },
]
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
    remove_old_profiles(log)
    directories = {"en": directory, "es": translated}
    locales = {"en": english, "es": spanish}
    for data in PROFILES:
        page, created = ensure_profile(directories, locales, dict(data))
        log(f"{'created' if created else 'exists'}: member profile “{page.title}”")
        other = "en" if data["language"] == "es" else "es"
        translated, created = ensure_translation(page, locales[other], profile_catalogue(data))
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


def profile_catalogue(data):
    """The profile's strings and their translations into the other language."""
    translated = data["translated"]
    return {
        data["title"]: data["title"],
        data["slug"]: data["slug"],
        **{data[field]: translated[field] for field in ("role", "organisation", "bio")},
    }


def ensure_profile(directories, locales, data):
    language = data.pop("language")
    locale = locales[language]
    del data["translated"]
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
