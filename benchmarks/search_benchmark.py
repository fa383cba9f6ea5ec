"""Time the site's database search backend against modelsearch's own, and the search page on
OpenSearch against the database backend, with many resources, in a throwaway database. See
benchmarks/README.md.

    .venv/bin/python benchmarks/search_benchmark.py [--count N] [--repeat R]
        [--database-url postgres://USER@HOST:PORT/bench_search_NAME]
        [--opensearch-url http://127.0.0.1:9200 | --opensearch-url '']

The OpenSearch scenario uses the node ``scripts/services.sh start search`` runs unless told
otherwise, under an index prefix of its own that it deletes afterwards.
"""

import argparse
import random
import statistics
import sys
import time
import uuid
from datetime import date
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.library_benchmark import (  # noqa: E402
    BARE_URL,
    BENCH_URLCONF,
    CHUNK,
    RequestFailed,
    build_site,
    log,
    parse_with_database,
    search_index_updates_off,
    throwaway_site,
)

SEED = 40_000
# In ~40% of the resources, in both languages: the search every scenario sends.
COMMON_WORD, COMMON_SHARE = "gobernanza", 0.4
ENGLISH_WORDS = [
    "city",
    "leadership",
    "district",
    "council",
    "mayor",
    "budget",
    "transport",
    "housing",
    "market",
    "street",
    "policy",
    "evidence",
    "devolution",
    "partnership",
    "community",
    "planning",
]
SPANISH_WORDS = [
    "ciudad",
    "liderazgo",
    "barrio",
    "municipio",
    "alcalde",
    "presupuesto",
    "transporte",
    "vivienda",
    "mercado",
    "calle",
    "política",
    "evidencia",
    "cooperación",
    "técnica",
    "comunidad",
    "planificación",
]
STOCK = {"BACKEND": "modelsearch.backends.database", "AUTO_UPDATE": False}
OUR_URL = f"/en/search/?q={COMMON_WORD}"
STOCK_URL = f"/bench/stock-search/?query={COMMON_WORD}"
SCENARIOS = {
    "ours page": f"ours: {OUR_URL}",
    "stock page": f"stock wagtail start page: {STOCK_URL}",
    "ours query": "ours: .filter(locale=en).search(q), 10 + count",
    "stock query": "stock: Page.objects.live().search(q), 10 + count",
    "bare": f"bare view: {BARE_URL}",
    "opensearch page": f"ours on OpenSearch: {OUR_URL}",
}
SERVICES_PORT_FILE = Path(__file__).resolve().parent.parent / ".services" / "search-node.port"


def services_search_node():
    """The URL of the node scripts/services.sh started, or ''."""
    if not SERVICES_PORT_FILE.exists():
        return ""
    return f"http://127.0.0.1:{SERVICES_PORT_FILE.read_text().strip()}"


def add_opensearch_argument(parser, purpose):
    """``--opensearch-url``: a node for ``purpose``, by default the one scripts/services.sh
    started, if any; '' leaves it out."""
    parser.add_argument(
        "--opensearch-url",
        default=services_search_node(),
        help=f"an OpenSearch node {purpose} ('' to leave it out; default: the node "
        "scripts/services.sh started, if any)",
    )


def opensearch_backends(url, prefix, **engine_options):
    """Search settings with the OpenSearch node at ``url`` as the default backend, under the
    index ``prefix``, and the database beside it, as in production; neither updated on save."""
    from network.search.service import DEFAULT_ALIAS

    return {
        DEFAULT_ALIAS: {
            "BACKEND": "network.search.backends.opensearch",
            "URLS": [url],
            "INDEX_PREFIX": prefix,
            "TIMEOUT": 30,
            "AUTO_UPDATE": False,
            "OPTIONS": {"max_retries": 0, "retry_on_timeout": False},
            **engine_options,
        },
        "database": {"BACKEND": "network.search.backends.database", "AUTO_UPDATE": False},
    }


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000, help="resources (default 10000)")
    parser.add_argument("--repeat", type=int, default=10, help="timed searches (default 10)")
    parser.add_argument(
        "--stock-repeat", type=int, default=5, help="timed stock searches (default 5)"
    )
    add_opensearch_argument(parser, "to time the search page on too")
    return parse_with_database(parser)


def main():
    args = parse_args()
    with throwaway_site(args.database_url, "search-benchmark-"):
        return run(args)


def create_resources(libraries, count):
    """Live resources, alternately English and Spanish, with a few words of their language
    and the common word in COMMON_SHARE of them; the index is built later by update_index."""
    from django.db import transaction
    from django.utils import timezone

    from resources.models import ResourcePage

    rng = random.Random(SEED)
    now = timezone.now()
    with search_index_updates_off(ResourcePage):
        for first in range(0, count, CHUNK):
            with transaction.atomic():
                for number in range(first, min(first + CHUNK, count)):
                    library = libraries[number % 2]
                    words = rng.sample(SPANISH_WORDS if number % 2 else ENGLISH_WORDS, 6)
                    if rng.random() < COMMON_SHARE:
                        words.insert(rng.randrange(len(words)), COMMON_WORD)
                    page = ResourcePage(
                        title=" ".join(words[:3]).capitalize() + f" {number:05d}",
                        slug=f"resource-{number:05d}",
                        locale_id=library.locale_id,
                        resource_type="report",
                        publication_date=date(2020, 1, 1),
                        summary=" ".join(words) + ".",
                        live=True,
                        first_published_at=now,
                        last_published_at=now,
                    )
                    library.add_child(instance=page)
            log(f"  {min(first + CHUNK, count)} resources")


def timed(function, repeat):
    """Median and p90 in ms, and the queries of one call, after a warm-up call."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    function()
    with CaptureQueriesContext(connection) as queries:
        function()
    query_count = len(queries)
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    p90 = timings[min(len(timings) - 1, int(0.9 * len(timings)))]
    return statistics.median(timings), p90, query_count


def first_page(results):
    """What a results page shows: ten titles and the number of results."""
    return "\n".join(page.title for page in results[0:10]) + f"\n{results.count()} results"


def run(args):
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client, override_settings
    from wagtail.models import Locale, Page
    from wagtail.search.backends import get_search_backend

    from benchmarks.bench_urls import STOCK_BACKEND

    log(f"Throwaway database: {connection.settings_dict['NAME']}")
    call_command("migrate", verbosity=0)
    library_en, _topic = build_site()
    library_es = library_en.copy_for_translation(Locale.objects.get(language_code="es"))
    library_es.save_revision().publish()
    started = time.perf_counter()
    create_resources([library_en, library_es], args.count)
    log(f"Created {args.count} resources in {time.perf_counter() - started:.1f} s")

    english = Locale.objects.get(language_code="en")
    backends = {"default": {"BACKEND": "network.search.backends.database"}, STOCK_BACKEND: STOCK}
    client = Client(HTTP_HOST="localhost", raise_request_exception=False)
    rows = {}
    with override_settings(WAGTAILSEARCH_BACKENDS=backends, ROOT_URLCONF=BENCH_URLCONF):
        # Both backends write the same index table, each its own way on PostgreSQL: each is
        # timed right after its own update_index.
        index_seconds = {}

        def update_index(alias):
            started = time.perf_counter()
            call_command("update_index", backend_name=alias, verbosity=0)
            index_seconds[alias] = time.perf_counter() - started
            refresh_statistics(connection)

        update_index(STOCK_BACKEND)
        stock = get_search_backend(STOCK_BACKEND)
        rows["stock query"] = timed(
            lambda: first_page(stock.search(COMMON_WORD, Page.objects.live())), args.stock_repeat
        )
        rows["stock page"] = measure_page(client, STOCK_URL, args.stock_repeat)
        update_index("default")
        matches = Page.objects.live().filter(locale=english).search(COMMON_WORD).count()
        rows["ours query"] = timed(
            lambda: first_page(Page.objects.live().filter(locale=english).search(COMMON_WORD)),
            args.repeat,
        )
        rows["ours page"] = measure_page(client, OUR_URL, args.repeat)
        rows["bare"] = measure_page(client, BARE_URL, args.repeat)
    if args.opensearch_url:
        rows["opensearch page"], index_seconds["OpenSearch"] = time_opensearch_page(
            client, args.opensearch_url, args.repeat
        )

    log("")
    log(f"N = {args.count} resources; '{COMMON_WORD}' matches {matches} English pages")
    log(f"Database: {connection.vendor} {'.'.join(map(str, connection.get_database_version()))}")
    log(f"{'scenario':64} {'median ms':>10} {'p90 ms':>9} {'queries':>8}")
    for key, name in SCENARIOS.items():
        if key not in rows:
            continue
        median, p90, queries = rows[key]
        log(f"{name:64} {median:10.2f} {p90:9.2f} {queries:8d}")
    log("")
    for ours, stock in (("ours page", "stock page"), ("ours query", "stock query")):
        log(f"{ours} ÷ {stock} (medians): {rows[ours][0] / rows[stock][0]:.3f}")
    log(f"ours page ÷ bare view: {rows['ours page'][0] / rows['bare'][0]:.0f}")
    if "opensearch page" in rows:
        ratio = rows["opensearch page"][0] / rows["ours page"][0]
        log(f"ours on OpenSearch ÷ ours on the database (medians): {ratio:.3f}")
    else:
        log(
            "OpenSearch: not timed (no node; scripts/services.sh start search, or --opensearch-url)"
        )
    for alias, seconds in index_seconds.items():
        log(f"update_index ({'ours' if alias == 'default' else alias}): {seconds:.1f} s")
    return 0


def time_opensearch_page(client, url, repeat):
    """The search page with OpenSearch as the default backend (and the database beside it, as
    in production) on the same data: its timings, and its update_index's seconds. The page must
    be the engine's answer: a fallback to the database would time the wrong thing."""
    from django.core.management import call_command
    from django.test import override_settings

    from network.search.service import DEFAULT_ALIAS, breaker

    prefix = f"bench_{uuid.uuid4().hex[:8]}_"
    backends = opensearch_backends(url, prefix, ATOMIC_REBUILD=True)
    try:
        with override_settings(WAGTAILSEARCH_BACKENDS=backends, ROOT_URLCONF=BENCH_URLCONF):
            started = time.perf_counter()
            call_command("update_index", backend_name=DEFAULT_ALIAS, verbosity=0)
            seconds = time.perf_counter() - started
            timings = measure_page(client, OUR_URL, repeat)
            if breaker.outage(DEFAULT_ALIAS) is not None:
                raise RequestFailed(f"OpenSearch at {url} failed; the page fell back")
    finally:
        requests.delete(f"{url}/{prefix}*", timeout=60)
    return timings, seconds


def refresh_statistics(connection):
    """What autovacuum does on a running server: without it a table filled seconds ago has no
    planner statistics, and PostgreSQL's visibility map does not allow index-only scans yet.

    On PostgreSQL the index table is also compacted. modelsearch's update_index writes every
    entry three times (its upsert, then its title-norm refreshes), and both backends share the
    table: the second one built would be timed on a table holding the first one's dead rows
    (22 MB against 11 at 10,000 resources), where the planner reads the whole table rather
    than the GIN indexes. Each backend is timed on its index as if it were the only one built."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            from modelsearch.backends.database.postgres.postgres import IndexEntry

            cursor.execute(f"VACUUM FULL {IndexEntry._meta.db_table}")
            cursor.execute("VACUUM ANALYZE")
        else:
            cursor.execute("ANALYZE")


def measure_page(client, url, repeat):
    """Median and p90 in ms, and the queries of one request, through the test client."""

    def get():
        response = client.get(url)
        if response.status_code != 200:
            raise RequestFailed(f"GET {url} answered {response.status_code}")

    return timed(get, repeat)


if __name__ == "__main__":
    sys.exit(main())
