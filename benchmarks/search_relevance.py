"""How good the search page's ranking is: a judged query set (relevance_judgements.yaml) run on
the demo content, on every backend available, scored with nDCG@10, MRR and the share of judged
queries that find nothing. See benchmarks/README.md.

    .venv/bin/python benchmarks/search_relevance.py
        [--library N] [--database-url postgres://USER@HOST:PORT/bench_relevance_NAME]
        [--opensearch-url http://127.0.0.1:9200 | --opensearch-url '']

With ``--library N``, the demo libraries also hold search_benchmark.py's N generated resources,
whose words ("city", "leadership", "barrio", "ciudad"…) compete with the judged pages.

The database backend is the run's database (a temporary SQLite file, or the PostgreSQL database
named, created and dropped). The OpenSearch node is the one ``scripts/services.sh start search``
runs unless told otherwise, under an index prefix of the run's own that it deletes afterwards.
"""

import argparse
import math
import sys
import uuid
from pathlib import Path

import requests
import yaml
from bs4 import BeautifulSoup

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.library_benchmark import (  # noqa: E402
    log,
    parse_with_database,
    throwaway_site,
)
from benchmarks.search_benchmark import (  # noqa: E402
    add_opensearch_argument,
    create_resources,
    opensearch_backends,
)

JUDGEMENTS = Path(__file__).resolve().parent / "relevance_judgements.yaml"
DEPTH = 10
SEARCH_PATHS = {"en": "/en/search/", "es": "/es/buscar/"}
TARGET_NDCG = 0.85


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--judgements",
        type=Path,
        default=JUDGEMENTS,
        help=f"the judged queries (default {JUDGEMENTS.name})",
    )
    parser.add_argument(
        "--library",
        type=int,
        default=0,
        metavar="N",
        help="generated resources to add to the demo libraries (default 0; the search "
        "benchmark's 10000 to judge the ranking among them)",
    )
    add_opensearch_argument(parser, "to score too")
    return parse_with_database(parser)


def main():
    args = parse_args()
    judged = yaml.safe_load(args.judgements.read_text())["queries"]
    with throwaway_site(args.database_url, "search-relevance-"):
        return run(args, judged)


def run(args, judged):
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    call_command("migrate", verbosity=0)
    log("Loading the demo…")
    call_command("load_demo", verbosity=0)
    if args.library:
        add_generated_resources(args.library)
    client = Client(HTTP_HOST="localhost")
    rows = [(f"database ({connection.vendor})", score_all(client, judged))]
    if args.opensearch_url:
        rows.append(("OpenSearch", score_on_opensearch(client, judged, args.opensearch_url)))
    else:
        log("OpenSearch: not scored (no node; scripts/services.sh start search)")
    print_table(len(judged), args.library, rows)
    for heading, missed in (
        (f"under nDCG@{DEPTH} {TARGET_NDCG}", lambda result: result["ndcg"] < TARGET_NDCG),
        ("that found nothing", lambda result: result["found_nothing"]),
    ):
        misses = [
            (name, result["language"], result["query"])
            for name, results in rows
            for result in results
            if missed(result)
        ]
        if misses:
            print(f"\nJudged queries {heading}:")
            for name, language, query in misses:
                print(f"  {name:<22} {language}  {query}")
    return 0


def add_generated_resources(count):
    """``count`` generated resources in the demo's English and Spanish libraries, indexed."""
    from django.core.management import call_command

    from resources.models import ResourceIndexPage

    libraries = [
        ResourceIndexPage.objects.get(locale__language_code=language) for language in ("en", "es")
    ]
    log(f"Adding {count} generated resources…")
    create_resources(libraries, count)
    call_command("update_index", verbosity=0)


def score_on_opensearch(client, judged, url):
    """The same queries with OpenSearch as the default backend, the database beside it, as in
    production; a search answered by the fallback stops the run."""
    from django.core.management import call_command
    from django.test import override_settings

    from network.search.service import DEFAULT_ALIAS, breaker

    prefix = f"bench_{uuid.uuid4().hex[:8]}_"
    backends = opensearch_backends(url, prefix)
    try:
        with override_settings(WAGTAILSEARCH_BACKENDS=backends):
            call_command("update_index", backend_name=DEFAULT_ALIAS, verbosity=0)
            requests.post(f"{url}/{prefix}*/_refresh", timeout=60)
            results = score_all(client, judged)
            if breaker.outage(DEFAULT_ALIAS) is not None:
                sys.exit(f"OpenSearch at {url} failed; the searches fell back to the database")
    finally:
        requests.delete(f"{url}/{prefix}*", timeout=60)
    return results


def score_all(client, judged):
    return [score(judgement, shown_titles(client, judgement)) for judgement in judged]


def shown_titles(client, judgement):
    """The titles of the first DEPTH results of the real search page, in the query's language."""
    response = client.get(SEARCH_PATHS[judgement["language"]], {"q": judgement["query"]})
    if response.status_code != 200:
        sys.exit(f"{judgement['query']!r} answered {response.status_code}")
    html = BeautifulSoup(response.content, "html.parser")
    ranked = html.select("ol.search-results > li h3 a")
    # The highlights split a title into several text nodes: joined as the reader sees them.
    return [" ".join(link.get_text().split()) for link in ranked][:DEPTH]


def score(judgement, titles):
    grades = {item["title"]: item["grade"] for item in judgement["relevant"]}
    gains = [grades.get(title, 0) for title in titles]
    ideal = sorted(grades.values(), reverse=True)[:DEPTH]
    first = next((rank for rank, gain in enumerate(gains, 1) if gain), None)
    return {
        "language": judgement["language"],
        "query": judgement["query"],
        "ndcg": dcg(gains) / dcg(ideal),
        "reciprocal_rank": 1 / first if first else 0.0,
        "found_nothing": not titles,
    }


def dcg(gains):
    return sum((2**gain - 1) / math.log2(rank + 1) for rank, gain in enumerate(gains, 1))


def print_table(count, generated, rows):
    content = (
        f"the demo content and {generated} generated resources" if generated else "the demo content"
    )
    print(f"\n{count} judged queries on {content}; nDCG and MRR at {DEPTH}")
    print(f"{'backend':<22} {'language':<8} {'queries':>7} {'nDCG@10':>8} {'MRR':>6} {'zero':>6}")
    for name, results in rows:
        for language in ("en", "es", "all"):
            chosen = [r for r in results if language in ("all", r["language"])]
            if not chosen:
                continue
            ndcg = sum(r["ndcg"] for r in chosen) / len(chosen)
            mrr = sum(r["reciprocal_rank"] for r in chosen) / len(chosen)
            zero = sum(r["found_nothing"] for r in chosen) / len(chosen)
            print(
                f"{name:<22} {language:<8} {len(chosen):>7} {ndcg:>8.3f} {mrr:>6.3f} {zero:>6.1%}"
            )


if __name__ == "__main__":
    sys.exit(main())
