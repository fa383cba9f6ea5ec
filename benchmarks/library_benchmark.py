"""Time the resource library with many resources against a bare view served through the same
middleware, in a throwaway database. See benchmarks/README.md.

    .venv/bin/python benchmarks/library_benchmark.py [--count N] [--repeat R]
        [--database-url postgres://USER@HOST:PORT/bench_NAME]
"""

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from urllib.parse import urlencode

import django
import environ
import psycopg2
from psycopg2 import sql

PROJECT_DIR = Path(__file__).resolve().parent.parent
SETTINGS_MODULE = "network.settings.test"
BENCH_URLCONF = "benchmarks.bench_urls"
BARE_URL = "/bench/bare/"
# Only a database whose name says it is a benchmark's may be created and dropped.
DATABASE_PREFIX = "bench"
# Pages are committed, and progress printed, this many at a time.
CHUNK = 1000
# The same resources on every run, so that runs compare.
SEED = 20_000
FIRST_YEAR, LAST_YEAR = 2000, 2025

TOPICS = [
    ("City leadership", "city-leadership"),
    ("Business improvement districts", "business-improvement-districts"),
    ("Smart urban governance", "smart-urban-governance"),
    ("Devolution", "devolution"),
    ("Urban policy", "urban-policy"),
    ("Local economic development", "local-economic-development"),
    ("Public space", "public-space"),
    ("Data and cities", "data-and-cities"),
]
COUNTRIES = [("Chile", "chile"), ("United Kingdom", "united-kingdom")]
CITIES = [
    ("Santiago", "santiago", "chile"),
    ("Valparaíso", "valparaiso", "chile"),
    ("Concepción", "concepcion", "chile"),
    ("London", "london", "united-kingdom"),
    ("Manchester", "manchester", "united-kingdom"),
    ("Glasgow", "glasgow", "united-kingdom"),
]


class RequestFailed(Exception):
    pass


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000, help="resources (default 10000)")
    parser.add_argument(
        "--repeat", type=int, default=15, help="timed requests per scenario (default 15)"
    )
    add_database_argument(parser)
    args = parser.parse_args()
    if args.count < 1 or args.repeat < 1:
        parser.error("--count and --repeat must be at least 1")
    check_database_url(parser, args.database_url)
    return args


def add_database_argument(parser):
    parser.add_argument(
        "--database-url",
        help=f"a PostgreSQL database to create, use and drop; its name must start with "
        f"'{DATABASE_PREFIX}' and it must not exist yet (default: a temporary SQLite file)",
    )


def parse_with_database(parser):
    """``parser``'s arguments, with ``--database-url`` added and checked."""
    add_database_argument(parser)
    args = parser.parse_args()
    check_database_url(parser, args.database_url)
    return args


def check_database_url(parser, database_url):
    if not database_url:
        return
    config = environ.Env.db_url_config(database_url)
    if config["ENGINE"] != "django.db.backends.postgresql":
        parser.error("--database-url must be a postgres:// URL")
    if not config["NAME"].startswith(DATABASE_PREFIX):
        parser.error(f"the database name must start with '{DATABASE_PREFIX}'")


@contextmanager
def throwaway_site(database_url, prefix):
    """Django set up with the test settings on a database made for this run, whatever the
    environment says; yields a temporary folder (also the site's MEDIA_ROOT/media).

    The database is the PostgreSQL one named in ``database_url``, created here (refused if it
    exists: only a database the run created is ever dropped) and dropped at the end, even after
    an error; or an SQLite file in the temporary folder. Empty ``ELASTICSEARCH_URL``,
    ``OPENSEARCH_URL`` and ``REDIS_URL`` keep a developer's own search index and cache out of it."""
    workdir = Path(tempfile.mkdtemp(prefix=prefix))
    os.environ.update(
        DJANGO_SETTINGS_MODULE=SETTINGS_MODULE,
        ELASTICSEARCH_URL="",
        OPENSEARCH_URL="",
        REDIS_URL="",
        MEDIA_ROOT=str(workdir / "media"),
    )
    sys.path.insert(0, str(PROJECT_DIR))
    created = set_up = False
    try:
        if database_url:
            try:
                postgres_maintenance(database_url, "CREATE DATABASE {}")
            except psycopg2.errors.DuplicateDatabase:
                name = environ.Env.db_url_config(database_url)["NAME"]
                sys.exit(
                    f"Database {name} already exists, perhaps left by an interrupted run; a "
                    f"benchmark only uses a database it created. If it is a benchmark's: "
                    f"dropdb -h 127.0.0.1 -U postgres {name}"
                )
            created = True
            os.environ["DATABASE_URL"] = database_url
        else:
            os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/benchmark.sqlite3"
        django.setup()
        set_up = True
        yield workdir
    finally:
        if set_up:
            from django.db import connections

            connections.close_all()
        shutil.rmtree(workdir, ignore_errors=True)
        if created:
            postgres_maintenance(database_url, "DROP DATABASE {}")


def postgres_maintenance(database_url, statement):
    """Run CREATE or DROP DATABASE on the database named in the URL, from the server's
    ``postgres`` database (a database cannot create or drop itself)."""
    config = environ.Env.db_url_config(database_url)
    parameters = {
        "user": config["USER"],
        "password": config["PASSWORD"],
        "host": config["HOST"],
        "port": config["PORT"],
    }
    connection = psycopg2.connect(dbname="postgres", **{k: v for k, v in parameters.items() if v})
    # CREATE and DROP DATABASE cannot run inside a transaction.
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql.SQL(statement).format(sql.Identifier(config["NAME"])))
    finally:
        connection.close()


def main():
    args = parse_args()
    with throwaway_site(args.database_url, "library-benchmark-"):
        return run(args)


def log(message):
    print(message, flush=True)


def run(args):
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client, override_settings

    from resources.models import ResourcePage

    log(f"Throwaway database: {connection.settings_dict['NAME']}")
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    log(f"Migrated in {time.perf_counter() - started:.1f} s")

    library, topic_slug = build_site()
    started = time.perf_counter()
    create_resources(library, args.count)
    elapsed = time.perf_counter() - started
    per_page_ms = elapsed / args.count * 1000
    log(f"Created {args.count} resources in {elapsed:.1f} s ({per_page_ms:.1f} ms each)")

    library_url = library.get_url()
    filters = {
        "type": "report",
        "topic": topic_slug,
        "year_from": 2010,
        "year_to": 2020,
        "sort": "title",
    }
    library_scenarios = [("library, first page", {}), ("library, filtered", filters)]

    # A server error is reported with the others rather than raised.
    client = Client(HTTP_HOST="localhost", raise_request_exception=False)
    rows, failures = [], []
    # Every request goes through the benchmark's URLconf, so that the bare view and the library
    # resolve against the same patterns. override_settings clears the URL caches when
    # ROOT_URLCONF changes (django.test.signals.root_urlconf_changed).
    with override_settings(ROOT_URLCONF=BENCH_URLCONF):
        # Without the baseline there is nothing to compare with: a failure ends the run.
        bare_ms, bare_queries = measure(client, BARE_URL, args.repeat)
        rows.append(("bare view", bare_ms, bare_queries, None))
        for name, query in library_scenarios:
            url = f"{library_url}?{urlencode(query)}" if query else library_url
            try:
                median_ms, queries = measure(client, url, args.repeat)
            except RequestFailed as error:
                failures.append(f"{name}: {error}")
                continue
            rows.append((name, median_ms, queries, reported_results(library, query)))
        # One resource's page, whose query count must not depend on the library's size either.
        resource = ResourcePage.objects.child_of(library).live().order_by("pk").first()
        try:
            median_ms, queries = measure(client, resource.get_url(), args.repeat)
        except RequestFailed as error:
            failures.append(f"resource page: {error}")
        else:
            rows.append(("resource page", median_ms, queries, None))

    log("")
    log(f"N = {args.count} resources, {args.repeat} timed requests per scenario after a warm-up")
    log(f"Database: {connection.vendor} {'.'.join(map(str, connection.get_database_version()))}")
    log(f"Library: {library_url}; filtered: ?{urlencode(filters)}")
    print_table(rows, bare_ms)
    for failure in failures:
        log(f"FAILED {failure}")
    return 1 if failures else 0


def build_site():
    """The demo home pages, a library under the English one and the vocabulary; returns the
    library and the slug of the topic the filtered scenario asks for."""
    from home import demo
    from home.models import HomePage
    from network.models import Place, Topic
    from resources.models import ResourceIndexPage

    demo.build(lambda message: None)
    home = HomePage.objects.get(locale__language_code="en")
    library = ResourceIndexPage(
        title="Library", slug="library", introduction="Every resource of the network."
    )
    home.add_child(instance=library)
    library.save_revision().publish()

    for name, slug in TOPICS:
        Topic.objects.create(name=name, slug=slug, locale=home.locale)
    countries = {
        slug: Place.objects.create(
            name=name, slug=slug, kind=Place.Kind.COUNTRY, locale=home.locale
        )
        for name, slug in COUNTRIES
    }
    for name, slug, country in CITIES:
        Place.objects.create(name=name, slug=slug, country=countries[country], locale=home.locale)
    return library, TOPICS[0][1]


@contextmanager
def search_index_updates_off(model):
    """Creating a page runs modelsearch's post_save handler, which fetches the page again and
    writes its index entry: some 40% of each page's cost. AUTO_UPDATE=False is only consulted
    after the fetch, so disconnect the handler instead. No scenario sends keywords, so the
    search index is never read."""
    from django.db.models.signals import post_save
    from modelsearch.signal_handlers import post_save_signal_handler

    post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        yield
    finally:
        post_save.connect(post_save_signal_handler, sender=model)


def create_resources(library, count):
    """Live resources under the library, added one by one with add_child so that the page tree
    stays valid, without revisions (the library never reads them) and committed a chunk at a
    time (SQLite syncs the disk at every commit)."""
    from django.db import transaction
    from django.utils import timezone

    from network.models import Place, Topic
    from resources.choices import PublicationLanguage, ResourceType
    from resources.models import ResourcePage

    rng = random.Random(SEED)
    topic_ids = list(Topic.objects.values_list("pk", flat=True))
    place_ids = list(Place.objects.values_list("pk", flat=True))
    types = ResourceType.values
    languages = PublicationLanguage.values
    TopicLink = ResourcePage.topics.through
    PlaceLink = ResourcePage.places.through
    now = timezone.now()
    started = time.perf_counter()

    with search_index_updates_off(ResourcePage):
        for first in range(1, count + 1, CHUNK):
            last = min(first + CHUNK - 1, count)
            topic_links, place_links = [], []
            with transaction.atomic():
                for number in range(first, last + 1):
                    resource_type = types[number % len(types)]
                    page = ResourcePage(
                        title=f"{ResourceType(resource_type).label} {number:05d}",
                        slug=f"resource-{number:05d}",
                        locale_id=library.locale_id,
                        resource_type=resource_type,
                        publication_date=date(
                            rng.randint(FIRST_YEAR, LAST_YEAR),
                            rng.randint(1, 12),
                            rng.randint(1, 28),
                        ),
                        # Mostly English and Spanish, as in the real library.
                        original_language=rng.choices(languages, weights=[6, 3, 1, 1])[0],
                        summary=f"Summary of resource {number}.",
                        publisher="UCL City Leadership Initiative",
                        live=True,
                        first_published_at=now,
                        last_published_at=now,
                    )
                    library.add_child(instance=page)
                    topic_links += [
                        TopicLink(resourcepage_id=page.pk, topic_id=topic_id)
                        for topic_id in rng.sample(topic_ids, rng.randint(1, 3))
                    ]
                    place_links += [
                        PlaceLink(resourcepage_id=page.pk, place_id=place_id)
                        for place_id in rng.sample(place_ids, rng.randint(0, 2))
                    ]
                TopicLink.objects.bulk_create(topic_links)
                PlaceLink.objects.bulk_create(place_links)
            log(f"  {last} resources, {time.perf_counter() - started:.1f} s")


def measure(client, url, repeat):
    """The median time of ``repeat`` requests, in milliseconds, and the queries of one."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    # The warm-up fills the template, URL and site-root caches, as on a running server.
    check(client.get(url), url)
    # Queries are counted on a request of their own: recording them slows the timed ones.
    with CaptureQueriesContext(connection) as queries:
        check(client.get(url), url)
    # Read now: the next request empties the connection's query log that ``queries`` reads.
    query_count = len(queries)
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(url)
        timings.append(time.perf_counter() - started)
        check(response, url)
    return statistics.median(timings) * 1000, query_count


def check(response, url):
    if response.status_code != 200:
        error = f": {response.exc_info[1]!r}" if response.exc_info else ""
        raise RequestFailed(f"GET {url} answered {response.status_code}{error}")


def reported_results(library, query):
    """The number of results the library's context reports for these filters (the test client
    only captures a response's context when template rendering is instrumented)."""
    from django.test import RequestFactory

    request = RequestFactory().get(library.get_url(), query)
    return library.get_context(request)["results"].paginator.count


def print_table(rows, bare_ms):
    header = ("scenario", "median ms", "queries", "results", "× bare")
    lines = [header] + [
        (
            name,
            f"{median_ms:.2f}",
            str(queries),
            "-" if results is None else str(results),
            f"{median_ms / bare_ms:.1f}",
        )
        for name, median_ms, queries, results in rows
    ]
    widths = [max(len(line[column]) for line in lines) for column in range(len(header))]
    for line in lines:
        cells = [line[0].ljust(widths[0])]
        cells += [cell.rjust(width) for cell, width in zip(line[1:], widths[1:], strict=True)]
        log("  ".join(cells))


if __name__ == "__main__":
    sys.exit(main())
