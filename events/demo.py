"""Events and calls for ``load_demo``, dated from the day it runs: the expert exchanges of June
(Santiago) and November (London) just past and next, a webinar, an open and a closed call, in
English and Spanish."""

import datetime

from django.utils import timezone
from wagtail.models import Locale, Site

from calls.models import CallIndexPage, CallPage
from events.models import EventIndexPage, EventPage
from events.timezones import TimeZone
from network.demo import ensure_child_page, ensure_translation

EXCHANGES = {
    6: ("Santiago", TimeZone.SANTIAGO, "Centro Cultural La Moneda"),
    11: ("London", TimeZone.LONDON, "UCL, Bloomsbury"),
}
SPANISH = {
    "Events": "Eventos",
    "events": "eventos",
    "Calls for collaboration": "Convocatorias de colaboración",
    "calls": "convocatorias",
    "Expert exchanges, workshops and webinars of the network.": (
        "Intercambios de expertos, talleres y seminarios web de la red."
    ),
    "Open and past calls for science-policy collaboration.": (
        "Convocatorias abiertas y pasadas de colaboración en ciencia y políticas públicas."
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
    "UCL City Leadership Initiative, SERCOTEC": "UCL City Leadership Initiative, SERCOTEC",
}


def exchange_slug(year, city):
    return f"expert-exchange-{year}-{city.lower()}"


def exchange_text(month, year):
    city, _zone, _venue = EXCHANGES[month]
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


def build(log):
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
    ensure_translation(events, spanish, SPANISH)
    for date in exchanges_around(today):
        city, zone, venue = EXCHANGES[date.month]
        title, summary, catalogue = exchange_text(date.month, date.year)
        page, created = ensure_child_page(
            events,
            EventPage,
            exchange_slug(date.year, city),
            title=title,
            summary=summary,
            event_type="expert-exchange",
            event_format="hybrid",
            time_zone=zone,
            start_date=date,
            start_time=datetime.time(9),
            end_date=date + datetime.timedelta(days=1),
            end_time=datetime.time(17),
            venue=venue,
        )
        log(f"{'created' if created else 'exists'}: event “{page.title}”")
        ensure_translation(page, spanish, {**SPANISH, **catalogue})
    webinar_day = today + datetime.timedelta(days=21)
    webinar, created = ensure_child_page(
        events,
        EventPage,
        "webinar-measuring-impact",
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
    log(f"{'created' if created else 'exists'}: event “{webinar.title}”")
    ensure_translation(webinar, spanish, SPANISH)

    calls, created = ensure_child_page(
        home,
        CallIndexPage,
        "calls",
        title="Calls for collaboration",
        introduction="Open and past calls for science-policy collaboration.",
        show_in_menus=True,
    )
    log(f"{'created' if created else 'exists'}: page “{calls.title}”")
    ensure_translation(calls, spanish, SPANISH)
    for slug, title, summary, eligibility, opens, deadline in [
        (
            "secondments-uk-city-governments",
            "Secondments to UK city governments",
            "Officials of SERCOTEC, MINVU and Chilean municipalities may apply for a three-week "
            "secondment with a UK city government.",
            "Officials of SERCOTEC, MINVU and Chilean municipalities.",
            today - datetime.timedelta(days=10),
            today + datetime.timedelta(days=30),
        ),
        (
            "joint-research-grants",
            "Joint research grants on smart urban governance",
            "Small grants for joint Chile–UK research on smart urban governance.",
            "Research teams with members in Chile and in the UK.",
            today - datetime.timedelta(days=120),
            today - datetime.timedelta(days=60),
        ),
    ]:
        call, created = ensure_child_page(
            calls,
            CallPage,
            slug,
            title=title,
            summary=summary,
            eligibility=eligibility,
            offer_type="secondment" if "secondment" in slug else "funding",
            apply_url="https://example.org/apply",
            partners="UCL City Leadership Initiative, SERCOTEC",
            time_zone=TimeZone.SANTIAGO,
            opening_date=opens,
            opening_time=datetime.time(9),
            deadline_date=deadline,
            deadline_time=datetime.time(17),
        )
        log(f"{'created' if created else 'exists'}: call “{call.title}”")
        ensure_translation(call, spanish, SPANISH)
