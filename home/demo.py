"""Demo content for the home and standard pages, from the programme description, in English with
its Spanish translation."""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Locale, Page, Site

from home.models import HomePage, StandardPage
from network.demo import ensure_child_page, ensure_translation
from resources.models import ResourcePage

ABOUT = {
    "title": "About the programme",
    "search_description": (
        "How UK and Chilean partners are rethinking city leadership and business development "
        "in Chilean cities."
    ),
    "introduction": (
        "A policy exchange between Chile and the United Kingdom on business improvement "
        "districts, smart urban governance and city leadership."
    ),
    "body": [
        ("heading", {"text": "Why this programme", "level": "h2"}),
        (
            "paragraph",
            "<p>With the UK Foreign and Commonwealth Office and the British Embassy in Santiago, "
            "the UCL City Leadership Initiative works with the Chilean Government to rethink and "
            "assess city leadership policy and business development in Chilean cities.</p>"
            "<p>The programme supports Chile's Technical Cooperation Service (SERCOTEC) and "
            "Ministry of Housing and Urban Development (MINVU) in building a national framework "
            "for innovative city leadership, drawing on the UK's Future of Cities foresight "
            "programme, its experience of devolution and international research.</p>",
        ),
        ("heading", {"text": "Three areas of exchange", "level": "h2"}),
        (
            "paragraph",
            "<ul><li>Business improvement districts and Chile's Barrios Comerciales</li>"
            "<li>Smart urban governance</li><li>City leadership</li></ul>",
        ),
        ("heading", {"text": "What the programme delivers", "level": "h2"}),
        (
            "paragraph",
            "<p>A white paper for MINVU on a national strategy for smarter city leadership and "
            "governance, a policy brief on business improvement districts that condenses UK and "
            "international practice, and the report Placing Business Leadership: insights from "
            "Chile's Barrios Comerciales.</p>"
            "<p>Experts from both countries meet in June and again in November, and the network "
            "builds further bridges for science-policy collaboration.</p>",
        ),
        (
            "quote",
            {
                "quote": "Linking policy in Chile with practice in the UK opens a window for "
                "prosperity in Chilean cities for the long term.",
                "attribution": "The programme team",
            },
        ),
    ],
}

PARTNERS = {
    "title": "Partners",
    "search_description": "The institutions in Chile and the United Kingdom behind the network.",
    "introduction": (
        "The network brings together government, research and practice in both countries."
    ),
    "body": [
        ("heading", {"text": "In Chile", "level": "h2"}),
        (
            "paragraph",
            "<p>The Technical Cooperation Service (SERCOTEC), a state institution that supports "
            "small businesses and the Barrios Comerciales programme.</p>"
            "<p>The Ministry of Housing and Urban Development (MINVU), which leads national urban "
            "policy.</p>",
        ),
        ("heading", {"text": "In the United Kingdom", "level": "h2"}),
        (
            "paragraph",
            "<p>The UCL City Leadership Initiative, which leads the research and policy advice, "
            "and The Business of Cities, which facilitates the programme.</p>"
            "<p>The Foreign and Commonwealth Office, whose Prosperity Fund funds the programme, "
            "and the British Embassy in Santiago.</p>",
        ),
    ],
}

HOME = {
    "title": "Chile–UK City Leadership Network",
    "search_description": (
        "A Chile–UK science-policy network on business improvement districts, smart urban "
        "governance and city leadership."
    ),
    "hero_heading": "Chile and the UK, learning together how cities are led",
    "hero_text": (
        "Researchers, officials and business associations exchanging research and practice on "
        "Barrios Comerciales, smart urban governance and city leadership."
    ),
    "hero_link_label": "About the programme",
    "introduction": (
        "<p>The network links policy development in Chile with practice in the United Kingdom, "
        "at national and city level.</p>"
        "<p>It grew out of a programme of the UCL City Leadership Initiative with SERCOTEC and "
        "MINVU, and keeps its research, events and calls for collaboration open to everyone.</p>"
    ),
}

# Resource slugs (resources/demo.py), each with the line the home page shows under its title.
FEATURED_OUTPUTS = {
    "placing-business-leadership": (
        "The project report: how Chile's Barrios Comerciales build business leadership in their "
        "neighbourhoods, and how the programme could grow."
    ),
    "business-improvement-districts-policy-brief": (
        "UK practice and international examples of business improvement districts, condensed "
        "for SERCOTEC."
    ),
    "national-strategy-smarter-city-leadership": (
        "The white paper for MINVU on a national strategy for smarter city leadership and "
        "governance."
    ),
}

SPANISH = {
    # Home page
    FEATURED_OUTPUTS["placing-business-leadership"]: "El informe del proyecto: cómo los Barrios "
    "Comerciales de Chile construyen liderazgo empresarial en sus barrios, y cómo podría crecer "
    "el programa.",
    FEATURED_OUTPUTS["business-improvement-districts-policy-brief"]: "La práctica británica y "
    "ejemplos internacionales de distritos de mejoramiento comercial, resumidos para SERCOTEC.",
    FEATURED_OUTPUTS["national-strategy-smarter-city-leadership"]: "El libro blanco para el MINVU "
    "sobre una estrategia nacional de liderazgo y gobernanza urbana más inteligente.",
    "Chile–UK City Leadership Network": "Red Chile–Reino Unido de Liderazgo Urbano",
    "home": "inicio",
    "A Chile–UK science-policy network on business improvement districts, smart urban governance "
    "and city leadership.": "Una red de ciencia y políticas públicas entre Chile y el Reino Unido "
    "sobre distritos de mejoramiento comercial, gobernanza urbana inteligente y liderazgo urbano.",
    "Chile and the UK, learning together how cities are led": "Chile y el Reino Unido aprenden "
    "juntos cómo se lideran las ciudades",
    "Researchers, officials and business associations exchanging research and practice on Barrios "
    "Comerciales, smart urban governance and city leadership.": "Investigadores, funcionarios y "
    "asociaciones gremiales que intercambian investigación y práctica sobre Barrios Comerciales, "
    "gobernanza urbana inteligente y liderazgo urbano.",
    "About the programme": "Sobre el programa",
    "The network links policy development in Chile with practice in the United Kingdom, at "
    "national and city level.": "La red vincula el desarrollo de políticas en Chile con la "
    "práctica en el Reino Unido, a escala nacional y local.",
    "It grew out of a programme of the UCL City Leadership Initiative with SERCOTEC and MINVU, and "
    "keeps its research, events and calls for collaboration open to everyone.": "Nació de un "
    "programa de la UCL City Leadership Initiative con SERCOTEC y el MINVU, y mantiene su "
    "investigación, sus eventos y sus convocatorias abiertos a todos.",
    # About the programme
    "about": "sobre-el-programa",
    "How UK and Chilean partners are rethinking city leadership and business development in "
    "Chilean cities.": "Cómo socios británicos y chilenos están repensando el liderazgo urbano y "
    "el desarrollo empresarial en las ciudades de Chile.",
    "A policy exchange between Chile and the United Kingdom on business improvement districts, "
    "smart urban governance and city leadership.": "Un intercambio de políticas entre Chile y el "
    "Reino Unido sobre distritos de mejoramiento comercial, gobernanza urbana inteligente y "
    "liderazgo urbano.",
    "Why this programme": "Por qué este programa",
    "With the UK Foreign and Commonwealth Office and the British Embassy in Santiago, the UCL City "
    "Leadership Initiative works with the Chilean Government to rethink and assess city leadership "
    "policy and business development in Chilean cities.": "Junto a la Oficina de Asuntos "
    "Exteriores y de la Commonwealth del Reino Unido y la Embajada Británica en Santiago, la UCL "
    "City Leadership Initiative trabaja con el Gobierno de Chile para repensar y evaluar la "
    "política de liderazgo urbano y el desarrollo empresarial en las ciudades chilenas.",
    "The programme supports Chile's Technical Cooperation Service (SERCOTEC) and Ministry of "
    "Housing and Urban Development (MINVU) in building a national framework for innovative city "
    "leadership, drawing on the UK's Future of Cities foresight programme, its experience of "
    "devolution and international research.": "El programa apoya al Servicio de Cooperación "
    "Técnica (SERCOTEC) y al Ministerio de Vivienda y Urbanismo (MINVU) en la construcción de un "
    "marco nacional para un liderazgo urbano innovador, a partir del programa de prospectiva "
    "Future of Cities del Reino Unido, su experiencia en descentralización y la investigación "
    "internacional.",
    "Three areas of exchange": "Tres áreas de intercambio",
    "Business improvement districts and Chile's Barrios Comerciales": "Distritos de mejoramiento "
    "comercial y los Barrios Comerciales de Chile",
    "Smart urban governance": "Gobernanza urbana inteligente",
    "City leadership": "Liderazgo urbano",
    "What the programme delivers": "Qué entrega el programa",
    "A white paper for MINVU on a national strategy for smarter city leadership and governance, a "
    "policy brief on business improvement districts that condenses UK and international practice, "
    "and the report Placing Business Leadership: insights from Chile's Barrios Comerciales.": "Un "
    "libro blanco para el MINVU sobre una estrategia nacional de liderazgo y gobernanza urbana más "
    "inteligente, un informe de políticas sobre distritos de mejoramiento comercial que resume la "
    "práctica británica e internacional, y el informe Placing Business Leadership: insights from "
    "Chile's Barrios Comerciales.",
    "Experts from both countries meet in June and again in November, and the network builds "
    "further bridges for science-policy collaboration.": "Expertos de ambos países se reúnen en "
    "junio y de nuevo en noviembre, y la red tiende nuevos puentes de colaboración entre ciencia "
    "y políticas públicas.",
    "Linking policy in Chile with practice in the UK opens a window for prosperity in Chilean "
    "cities for the long term.": "Vincular las políticas de Chile con la práctica del Reino Unido "
    "abre una oportunidad para la prosperidad de las ciudades chilenas a largo plazo.",
    "The programme team": "El equipo del programa",
    # Partners
    "Partners": "Socios",
    "partners": "socios",
    "The institutions in Chile and the United Kingdom behind the network.": "Las instituciones de "
    "Chile y el Reino Unido que sostienen la red.",
    "The network brings together government, research and practice in both countries.": "La red "
    "reúne al gobierno, la investigación y la práctica de ambos países.",
    "In Chile": "En Chile",
    "The Technical Cooperation Service (SERCOTEC), a state institution that supports small "
    "businesses and the Barrios Comerciales programme.": "El Servicio de Cooperación Técnica "
    "(SERCOTEC), institución del Estado que apoya a las pequeñas empresas y al programa Barrios "
    "Comerciales.",
    "The Ministry of Housing and Urban Development (MINVU), which leads national urban "
    "policy.": "El Ministerio de Vivienda y Urbanismo (MINVU), que conduce la política urbana "
    "nacional.",
    "In the United Kingdom": "En el Reino Unido",
    "The UCL City Leadership Initiative, which leads the research and policy advice, and The "
    "Business of Cities, which facilitates the programme.": "La UCL City Leadership Initiative, "
    "que dirige la investigación y la asesoría en políticas, y The Business of Cities, que "
    "facilita el programa.",
    "The Foreign and Commonwealth Office, whose Prosperity Fund funds the programme, and the "
    "British Embassy in Santiago.": "La Oficina de Asuntos Exteriores y de la Commonwealth, cuyo "
    "Prosperity Fund financia el programa, y la Embajada Británica en Santiago.",
}


def ensure_home_page(log):
    """The English home page as the root of the default site, replacing Wagtail's placeholder."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is not None and isinstance(site.root_page.specific, HomePage):
        log(f"exists: home page “{site.root_page.title}”")
        return site.root_page.specific

    root = Page.get_first_root_node()
    placeholder = root.get_children().filter(slug="home", content_type__model="page").first()
    if placeholder is not None and placeholder.is_leaf():
        placeholder.delete()
        root.refresh_from_db()

    home, _ = ensure_child_page(root, HomePage, "home", **HOME)
    if site is None:
        site = Site(hostname="localhost", port=80, is_default_site=True)
    site.root_page = home
    site.site_name = settings.WAGTAIL_SITE_NAME
    site.save()
    log(f"created: home page “{home.title}”")
    return home


def ensure_site_address(log):
    """Give the default site the host name and port of WAGTAILADMIN_BASE_URL, so that page URLs
    built from the site (``full_url``, ``root_url``) and Wagtail's admin links agree. For
    development only, where that URL follows the server's address (settings/dev.py); in
    production the site's address is the operator's to set."""
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    hostname = address.hostname
    port = address.port or (443 if address.scheme == "https" else 80)
    site = Site.objects.get(is_default_site=True)
    if (site.hostname, site.port) == (hostname, port):
        log(f"exists: site address {site.root_url}")
        return
    if Site.objects.filter(hostname=hostname, port=port).exists():
        log(f"unchanged: site address {site.root_url} (another site has {hostname}:{port})")
        return
    site.hostname, site.port = hostname, port
    site.save(update_fields=["hostname", "port"])
    log(f"updated: site address {site.root_url}")


def build(log):
    spanish = Locale.objects.get_or_create(language_code="es")[0]
    home = ensure_home_page(log)

    pages = []
    for slug, content in (("about", ABOUT), ("partners", PARTNERS)):
        page, created = ensure_child_page(home, StandardPage, slug, show_in_menus=True, **content)
        log(f"{'created' if created else 'exists'}: page “{page.title}”")
        pages.append(page)

    # A home page the demo has not touched yet: an editor may have cleared the link since.
    if home.hero_link_page is None and not home.featured:
        home.hero_link_page = pages[0]
        home.save_revision().publish()

    for page in [home, *pages]:
        translated, created = ensure_translation(page, spanish, SPANISH)
        log(f"{'translated' if created else 'exists'}: es “{translated.title}”")


def feature_outputs(log):
    """The programme's outputs as the home page's highlights, once the library has them. The
    About and Partners pages an older demo featured there, already in the menu, give way."""
    home = Site.objects.get(is_default_site=True).root_page.specific
    outputs = {
        page.slug: page
        for page in ResourcePage.objects.live().filter(
            locale_id=home.locale_id, slug__in=FEATURED_OUTPUTS
        )
    }
    if len(outputs) < len(FEATURED_OUTPUTS):
        log("skipped: featured outputs (the library does not have them)")
        return
    if home.featured and not features_only_old_demo_pages(home):
        log("exists: featured content")
        return
    home.featured = [
        ("featured_page", {"page": outputs[slug], "description": description})
        for slug, description in FEATURED_OUTPUTS.items()
    ]
    home.save_revision().publish()
    log("updated: featured content, the programme's outputs")
    translated, _ = ensure_translation(
        home, Locale.objects.get(language_code="es"), SPANISH, refresh=True
    )
    log(f"updated: es “{translated.title}”")


def features_only_old_demo_pages(home):
    """Whether the home page features exactly what an older demo put there: About, then
    Partners, with no description of their own."""
    featured = [
        (
            block.block_type,
            block.value["page"] and block.value["page"].pk,
            block.value["description"],
        )
        for block in home.featured
    ]
    old = [
        ("featured_page", page.pk, "")
        for slug in ("about", "partners")
        for page in home.get_children().filter(slug=slug)
    ]
    return len(old) == 2 and featured == old
