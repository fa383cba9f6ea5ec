"""Fuzz and abuse tests: property-based (Hypothesis) requests to every public GET endpoint and
every public form, with arbitrary parameters. Whatever a visitor or a bot sends, the site never
answers with a server error (status 500 or more).

Hypothesis runs inside each test, over one small site built per test (pytest-django rolls the
database back after each test, so content cannot be shared between tests). Runs are
derandomized, with no example database, so CI sees the same examples every time.

What a strategy cannot send: lone surrogates (a URL or form body is UTF-8, which cannot encode
them, so no browser or bot can send one either). NUL characters are sent in form bodies; in
addresses the site refuses them with a 400 before any view runs, which
``test_a_nul_character_in_a_path_or_query_is_refused`` checks.
"""

import datetime
import json
from urllib.parse import quote, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation
from hypothesis import HealthCheck, currently_in_test_context, event, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from members.models import MemberPage
from network.models import Place, Topic
from tests.conftest import clear_caches
from tests.factories import (
    PASSWORD,
    CallIndexPageFactory,
    EventIndexPageFactory,
    MemberFactory,
    MemberIndexPageFactory,
    ResourceIndexPageFactory,
    add_call,
    add_event,
    add_resource,
    add_translation,
    days_from_now,
    local_days_from_now,
)

pytestmark = pytest.mark.django_db
User = get_user_model()


def fuzz(max_examples):
    """Hypothesis settings for a test that runs over a function-scoped site."""
    return hypothesis_settings(
        max_examples=max_examples,
        deadline=None,  # how long a request takes depends on the machine, not the site
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


# --- Strategies ----------------------------------------------------------------------------

# Syntax of SQL, SQLite FTS5, PostgreSQL tsquery, Elasticsearch's query string, templates and
# HTML, and characters that change length or meaning when case-folded or normalised.
OPERATORS = [
    '"',
    "'",
    "*",
    "AND",
    "OR",
    "NOT",
    "NEAR",
    "NEAR(a b, 2)",
    "(",
    ")",
    ":",
    "title:",
    "~",
    "~2",
    "^",
    "^3",
    "-",
    "+",
    "!",
    "&",
    "|",
    "<->",
    "&&",
    "||",
    "\\",
    "/",
    "/.*/",
    "?",
    "[",
    "]",
    "{",
    "}",
    "[* TO *]",
    "%",
    "_",
    ";",
    "--",
    "' OR '1'='1",
    '" OR ""="',
    "1; DROP TABLE wagtailcore_page; --",
    "<script>alert(1)</script>",
    "{{ request }}",
    "{% debug %}",
    "%(name)s",
    "%s",
    "\x00",
    "\r\n",
    "\t",
    "\x0b",
    "\x85",
    "\u2028",
    "\u200b",
    "\u202e",
    "\ufeff",
    "\ufffd",
    "İ",
    "ß",
    "ﬁ",
    "ǅ",
    "e\u0301",
    "🇨🇱",
    "👩🏽‍🔬",
    "中文",
    "العربية",
]
# Words that match the fixture's content, so that searches have results to rank, facet and
# highlight.
CONTENT_WORDS = [
    "policy",
    "Policy",
    "brief",
    "BIDs",
    "business",
    "districts",
    "leadership",
    "Santiago",
    "informe",
    "español",
    "ESPAÑOL",
    "workshop",
    "secondments",
    "Pérez",
    "Valparaíso",
    "a",
]
TOKENS = OPERATORS + CONTENT_WORDS

any_text = st.text(max_size=60)  # every code point but surrogates, control characters included
control_text = st.text(
    alphabet=st.characters(codec="utf-8", categories=["Cc", "Cf", "Zs", "Zl", "Zp", "Mn"]),
    max_size=20,
)


def soup(min_size=0):
    """Operators and words, joined by spaces, nothing, pluses, NUL bytes or line breaks."""
    return st.builds(
        lambda tokens, separator: separator.join(tokens),
        st.lists(st.sampled_from(TOKENS), min_size=min_size, max_size=15),
        st.sampled_from([" ", "", "+", "\x00", "\n"]),
    )


token_soup = soup()
# Up to 10,000 characters: a mix of tokens repeated (cheap to generate, unlike
# st.text(max_size=10_000)).
long_text = st.builds(
    lambda piece, times: (piece * times)[:10_000],
    soup(min_size=1),
    st.integers(min_value=200, max_value=10_000),
)
text_values = st.one_of(any_text, control_text, token_soup, long_text)

number_values = st.one_of(
    st.integers(min_value=-(10**40), max_value=10**40).map(str),
    st.integers(min_value=1890, max_value=2110).map(str),
    st.sampled_from(
        [
            "",
            "0",
            "-0",
            "-1",
            "+2020",
            " 2020 ",
            "2020.5",
            "2020.0000000000000000001",
            "1e3",
            "2.02e3",
            "1e999999",
            "-1e999999",
            "NaN",
            "-nan",
            "inf",
            "-Infinity",
            "0x7E4",
            "0b1",
            "2_020",
            "２０２０",  # fullwidth digits: int() accepts them
            "٢٠٢٠",  # Arabic-Indic digits: int() accepts them too
            "9" * 5000,  # past Python's 4,300-digit int() conversion limit
            "-" + "9" * 10_000,
            "2020\x00",
            "None",
            "null",
            "true",
            "[]",
            "{}",
        ]
    ),
)
scalar_values = st.one_of(text_values, number_values)


def parameter_value(valid=()):
    """One value, or a list of values (a repeated parameter), mixing valid choices in."""
    value = st.one_of(st.sampled_from(valid), scalar_values) if valid else scalar_values
    return st.one_of(value, st.lists(value, min_size=2, max_size=6))


unknown_names = st.one_of(
    st.text(min_size=1, max_size=30),
    st.sampled_from(
        [
            "page[]",
            "q[]",
            "topic[0]",
            "__proto__",
            "constructor",
            "csrfmiddlewaretoken",
            "format",
            "lang",
            "language_code",
            "next",
            "utm_source",
            "fbclid",
            "p",
            "order_by",
            "sort_by",
            "all",
            "%00",
            "",
        ]
    ),
)


def query_params(parameters):
    """GET parameters: ``parameters`` maps each name the endpoint reads to some valid values
    (to reach the code behind a valid filter too); unknown names are added."""
    known = [st.tuples(st.just(name), parameter_value(valid)) for name, valid in parameters.items()]
    pair = st.one_of(*known, st.tuples(unknown_names, parameter_value()))
    return st.lists(pair, max_size=8).map(merge_pairs)


def merge_pairs(pairs):
    """A dict for Django's test client, whose list values are repeated parameters. NUL
    characters are left out: the site refuses them in any address before a view runs
    (``test_a_nul_character_in_a_path_or_query_is_refused``), and the views are what is fuzzed."""
    params = {}
    for name, value in pairs:
        values = value if isinstance(value, list) else [value]
        params.setdefault(without_nul(name), []).extend(without_nul(v) for v in values)
    return params


def without_nul(value):
    return value.replace("\x00", "") if isinstance(value, str) else value


PAGE = {"page": ["1", "2", "999999", "last"]}
YEARS = ["1899", "1900", "2017", "2019", "2021", "2100", "2101"]


# --- The site ------------------------------------------------------------------------------


def publish_child(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page.__class__.objects.get(pk=page.pk)


@pytest.fixture
def terms(site_tree):
    """Two topics, a city and a country, each in English and Spanish."""
    created = {}
    for model, slug, name, extra in [
        (Topic, "business-improvement-districts", "Business improvement districts", {}),
        (Topic, "city-leadership", "City leadership", {}),
        (Place, "santiago", "Santiago", {"kind": Place.Kind.CITY}),
        (Place, "chile", "Chile", {"kind": Place.Kind.COUNTRY}),
    ]:
        term = model.objects.create(name=name, slug=slug, **extra)
        term.copy_for_translation(site_tree.spanish).save()
        created[slug] = term
    return created


@pytest.fixture
def library_urls(site_tree, terms):
    """An English and a Spanish library; resources in each, one with authors and places."""
    bids, leadership = terms["business-improvement-districts"], terms["city-leadership"]
    library = ResourceIndexPageFactory(parent=site_tree.home_en)
    library_es = add_translation(library, site_tree.spanish, "Biblioteca", "biblioteca")
    resource = add_resource(
        library,
        "Policy brief on BIDs",
        year=2019,
        resource_type="policy_brief",
        topics=[bids],
        places=[terms["santiago"]],
        authors=[("Ana", "Pérez", "UCL")],
        summary="Business improvement districts in Santiago and Manchester.",
    )
    add_resource(library, "Placing Business Leadership", year=2021, topics=[bids, leadership])
    add_resource(library_es, "Informe sólo en español", year=2017, language="es", topics=[bids])
    return {"library": [library.url, library_es.url], "resource": resource.url}


@pytest.fixture
def event_urls(site_tree, terms):
    """An English and a Spanish event listing; an upcoming event and a past one."""
    events = EventIndexPageFactory(parent=site_tree.home_en)
    events_es = add_translation(events, site_tree.spanish, "Eventos", "eventos")
    event = add_event(
        events,
        "BID workshop",
        days_from_now(10),
        days_from_now(10, hour=12),
        topics=[terms["business-improvement-districts"]],
    )
    add_event(events, "Past exchange", days_from_now(-400), days_from_now(-400, hour=12))
    return {"events": [events.url, events_es.url], "event": event.url}


@pytest.fixture
def call_urls(site_tree):
    """A call listing with an open call and a closed one."""
    calls = CallIndexPageFactory(parent=site_tree.home_en)
    call = add_call(calls, "Secondments 2026", local_days_from_now(-5), local_days_from_now(20))
    add_call(calls, "Closed call", local_days_from_now(-60), local_days_from_now(-30))
    return {"calls": calls.url, "call": call.url}


@pytest.fixture
def member_urls(site_tree, terms):
    """The directory in both languages and one published profile, of a member with an account
    and a verified address, that accepts messages (in Spanish through its alias)."""
    directory = MemberIndexPageFactory(parent=site_tree.home_en)
    directory_es = add_translation(directory, site_tree.spanish, "Miembros", "miembros")
    member = MemberFactory(email="ana@example.org")
    profile = MemberPage(
        title="Ana Pérez",
        slug="ana-perez",
        user=member,
        role="Economic development officer",
        organisation="Municipalidad de Valparaíso",
        sector="local-government",
        country=terms["chile"],
        city=terms["santiago"],
        allow_contact=True,
    )
    profile.expertise = [terms["city-leadership"]]
    profile = publish_child(directory, profile)  # its alias in Spanish comes with publication
    alias = MemberPage.objects.get(alias_of=profile)
    return {
        "directory": [directory.url, directory_es.url],
        "profile": profile.url,
        "contact": [profile.url + "contact/", alias.url + "contact/"],
        "member_email": member.email,
    }


@pytest.fixture
def member_account(site_tree):
    """For the account forms: a member with a verified address (password PASSWORD)."""
    return MemberFactory(email="ana@example.org")


@pytest.fixture
def fuzz_site(library_urls, event_urls, call_urls, member_urls):
    """Every kind of content, for the site-wide endpoints (sitemap, search, any path)."""
    return {**library_urls, **event_urls, **call_urls, **member_urls}


# --- Requests ------------------------------------------------------------------------------


def shorten(value, limit=300):
    text = repr(value)
    return text if len(text) <= limit else f"{text[:limit]}… ({len(text)} characters)"


def request(method, path, data=None, client=None, **extra):
    """One request through the front door; fails on an exception the site let escape (the test
    client re-raises what would have been a 500) or on a status of 500 or more."""
    client = client or Client()
    try:
        response = getattr(client, method)(path, data or {}, **extra)
    except Exception as error:
        raise AssertionError(
            f"{method.upper()} {path} with {shorten(data)} raised "
            f"{type(error).__name__}: {shorten(str(error))}"
        ) from error
    if currently_in_test_context():  # counted by --hypothesis-show-statistics
        event(f"{method.upper()} answered {response.status_code}")
    assert response.status_code < 500, (
        f"{method.upper()} {path} with {shorten(data)}: {response.status_code}"
    )
    return response


def address(language, name):
    """A route's address in a language: its words differ (/en/search/, /es/buscar/)."""
    with translation.override(language):
        return reverse(name)


def get_ok(path, params):
    """A listing, search, feed or page: invalid parameters are ignored, never fatal."""
    response = request("get", path, params)
    assert response.status_code == 200, f"GET {path} {shorten(params)}: {response.status_code}"
    return response


# --- GET endpoints -------------------------------------------------------------------------


@fuzz(60)
@given(data=st.data())
def test_home_and_site_wide_endpoints(fuzz_site, data):
    path = data.draw(
        st.sampled_from(
            [
                "/en/",
                "/es/",
                "/",
                "/sitemap.xml",
                "/robots.txt",
                "/healthz/",
                "/en/account/privacy/",
                "/es/cuenta/privacidad/",
                "/en/account/login/",
                "/es/cuenta/signup/",
                "/en/account/signup/",
                "/en/account/password/reset/",
                "/en/account/",
            ]
        ),
        label="path",
    )
    params = data.draw(query_params({"p": ["1", "2", "0", "-1"], "next": ["/en/", "//evil"]}))
    # Read by the language redirect of "/" (Django's LocaleMiddleware). A header holds Latin-1.
    accept_language = data.draw(
        st.one_of(
            st.sampled_from(
                ["es-CL,es;q=0.9,en;q=0.8", "en-GB", "*", "fr", "es;q=x", ",,;", "es" * 5000]
            ),
            st.text(
                alphabet=st.characters(codec="latin-1", exclude_categories=["Cc"]), max_size=200
            ),
        ),
        label="Accept-Language",
    )
    response = request("get", path, params, HTTP_ACCEPT_LANGUAGE=accept_language)
    if path == "/sitemap.xml":
        # Django's sitemap view answers 404 for a page number it does not have.
        assert response.status_code in (200, 404)
    elif path == "/en/account/":
        # To log in, with the address as "next"; Django refuses (400) to redirect to a URL
        # longer than 16,384 characters, which a long query string makes.
        assert response.status_code in (302, 400)
    elif path == "/":
        assert response.status_code == 302
        assert response["Location"].startswith(("/en/", "/es/"))
    else:
        assert response.status_code == 200
    if path == "/healthz/":
        assert json.loads(response.content)["status"] in ("ok", "degraded")


@fuzz(50)
@given(data=st.data())
def test_library_filters(library_urls, data):
    path = data.draw(st.sampled_from(library_urls["library"]), label="library")
    params = data.draw(
        query_params(
            {
                "q": ["policy", "business leadership", "informe", "BIDs"],
                "type": ["policy_brief", "report", "video"],
                "topic": ["business-improvement-districts", "city-leadership"],
                "place": ["santiago", "chile"],
                "year_from": YEARS,
                "year_to": YEARS,
                "language": ["en", "es", "pt", "other"],
                "sort": ["newest", "oldest", "title"],
                **PAGE,
            }
        ),
        label="params",
    )
    get_ok(path, params)


@fuzz(60)
@given(data=st.data())
def test_site_search(fuzz_site, data):
    language = data.draw(st.sampled_from(["en", "es"]), label="language")
    params = data.draw(
        query_params(
            {
                "q": ["policy", "business", "informe español", "Pérez", "workshop"],
                "type": [
                    "resource",
                    "event",
                    "call",
                    "member",
                    "page",
                    "resources.resourcepage",
                    "auth.user",
                    "nope",
                ],
                "resource_type": ["policy_brief", "report"],
                "topic": ["business-improvement-districts", "city-leadership"],
                "year": YEARS,
                "sort": ["relevance", "date"],
                "all_languages": ["on", "true", "1", "false", "0", "off"],
                **PAGE,
            }
        ),
        label="params",
    )
    get_ok(address(language, "search"), params)


@fuzz(60)
@given(data=st.data())
def test_search_suggestions(fuzz_site, data):
    language = data.draw(st.sampled_from(["en", "es"]), label="language")
    params = data.draw(query_params({"q": ["po", "Pol", "Inf", "bu", "Ana"]}), label="params")
    response = get_ok(address(language, "search_suggest"), params)
    results = json.loads(response.content)["results"]
    assert isinstance(results, list)
    assert all(set(result) == {"title", "url"} for result in results)


@fuzz(40)
@given(data=st.data())
def test_event_listing_filters_and_archive(event_urls, data):
    path = data.draw(st.sampled_from(event_urls["events"]), label="listing")
    params = data.draw(
        query_params(
            {
                "type": ["expert-exchange", "workshop", "visit"],
                "format": ["hybrid", "online", "in-person"],
                "topic": ["business-improvement-districts", "city-leadership"],
                "year": [*YEARS, str(days_from_now(-400).year), str(datetime.date.today().year)],
                **PAGE,
            }
        ),
        label="params",
    )
    get_ok(path, params)


@fuzz(50)
@given(
    params=query_params(
        {
            "status": ["upcoming", "open", "closing-soon", "closed"],
            "topic": ["city-leadership", "business-improvement-districts"],
            **PAGE,
        }
    )
)
def test_call_listing_filters(call_urls, params):
    get_ok(call_urls["calls"], params)


@fuzz(40)
@given(data=st.data())
def test_member_directory_filters(member_urls, data):
    path = data.draw(st.sampled_from(member_urls["directory"]), label="directory")
    params = data.draw(
        query_params(
            {
                "q": ["Ana", "Valparaíso", "pérez"],
                "sector": ["local-government", "academia", "other"],
                "country": ["chile", "santiago"],
                "expertise": ["city-leadership", "business-improvement-districts"],
                **PAGE,
            }
        ),
        label="params",
    )
    get_ok(path, params)


@fuzz(60)
@given(data=st.data())
def test_pages_feeds_calendars_and_citations(fuzz_site, data):
    """Routes that read no parameter must ignore any they are sent."""
    path = data.draw(
        st.sampled_from(
            [
                fuzz_site["resource"],
                fuzz_site["resource"] + "cite/bibtex/",
                fuzz_site["resource"] + "cite/ris/",
                fuzz_site["library"][0] + "feed/",
                fuzz_site["library"][1] + "feed/",
                fuzz_site["events"][0] + "calendar/",
                fuzz_site["events"][1] + "calendar/",
                fuzz_site["event"],
                fuzz_site["event"] + "ics/",
                fuzz_site["calls"] + "feed/",
                fuzz_site["call"],
                fuzz_site["call"] + "deadline/",
                fuzz_site["profile"],
                *fuzz_site["contact"],
            ]
        ),
        label="path",
    )
    get_ok(path, data.draw(query_params({}), label="params"))


path_segments = st.one_of(
    st.text(
        alphabet=st.characters(codec="utf-8", exclude_characters="\x00"), min_size=1, max_size=40
    ),
    st.sampled_from(
        ["..", ".", "%2e%2e", "feed", "ics", "cite", "bibtex", "contact", "admin", "index.php"]
    ),
    st.sampled_from([token for token in OPERATORS if token != "\x00"]),
    long_text.map(lambda text: text.replace("\x00", "")[:2000]),
)


@fuzz(60)
@given(data=st.data())
def test_arbitrary_paths_are_never_a_server_error(fuzz_site, data, settings):
    """Unknown addresses under each language and under pages with routes: 404 (or a redirect),
    never 500, with the anonymous page cache on as in production. NUL bytes are left out here:
    see test_a_nul_byte_in_a_page_path."""
    settings.PAGE_CACHE_SECONDS = 120
    clear_caches()
    base = data.draw(
        st.sampled_from(
            [
                "/",
                "/en/",
                "/es/",
                "/fr/",
                fuzz_site["library"][0],
                fuzz_site["resource"],
                fuzz_site["resource"] + "cite/",
                fuzz_site["events"][0],
                fuzz_site["event"],
                fuzz_site["call"],
                fuzz_site["profile"],
                "/en/search/",
                "/en/account/",
                "/es/buscar/",
                "/es/cuenta/",
                # The old Spanish addresses, redirected (network/views.py).
                "/es/search/",
                "/es/account/",
                "/documents/",
            ]
        ),
        label="base",
    )
    segments = data.draw(st.lists(path_segments, min_size=1, max_size=4), label="segments")
    slash = data.draw(st.sampled_from(["/", ""]), label="trailing")
    path = base + "/".join(quote(segment, safe="") for segment in segments) + slash
    request("get", path)


def test_a_nul_character_in_a_path_or_query_is_refused(library_urls):
    """PostgreSQL cannot compare text holding NUL: network/middleware.py refuses it first."""
    for path in ["/en/%00/", "/en/resources/a%00b/", "/es/%00", "/en/resources/%00/feed/"]:
        assert request("get", path).status_code == 400, path
    assert request("get", "/en/members/", {"q": "a\x00b"}).status_code == 400


# --- Public forms --------------------------------------------------------------------------

# Addresses Django's EmailField accepts, some odd: a quoted local part may hold commas, quotes
# and control characters, and a domain may be non-ASCII; all end up in e-mail headers.
valid_emails = st.one_of(
    st.emails(),
    st.sampled_from(
        [
            "tom@example.org",
            "tom@exämple.org",
            '"tom,jones"@example.org',
            '"a\\"b"@example.org',
            '"\x01"@example.org',
            '""@example.org',
            "tom@[127.0.0.1]",
            "o'brien+tag@example.org",
        ]
    ),
)
email_values = st.one_of(
    valid_emails,
    st.sampled_from(
        [
            "ana@example.org",  # the member's own address, taken
            "ANA@EXAMPLE.ORG",
            "tom@example.org\nBcc: victim@example.org",
            "tom@example.org\r\nSubject: spam",
            "tom@example.org, victim@example.org",
            "Tom <tom@example.org>",
            "tom@localhost",
            "@example.org",
            "tom@",
            "tom@" + "a" * 300 + ".org",
            "a" * 65 + "@example.org",
        ]
    ),
    text_values,
)
# Text a form accepts as a line or a message: anything but markup and line breaks (the
# contact form's validators), including other control and format characters, which end up in
# an e-mail's subject and body.
one_line = st.text(
    alphabet=st.characters(codec="utf-8", exclude_characters="<\n\r\x00"), min_size=1, max_size=120
).filter(str.strip)
free_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_characters="<\x00"), min_size=1, max_size=3000
)


def form_data(fields):
    """POST data. ``fields`` maps each field to (a strategy of valid values, a strategy of any
    values). A set of fields is broken: each is missing, repeated or any value; the others are
    valid, so that valid submissions (what Hypothesis shrinks towards) are fuzzed too. Unknown
    fields are added."""
    names = list(fields)

    @st.composite
    def strategy(draw):
        broken = draw(st.sets(st.sampled_from(names)), label="broken fields")
        pairs = []
        for name, (valid, anything) in fields.items():
            if name not in broken:
                pairs.append((name, draw(valid)))
                continue
            value = draw(st.one_of(st.none(), anything, st.lists(anything, min_size=2, max_size=3)))
            if value is not None:
                pairs.append((name, value))
        pairs += draw(st.lists(st.tuples(unknown_names, scalar_values), max_size=3))
        return merge_pairs(pairs)

    return strategy()


@fuzz(50)
@given(data=st.data())
def test_member_contact_form(member_urls, data):
    """Rate limits count in the cache: it is cleared before each example so that a 429 never
    stands in for the form's answer (rate limiting has its own test in
    test_member_profiles.py); a 429 fails this test."""
    clear_caches()
    mail.outbox.clear()
    url = data.draw(st.sampled_from(member_urls["contact"]), label="url")
    fields = data.draw(
        form_data(
            {
                "name": (one_line, text_values),
                "email": (valid_emails, email_values),
                "message": (free_text, st.one_of(st.just("x" * 3001), text_values)),
            }
        ),
        label="fields",
    )
    response = request("post", url, fields)
    assert response.status_code in (200, 302)
    if response.status_code == 200:  # the form again, with errors: nothing was sent
        assert mail.outbox == []
    else:
        (message,) = mail.outbox
        assert message.to == [member_urls["member_email"]]
        message.message().as_bytes()  # what an SMTP backend sends: its headers must serialise


PASSWORDS = ["", "short", PASSWORD, PASSWORD + "\x00", "password", "12345678901234"]
any_password = st.one_of(st.sampled_from(PASSWORDS), text_values)
# Long and not all digits, so that Django's password validators usually accept them.
strong_passwords = st.text(
    alphabet=st.characters(codec="utf-8", exclude_characters="\x00"), min_size=12, max_size=64
).map(lambda text: "Pw-" + text)
consent = st.sampled_from(["on", "true", "1", "yes"])


@fuzz(40)
@given(data=st.data())
def test_signup_form(member_account, data):
    """Rate limits (allauth's) are reset before each example, as for the contact form."""
    clear_caches()
    mail.outbox.clear()
    language = data.draw(st.sampled_from(["en", "es"]), label="language")
    password = data.draw(strong_passwords, label="password")
    fields = data.draw(
        form_data(
            {
                "email": (st.emails(), email_values),
                "password1": (
                    st.just(password),
                    st.one_of(st.sampled_from(PASSWORDS), text_values),
                ),
                "password2": (
                    st.just(password),
                    st.one_of(st.sampled_from(PASSWORDS), text_values),
                ),
                "privacy_consent": (consent, st.sampled_from(["", "false", "False"])),
                # The bot trap: filled in, no account.
                "phone_number": (st.just(""), st.one_of(st.just("+56 9 1234 5678"), text_values)),
            }
        ),
        label="fields",
    )
    users = User.objects.count()
    response = request("post", address(language, "account_signup"), fields)
    assert response.status_code in (200, 302)
    if response.status_code == 200:  # the form again, with errors: no account, no e-mail
        assert User.objects.count() == users
        assert mail.outbox == []
    consented = fields.get("privacy_consent", [""])[-1].lower() not in ("", "false")
    if fields.get("phone_number", [""])[-1] or not consented:
        assert User.objects.count() == users
    for message in mail.outbox:
        message.message().as_bytes()


@fuzz(40)
@given(data=st.data())
def test_login_form(member_account, data):
    """Rate limits (allauth's) are reset before each example, as for the contact form."""
    clear_caches()
    language = data.draw(st.sampled_from(["en", "es"]), label="language")
    fields = data.draw(
        form_data(
            {
                "login": (st.sampled_from(["ana@example.org", "ANA@example.org"]), email_values),
                "password": (st.just(PASSWORD), any_password),
                "remember": (st.sampled_from(["on", ""]), text_values),
                "next": (
                    st.sampled_from(
                        [
                            "/en/resources/",
                            "//evil.example.org/",
                            "https://evil.example.org/",
                            "/\\evil.example.org",
                            "\\\\evil.example.org",
                            "javascript:alert(1)",
                            "http://testserver@evil.example.org/",
                        ]
                    ),
                    text_values,
                ),
            }
        ),
        label="fields",
    )
    client = Client()
    response = request("post", address(language, "account_login"), fields, client=client)
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        # Wherever "next" says, a log-in never sends the visitor to another site.
        location = urlsplit(response["Location"])
        assert location.scheme in ("", "http", "https") and location.netloc in ("", "testserver")
        assert not response["Location"].startswith(("//", "/\\", "\\"))
    else:
        assert "_auth_user_id" not in client.session


@fuzz(40)
@given(data=st.data())
def test_password_reset_form(member_account, data):
    """Rate limits (allauth's) are reset before each example, as for the contact form."""
    clear_caches()
    mail.outbox.clear()
    language = data.draw(st.sampled_from(["en", "es"]), label="language")
    fields = data.draw(
        form_data({"email": (st.one_of(st.just("ana@example.org"), valid_emails), email_values)}),
        label="fields",
    )
    response = request("post", address(language, "account_reset_password"), fields)
    assert response.status_code in (200, 302)
    if response.status_code == 200:  # the form again, with errors: no e-mail
        assert mail.outbox == []
    for message in mail.outbox:
        message.message().as_bytes()
