"""Events for ``load_demo``, dated from the day it runs: the expert exchanges of June (Santiago)
and November (London) just past and next, and a webinar, each with speakers, a programme and a
registration link, in English and Spanish.

Speakers are fictional, as the resources' authors are; some are the directory's demo members,
whose profiles their names link to."""

import datetime

from django.utils import timezone
from wagtail.models import Locale, Site

from events.models import EventIndexPage, EventPage, EventSpeaker
from members.models import MemberPage
from network.demo import ensure_child_page, ensure_child_page_with, ensure_translation
from network.models import Place, Topic
from network.timezones import TimeZone

CLI = "UCL City Leadership Initiative"
BOC = "The Business of Cities"
SERCOTEC = "SERCOTEC"
MINVU = "MINVU"

# (name, affiliation, slug of their demo member profile or None)
HELEN_MARSH = ("Helen Marsh", CLI, "helen-marsh")
PAULA_SEPULVEDA = ("Paula Sepúlveda Ortiz", SERCOTEC, "paula-sepulveda-ortiz")
CAMILA_ROJAS = ("Camila Rojas Henríquez", "Municipalidad de Valparaíso", "camila-rojas-henriquez")
JORGE_MILLAN = ("Jorge Millán Carrasco", "Barrio Comercial Centro Temuco", "jorge-millan-carrasco")
TOM_HARGREAVES = ("Tom Hargreaves", "Harbourside Traders BID", "tom-hargreaves")
RICARDO_VALDIVIA = ("Ricardo Valdivia Núñez", MINVU, None)
DANIEL_OKAFOR = ("Daniel Okafor", BOC, None)
CAROLINA_FUENTES = ("Carolina Fuentes Araya", CLI, None)


def paragraphs(*texts):
    return ("paragraph", "".join(f"<p>{text}</p>" for text in texts))


# By month: city, time zone, venue, city's place slug, and what the page says of the exchange.
EXCHANGES = {
    6: {
        "city": "Santiago",
        "time_zone": TimeZone.SANTIAGO,
        "venue": "Centro Cultural La Moneda",
        "place": "santiago",
        "speakers": [HELEN_MARSH, PAULA_SEPULVEDA, RICARDO_VALDIVIA, CAMILA_ROJAS],
        "topics": ["business-improvement-districts", "city-leadership"],
        "body": [
            ("heading", {"text": "About the exchange", "level": "h2"}),
            paragraphs(
                "Over two days, officials of SERCOTEC and MINVU, municipal teams and UK experts "
                "look at how business improvement districts and city leadership can be adapted "
                "to Chilean cities.",
                "The first day is given to the Barrios Comerciales: what their associations have "
                "achieved, what holds them back and what UK districts have learnt in twenty "
                "years. On the second, participants discuss a national framework for city "
                "leadership with the authors of the white paper for MINVU.",
            ),
            ("heading", {"text": "Taking part", "level": "h2"}),
            paragraphs(
                "Sessions are in Spanish and English with simultaneous interpretation. Places in "
                "the room are limited; the sessions can also be followed online."
            ),
        ],
    },
    11: {
        "city": "London",
        "time_zone": TimeZone.LONDON,
        "venue": "UCL, Bloomsbury",
        "place": "london",
        "speakers": [HELEN_MARSH, TOM_HARGREAVES, DANIEL_OKAFOR, JORGE_MILLAN],
        "topics": ["business-improvement-districts", "public-private-partnerships"],
        "body": [
            ("heading", {"text": "About the exchange", "level": "h2"}),
            paragraphs(
                "A delegation of Chilean officials and business leaders spends two days in "
                "London with the network's UK partners.",
                "The programme includes visits to business improvement districts in central "
                "London, meetings with district managers and councillors, and a workshop on "
                "the policy brief on business improvement districts.",
            ),
            ("heading", {"text": "Taking part", "level": "h2"}),
            paragraphs(
                "Sessions are in English and Spanish with interpretation. Places in the room "
                "are limited; the sessions can also be followed online."
            ),
        ],
    },
}
WEBINAR = {
    "slug": "webinar-measuring-impact",
    "speakers": [CAROLINA_FUENTES, PAULA_SEPULVEDA, TOM_HARGREAVES],
    "topics": ["business-improvement-districts", "urban-data"],
    "body": [
        ("heading", {"text": "About the webinar", "level": "h2"}),
        paragraphs(
            "How can a Barrio Comercial show what it has changed? Footfall counts, empty shop "
            "fronts, traders' surveys and public safety data each tell part of the story.",
            "The speakers present the indicators used in Chile and in UK business improvement "
            "districts, and what each says about a district's work. Questions from the audience "
            "follow.",
        ),
        ("heading", {"text": "Taking part", "level": "h2"}),
        paragraphs(
            "The webinar is in English with Spanish interpretation. Registration is free and "
            "closes a week before the webinar."
        ),
    ],
}
#: The webinar's registration closes this long before it starts.
WEBINAR_REGISTRATION_CLOSES = datetime.timedelta(days=7)

SPANISH = {
    "Events": "Eventos",
    "events": "eventos",
    "Expert exchanges, workshops and webinars of the network.": (
        "Intercambios de expertos, talleres y seminarios web de la red."
    ),
    "Centro Cultural La Moneda": "Centro Cultural La Moneda",
    "UCL, Bloomsbury": "UCL, Bloomsbury",
    "Webinar: measuring the impact of Barrios Comerciales": (
        "Seminario web: cómo medir el impacto de los Barrios Comerciales"
    ),
    "webinar-measuring-impact": "seminario-medir-impacto",
    "Researchers and officials compare ways of measuring what business improvement districts "
    "change for their streets.": (
        "Investigadores y funcionarios comparan formas de medir lo que los barrios comerciales "
        "cambian en sus calles."
    ),
    # Programmes
    "About the exchange": "Sobre el intercambio",
    "Taking part": "Cómo participar",
    "Over two days, officials of SERCOTEC and MINVU, municipal teams and UK experts look at how "
    "business improvement districts and city leadership can be adapted to Chilean cities.": (
        "Durante dos días, funcionarios de SERCOTEC y del MINVU, equipos municipales y expertos "
        "británicos analizan cómo adaptar los distritos de mejoramiento comercial y el liderazgo "
        "urbano a las ciudades chilenas."
    ),
    "The first day is given to the Barrios Comerciales: what their associations have achieved, "
    "what holds them back and what UK districts have learnt in twenty years. On the second, "
    "participants discuss a national framework for city leadership with the authors of the white "
    "paper for MINVU.": (
        "La primera jornada está dedicada a los Barrios Comerciales: lo que han logrado sus "
        "asociaciones, lo que las frena y lo que han aprendido los distritos británicos en veinte "
        "años. En la segunda, los participantes debaten un marco nacional de liderazgo urbano con "
        "los autores del libro blanco para el MINVU."
    ),
    "Sessions are in Spanish and English with simultaneous interpretation. Places in the room are "
    "limited; the sessions can also be followed online.": (
        "Las sesiones son en español e inglés, con interpretación simultánea. Los cupos "
        "presenciales son limitados; las sesiones también pueden seguirse en línea."
    ),
    "A delegation of Chilean officials and business leaders spends two days in London with the "
    "network's UK partners.": (
        "Una delegación de funcionarios y líderes empresariales chilenos pasa dos días en Londres "
        "con los socios británicos de la red."
    ),
    "The programme includes visits to business improvement districts in central London, meetings "
    "with district managers and councillors, and a workshop on the policy brief on business "
    "improvement districts.": (
        "El programa incluye visitas a distritos de mejoramiento comercial del centro de Londres, "
        "reuniones con gerentes de distritos y concejales, y un taller sobre el informe de "
        "políticas sobre distritos de mejoramiento comercial."
    ),
    "Sessions are in English and Spanish with interpretation. Places in the room are limited; the "
    "sessions can also be followed online.": (
        "Las sesiones son en inglés y español, con interpretación. Los cupos presenciales son "
        "limitados; las sesiones también pueden seguirse en línea."
    ),
    "About the webinar": "Sobre el seminario web",
    "How can a Barrio Comercial show what it has changed? Footfall counts, empty shop fronts, "
    "traders' surveys and public safety data each tell part of the story.": (
        "¿Cómo puede un Barrio Comercial mostrar lo que ha cambiado? El conteo de peatones, los "
        "locales desocupados, las encuestas a comerciantes y los datos de seguridad pública "
        "cuentan, cada uno, una parte de la historia."
    ),
    "The speakers present the indicators used in Chile and in UK business improvement districts, "
    "and what each says about a district's work. Questions from the audience follow.": (
        "Los expositores presentan los indicadores que se usan en Chile y en los distritos de "
        "mejoramiento comercial británicos, y lo que cada uno dice del trabajo de un distrito. "
        "Luego habrá preguntas del público."
    ),
    "The webinar is in English with Spanish interpretation. Registration is free and closes a "
    "week before the webinar.": (
        "El seminario web es en inglés, con interpretación al español. La inscripción es gratuita "
        "y se cierra una semana antes del seminario."
    ),
}


def exchange_slug(year, city):
    return f"expert-exchange-{year}-{city.lower()}"


def exchange_text(month, year):
    city = EXCHANGES[month]["city"]
    title = f"Expert exchange {year}, {city}"
    summary = f"The network's {'June' if month == 6 else 'November'} expert exchange, in {city}."
    spanish_city = "Londres" if city == "London" else city
    spanish_month = "junio" if month == 6 else "noviembre"
    return (
        title,
        summary,
        {
            title: f"Intercambio de expertos {year}, {spanish_city}",
            exchange_slug(year, city): f"intercambio-expertos-{year}-{spanish_city.lower()}",
            summary: f"El intercambio de expertos de {spanish_month} de la red, en {spanish_city}.",
        },
    )


def exchanges_around(today):
    """The last expert exchange before ``today`` and the next one after it."""
    dates = sorted(
        datetime.date(year, month, 16)
        for year in (today.year - 1, today.year, today.year + 1)
        for month in EXCHANGES
    )
    # An exchange lasts two days: the past one has ended.
    past = max(date for date in dates if date + datetime.timedelta(days=2) <= today)
    upcoming = min(date for date in dates if date > today)
    return past, upcoming


def speakers(people, english):
    """Speakers in the order given, each linked to their demo profile where there is one."""
    profiles = {
        page.slug: page
        for page in MemberPage.objects.filter(
            locale=english, slug__in=[slug for _name, _affiliation, slug in people if slug]
        )
    }
    return [
        EventSpeaker(
            name=name, affiliation=affiliation, member=profiles.get(slug), sort_order=position
        )
        for position, (name, affiliation, slug) in enumerate(people)
    ]


def programme(data, english):
    """The speakers, programme and topics of an event: what an older demo's events lack."""
    return {
        "body": data["body"],
        "speakers": speakers(data["speakers"], english),
        "topics": list(Topic.objects.filter(locale=english, slug__in=data["topics"])),
    }


def build(log):
    english = Locale.get_default()
    spanish = Locale.objects.get(language_code="es")
    home = Site.objects.get(is_default_site=True).root_page.specific
    today = timezone.now().date()

    events, created = ensure_child_page(
        home,
        EventIndexPage,
        "events",
        title="Events",
        introduction="Expert exchanges, workshops and webinars of the network.",
        show_in_menus=True,
    )
    log(f"{'created' if created else 'exists'}: page “{events.title}”")
    translated, changed = ensure_translation(events, spanish, SPANISH)
    log(f"{'translated' if changed else 'exists'}: es “{translated.title}”")
    for date in exchanges_around(today):
        exchange = EXCHANGES[date.month]
        city = exchange["city"]
        slug = exchange_slug(date.year, city)
        title, summary, catalogue = exchange_text(date.month, date.year)
        page, state = ensure_child_page_with(
            events,
            EventPage,
            slug,
            {
                **programme(exchange, english),
                "city": Place.objects.get(locale=english, slug=exchange["place"]),
                "online_url": f"https://example.org/live/{slug}",
                "registration_url": f"https://example.org/register/{slug}",
            },
            title=title,
            summary=summary,
            event_type="expert-exchange",
            event_format="hybrid",
            time_zone=exchange["time_zone"],
            start_date=date,
            start_time=datetime.time(9),
            end_date=date + datetime.timedelta(days=1),
            end_time=datetime.time(17),
            venue=exchange["venue"],
        )
        log(f"{state}: event “{page.title}”")
        translated, changed = ensure_translation(
            page, spanish, {**SPANISH, **catalogue}, refresh=state == "updated"
        )
        log(f"{'translated' if changed else 'exists'}: es “{translated.title}”")

    # An older demo's webinar keeps its day, which its registration deadline must precede.
    existing = events.get_children().filter(slug=WEBINAR["slug"]).first()
    webinar_day = existing.specific.start_date if existing else today + datetime.timedelta(days=21)
    webinar, state = ensure_child_page_with(
        events,
        EventPage,
        WEBINAR["slug"],
        {
            **programme(WEBINAR, english),
            "registration_url": f"https://example.org/register/{WEBINAR['slug']}",
            "registration_deadline_date": webinar_day - WEBINAR_REGISTRATION_CLOSES,
        },
        title="Webinar: measuring the impact of Barrios Comerciales",
        summary="Researchers and officials compare ways of measuring what business improvement "
        "districts change for their streets.",
        event_type="webinar",
        event_format="online",
        time_zone=TimeZone.LONDON,
        start_date=webinar_day,
        start_time=datetime.time(14),
        end_date=webinar_day,
        end_time=datetime.time(15, 30),
        online_url="https://example.org/webinar",
    )
    log(f"{state}: event “{webinar.title}”")
    translated, changed = ensure_translation(webinar, spanish, SPANISH, refresh=state == "updated")
    log(f"{'translated' if changed else 'exists'}: es “{translated.title}”")
