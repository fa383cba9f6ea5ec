"""Calls for collaboration for ``load_demo``, dated from the day it runs so that the listing shows
a call of every status: open, closing soon, upcoming and closed, in English and Spanish."""

import datetime

from django.utils import timezone
from wagtail.models import Locale, Site

from calls.models import CallIndexPage, CallPage
from calls.status import CLOSING_SOON
from network.demo import ensure_child_page, ensure_child_page_with, ensure_translation
from network.models import Topic
from network.timezones import TimeZone

PARTNERS = "UCL City Leadership Initiative, SERCOTEC"

# Dates are days from the day load_demo runs: (opens, deadline).
CALLS = [
    {
        "slug": "secondments-uk-city-governments",
        "title": "Secondments to UK city governments",
        "summary": "Officials of SERCOTEC, MINVU and Chilean municipalities may apply for a "
        "three-week secondment with a UK city government.",
        "eligibility": "Officials of SERCOTEC, MINVU and Chilean municipalities.",
        "offer_type": "secondment",
        "days": (-10, 30),  # open
        "offer_details": "Three weeks with a city government in London, Manchester or Bristol, "
        "working alongside the teams that support business improvement districts. The "
        "programme covers travel and accommodation.",
        "topics": ["city-leadership", "devolution"],
    },
    {
        "slug": "places-expert-exchange-municipal-teams",
        "title": "Places on the expert exchange for municipal teams",
        "summary": "Municipal teams that work with a Barrio Comercial may apply for one of ten "
        "places on the network's next expert exchange.",
        "eligibility": "Staff of Chilean municipalities with a Barrio Comercial, one person per "
        "municipality.",
        "offer_type": "exchange",
        # Closing soon: the deadline falls within the last week of the call.
        "days": (-30, CLOSING_SOON.days - 3),
        "offer_details": "Two days of visits, workshops and meetings with UK district managers "
        "and city officials. The programme covers travel and accommodation.",
        "topics": ["business-improvement-districts", "local-economic-development"],
    },
    {
        "slug": "pilot-grants-barrios-comerciales",
        "title": "Pilot grants for Barrios Comerciales",
        "summary": "Grants for business associations and municipalities to try out one idea "
        "from the UK experience of business improvement districts.",
        "eligibility": "Business associations of a Barrio Comercial, together with their "
        "municipality.",
        "offer_type": "funding",
        "days": (14, 75),  # upcoming
        "offer_details": "Grants of up to 5 million pesos for a pilot of six to twelve months, "
        "with advice from the programme's UK partners.",
        "topics": ["business-improvement-districts", "small-business"],
    },
    {
        "slug": "joint-research-grants",
        "title": "Joint research grants on smart urban governance",
        "summary": "Small grants for joint Chile–UK research on smart urban governance.",
        "eligibility": "Research teams with members in Chile and in the UK.",
        "offer_type": "funding",
        "days": (-120, -60),  # closed
        "offer_details": "Grants of up to 10,000 pounds for a joint project of up to a year, "
        "with a workshop in each country.",
        "topics": ["smart-urban-governance", "urban-data"],
    },
]
SPANISH = {
    "Calls for collaboration": "Convocatorias de colaboración",
    "calls": "convocatorias",
    "Open and past calls for science-policy collaboration.": (
        "Convocatorias abiertas y pasadas de colaboración en ciencia y políticas públicas."
    ),
    PARTNERS: PARTNERS,
    # Secondments
    "Secondments to UK city governments": "Pasantías en gobiernos locales del Reino Unido",
    "secondments-uk-city-governments": "pasantias-gobiernos-locales-reino-unido",
    "Officials of SERCOTEC, MINVU and Chilean municipalities may apply for a three-week "
    "secondment with a UK city government.": (
        "Funcionarios de SERCOTEC, el MINVU y municipios chilenos pueden postular a una pasantía "
        "de tres semanas en un gobierno local del Reino Unido."
    ),
    "Officials of SERCOTEC, MINVU and Chilean municipalities.": (
        "Funcionarios de SERCOTEC, el MINVU y municipios chilenos."
    ),
    "Three weeks with a city government in London, Manchester or Bristol, working alongside the "
    "teams that support business improvement districts. The programme covers travel and "
    "accommodation.": (
        "Tres semanas en un gobierno local de Londres, Mánchester o Bristol, junto a los equipos "
        "que apoyan a los distritos de mejoramiento comercial. El programa cubre los pasajes y el "
        "alojamiento."
    ),
    # Places on the expert exchange
    "Places on the expert exchange for municipal teams": (
        "Cupos en el intercambio de expertos para equipos municipales"
    ),
    "places-expert-exchange-municipal-teams": "cupos-intercambio-expertos-equipos-municipales",
    "Municipal teams that work with a Barrio Comercial may apply for one of ten places on the "
    "network's next expert exchange.": (
        "Los equipos municipales que trabajan con un Barrio Comercial pueden postular a uno de los "
        "diez cupos del próximo intercambio de expertos de la red."
    ),
    "Staff of Chilean municipalities with a Barrio Comercial, one person per municipality.": (
        "Funcionarios de municipios chilenos con un Barrio Comercial, una persona por municipio."
    ),
    "Two days of visits, workshops and meetings with UK district managers and city officials. The "
    "programme covers travel and accommodation.": (
        "Dos días de visitas, talleres y reuniones con gerentes de distritos y funcionarios "
        "locales británicos. El programa cubre los pasajes y el alojamiento."
    ),
    # Pilot grants
    "Pilot grants for Barrios Comerciales": "Fondos para proyectos piloto en Barrios Comerciales",
    "pilot-grants-barrios-comerciales": "fondos-piloto-barrios-comerciales",
    "Grants for business associations and municipalities to try out one idea from the UK "
    "experience of business improvement districts.": (
        "Fondos para que asociaciones gremiales y municipios pongan a prueba una idea de la "
        "experiencia británica con los distritos de mejoramiento comercial."
    ),
    "Business associations of a Barrio Comercial, together with their municipality.": (
        "Asociaciones gremiales de un Barrio Comercial, junto con su municipio."
    ),
    "Grants of up to 5 million pesos for a pilot of six to twelve months, with advice from the "
    "programme's UK partners.": (
        "Fondos de hasta 5 millones de pesos para un piloto de seis a doce meses, con la asesoría "
        "de los socios británicos del programa."
    ),
    # Joint research grants
    "Joint research grants on smart urban governance": (
        "Fondos de investigación conjunta en gobernanza urbana inteligente"
    ),
    "joint-research-grants": "fondos-investigacion-conjunta",
    "Small grants for joint Chile–UK research on smart urban governance.": (
        "Fondos pequeños para investigación conjunta Chile–Reino Unido en gobernanza urbana "
        "inteligente."
    ),
    "Research teams with members in Chile and in the UK.": (
        "Equipos de investigación con integrantes en Chile y en el Reino Unido."
    ),
    "Grants of up to 10,000 pounds for a joint project of up to a year, with a workshop in each "
    "country.": (
        "Fondos de hasta 10 000 libras esterlinas para un proyecto conjunto de hasta un año, "
        "con un taller en cada país."
    ),
}


def build(log):
    english = Locale.get_default()
    spanish = Locale.objects.get(language_code="es")
    home = Site.objects.get(is_default_site=True).root_page.specific
    today = timezone.now().date()

    calls, created = ensure_child_page(
        home,
        CallIndexPage,
        "calls",
        title="Calls for collaboration",
        introduction="Open and past calls for science-policy collaboration.",
        show_in_menus=True,
    )
    log(f"{'created' if created else 'exists'}: page “{calls.title}”")
    translated, changed = ensure_translation(calls, spanish, SPANISH)
    log(f"{'translated' if changed else 'exists'}: es “{translated.title}”")
    for data in CALLS:
        opens, deadline = (today + datetime.timedelta(days=days) for days in data["days"])
        call, state = ensure_child_page_with(
            calls,
            CallPage,
            data["slug"],
            {
                "offer_details": data["offer_details"],
                "topics": list(Topic.objects.filter(locale=english, slug__in=data["topics"])),
            },
            title=data["title"],
            summary=data["summary"],
            eligibility=data["eligibility"],
            offer_type=data["offer_type"],
            apply_url=f"https://example.org/apply/{data['slug']}",
            partners=PARTNERS,
            time_zone=TimeZone.SANTIAGO,
            opening_date=opens,
            opening_time=datetime.time(9),
            deadline_date=deadline,
            deadline_time=datetime.time(17),
        )
        log(f"{state}: call “{call.title}”")
        translated, changed = ensure_translation(call, spanish, SPANISH, refresh=state == "updated")
        log(f"{'translated' if changed else 'exists'}: es “{translated.title}”")
