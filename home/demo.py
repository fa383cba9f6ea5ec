"""Demo content for the home and standard pages, from the programme description, in English with
its Spanish translation."""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Locale, Page, Site

from home.models import HomePage, StandardPage
from network.demo import ensure_child_page, ensure_snippet_translation, ensure_translation
from network.models import Partner, SiteLinks
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

ACCESSIBILITY = {
    "title": "Accessibility statement",
    "search_description": (
        "How accessible this website is, how we test it, what we know does not work yet, and how "
        "to report a problem."
    ),
    "introduction": (
        "We want everyone to be able to use this website, in English and in Spanish, whatever "
        "their abilities and whatever device they use."
    ),
    "body": [
        ("heading", {"text": "Our target", "level": "h2"}),
        (
            "paragraph",
            "<p>The site aims to meet level AA of the Web Content Accessibility Guidelines (WCAG) "
            "2.2. Its colours have the contrast the guidelines ask for, every page works without "
            "JavaScript, and each page says which language it is in, so that screen readers "
            "pronounce English and Spanish correctly.</p>",
        ),
        ("heading", {"text": "How we test it", "level": "h2"}),
        (
            "paragraph",
            "<ul><li>Automated checks: with every change to the site, the browser tests open a "
            "page of each kind (home, standard pages, the library and a resource, events, calls, "
            "the member directory and a profile, search and sign-up) and scan it with axe-core, "
            "an accessibility testing engine, against the WCAG level A and AA rules it can check. "
            "A serious or critical problem stops the change.</li>"
            "<li>Keyboard: every link, menu, form and filter can be reached and used with the "
            "keyboard alone, in a logical order, with a visible focus; the first link on every "
            "page is “Skip to main content”.</li>"
            "<li>Screen readers: every page has the same landmarks (header, navigation, main "
            "content, footer) and a single main heading, so that screen reader users can move "
            "around by landmark and by heading.</li></ul>",
        ),
        ("heading", {"text": "Known limitations", "level": "h2"}),
        (
            "paragraph",
            "<ul><li>Many documents in the library are PDF files produced by our partners and "
            "other organisations; some may not be fully accessible. Each resource page "
            "summarises its document in text, and we can send a document in another format on "
            "request.</li>"
            "<li>Embedded videos use the players of YouTube or Vimeo, whose controls and "
            "captions we do not control.</li>"
            "<li>Some pages exist in one language only until they are translated.</li>"
            "<li>Automated checks find only some of the problems people meet. The site has not "
            "yet been audited by people who use assistive technology every day.</li></ul>",
        ),
        ("heading", {"text": "Reporting a problem", "level": "h2"}),
        (
            "paragraph",
            "<p>If something on the site is hard to use, or you need content in another format, "
            "write to us at the address under Contact at the foot of every page. Please tell us "
            "the address of the page and what went wrong. We aim to reply within ten working "
            "days.</p>",
        ),
        ("heading", {"text": "About this statement", "level": "h2"}),
        (
            "paragraph",
            "<p>This statement was prepared on 2 December 2026. We review it whenever the site "
            "changes significantly, and at least once a year.</p>",
        ),
    ],
}

# (name, website) in the order the footer lists them.
PARTNER_ORGANISATIONS = [
    ("UCL City Leadership Initiative", ""),
    ("The Business of Cities", "https://www.thebusinessofcities.com/"),
    ("Technical Cooperation Service (SERCOTEC), Chile", "https://www.sercotec.cl/"),
    ("Ministry of Housing and Urban Development (MINVU), Chile", "https://www.minvu.gob.cl/"),
    ("British Embassy Santiago", "https://www.gov.uk/world/chile"),
]
# Room to put a partner between two others without renumbering.
PARTNER_ORDER_STEP = 10

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
    # Partner organisations
    "UCL City Leadership Initiative": "UCL City Leadership Initiative",
    "The Business of Cities": "The Business of Cities",
    "Technical Cooperation Service (SERCOTEC), Chile": "Servicio de Cooperación Técnica "
    "(SERCOTEC), Chile",
    "Ministry of Housing and Urban Development (MINVU), Chile": "Ministerio de Vivienda y "
    "Urbanismo (MINVU), Chile",
    "British Embassy Santiago": "Embajada Británica en Santiago",
    # Accessibility statement
    "Accessibility statement": "Declaración de accesibilidad",
    "accessibility": "accesibilidad",
    "How accessible this website is, how we test it, what we know does not work yet, and how to "
    "report a problem.": "Qué tan accesible es este sitio, cómo lo evaluamos, qué sabemos que aún "
    "no funciona y cómo informar de un problema.",
    "We want everyone to be able to use this website, in English and in Spanish, whatever their "
    "abilities and whatever device they use.": "Queremos que todas las personas puedan usar este "
    "sitio, en español y en inglés, cualesquiera sean sus capacidades y el dispositivo que "
    "utilicen.",
    "Our target": "Nuestro objetivo",
    "The site aims to meet level AA of the Web Content Accessibility Guidelines (WCAG) 2.2. Its "
    "colours have the contrast the guidelines ask for, every page works without JavaScript, and "
    "each page says which language it is in, so that screen readers pronounce English and Spanish "
    "correctly.": "El sitio busca cumplir el nivel AA de las Pautas de Accesibilidad para el "
    "Contenido Web (WCAG) 2.2. Sus colores tienen el contraste que piden las pautas, todas las "
    "páginas funcionan sin JavaScript y cada página indica en qué idioma está, para que los "
    "lectores de pantalla pronuncien correctamente el español y el inglés.",
    "How we test it": "Cómo lo evaluamos",
    "Automated checks: with every change to the site, the browser tests open a page of each kind "
    "(home, standard pages, the library and a resource, events, calls, the member directory and a "
    "profile, search and sign-up) and scan it with axe-core, an accessibility testing engine, "
    "against the WCAG level A and AA rules it can check. A serious or critical problem stops the "
    "change.": "Pruebas automáticas: con cada cambio en el sitio, las pruebas de navegador abren "
    "una página de cada tipo (inicio, páginas generales, la biblioteca y un recurso, eventos, "
    "convocatorias, el directorio de miembros y un perfil, la búsqueda y el registro) y la "
    "analizan con axe-core, un motor de pruebas de accesibilidad, según las reglas de los niveles "
    "A y AA de las WCAG que este puede comprobar. Un problema grave o crítico detiene el cambio.",
    "Keyboard: every link, menu, form and filter can be reached and used with the keyboard alone, "
    "in a logical order, with a visible focus; the first link on every page is “Skip to main "
    "content”.": "Teclado: todos los enlaces, menús, formularios y filtros pueden alcanzarse y "
    "usarse solo con el teclado, en un orden lógico y con el foco visible; en cada página, el "
    "primer enlace es «Saltar al contenido principal».",
    "Screen readers: every page has the same landmarks (header, navigation, main content, footer) "
    "and a single main heading, so that screen reader users can move around by landmark and by "
    "heading.": "Lectores de pantalla: todas las páginas tienen las mismas regiones (encabezado, "
    "navegación, contenido principal y pie de página) y un único título principal, para que "
    "quienes usan un lector de pantalla puedan desplazarse por regiones y por títulos.",
    "Known limitations": "Limitaciones conocidas",
    "Many documents in the library are PDF files produced by our partners and other "
    "organisations; some may not be fully accessible. Each resource page summarises its document "
    "in text, and we can send a document in another format on request.": "Muchos documentos de "
    "la biblioteca son archivos PDF elaborados por nuestros socios y otras organizaciones; "
    "algunos podrían no ser del todo accesibles. Cada página de recurso resume su documento en "
    "texto y, si lo solicita, podemos enviarle un documento en otro formato.",
    "Embedded videos use the players of YouTube or Vimeo, whose controls and captions we do not "
    "control.": "Los videos incrustados usan los reproductores de YouTube o Vimeo, cuyos "
    "controles y subtítulos no dependen de nosotros.",
    "Some pages exist in one language only until they are translated.": "Algunas páginas existen "
    "en un solo idioma hasta que se traducen.",
    "Automated checks find only some of the problems people meet. The site has not yet been "
    "audited by people who use assistive technology every day.": "Las pruebas automáticas "
    "detectan solo una parte de los problemas que encuentran las personas. El sitio aún no ha "
    "sido auditado por personas que usan tecnologías de apoyo a diario.",
    "Reporting a problem": "Cómo informar de un problema",
    "If something on the site is hard to use, or you need content in another format, write to us "
    "at the address under Contact at the foot of every page. Please tell us the address of the "
    "page and what went wrong. We aim to reply within ten working days.": "Si algo del sitio le "
    "resulta difícil de usar, o necesita un contenido en otro formato, escríbanos a la dirección "
    "que aparece en «Contacto», al pie de cada página. Indíquenos la dirección de la página y qué "
    "falló. Procuramos responder en un plazo de diez días hábiles.",
    "About this statement": "Sobre esta declaración",
    "This statement was prepared on 2 December 2026. We review it whenever the site changes "
    "significantly, and at least once a year.": "Esta declaración se preparó el 2 de diciembre de "
    "2026. La revisamos cada vez que el sitio cambia de manera importante y, como mínimo, una vez "
    "al año.",
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

    # Linked from every page's footer (SiteLinks), not from the main menu.
    accessibility, created = ensure_child_page(
        home, StandardPage, "accessibility", show_in_menus=False, **ACCESSIBILITY
    )
    log(f"{'created' if created else 'exists'}: page “{accessibility.title}”")

    for page in [home, *pages, accessibility]:
        translated, created = ensure_translation(page, spanish, SPANISH)
        log(f"{'translated' if created else 'exists'}: es “{translated.title}”")

    ensure_site_links(home, accessibility, log)
    ensure_partners(home.locale, spanish, log)


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


def ensure_site_links(home, accessibility, log):
    """The default site's footer links to the accessibility statement, unless an editor chose
    another page."""
    links = SiteLinks.for_site(Site.objects.get(is_default_site=True, root_page=home))
    if links.accessibility_page_id:
        log("exists: site links")
        return
    links.accessibility_page = accessibility
    links.save()
    log(f"created: site links to “{accessibility.title}”")


def ensure_partners(english, spanish, log):
    for position, (name, website) in enumerate(PARTNER_ORGANISATIONS, start=1):
        partner, created = Partner.objects.get_or_create(
            locale=english,
            name=name,
            defaults={"website": website, "sort_order": position * PARTNER_ORDER_STEP},
        )
        log(f"{'created' if created else 'exists'}: partner “{partner.name}”")
        translated, created = ensure_snippet_translation(partner, spanish, SPANISH)
        log(f"{'translated' if created else 'exists'}: es “{translated.name}”")
