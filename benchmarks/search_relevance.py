"""How good the search page's ranking is: a judged query set (relevance_judgements.yaml) run on
the demo content, and with ``--library N`` on generated resources too, on every backend available,
scored with nDCG@10, MRR and the share of judged queries that find nothing. See
benchmarks/README.md.

    .venv/bin/python benchmarks/search_relevance.py
        [--library N] [--database-url postgres://USER@HOST:PORT/bench_relevance_NAME]
        [--opensearch-url http://127.0.0.1:9200 | --opensearch-url '']

With ``--library N``, the demo libraries also hold search_benchmark.py's N generated resources,
whose words ("city", "leadership", "barrio", "ciudad"…) compete with the judged pages, and the
queries judged on those resources themselves are asked as well.

The database backend is the run's database (a temporary SQLite file, or the PostgreSQL database
named, created and dropped). The OpenSearch node is the one ``scripts/services.sh start search``
runs unless told otherwise, under an index prefix of the run's own that it deletes afterwards.
"""

import argparse
import math
import re
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
# The slugs search_benchmark.create_resources gives.
GENERATED_SLUG = re.compile(r"^resource-\d{5}$")


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
    judgements = yaml.safe_load(args.judgements.read_text())
    judged = [{**judgement, "set": "demo"} for judgement in judgements["queries"]]
    with throwaway_site(args.database_url, "search-relevance-"):
        if args.library:
            return run(args, judged, judgements["generated"])
        return run(args, judged, [])


def run(args, judged, generated):
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    call_command("migrate", verbosity=0)
    log("Loading the demo…")
    call_command("load_demo", verbosity=0)
    if args.library:
        add_generated_resources(args.library)
        judged += judge_generated(generated)
    client = Client(HTTP_HOST="localhost")
    rows = [(f"database ({connection.vendor})", score_all(client, judged))]
    if args.opensearch_url:
        rows.append(("OpenSearch", score_on_opensearch(client, judged, args.opensearch_url)))
    else:
        log("OpenSearch: not scored (no node; scripts/services.sh start search)")
    print_table(args.library, rows)
    for heading, missed in (
        (f"under nDCG@{DEPTH} {TARGET_NDCG}", lambda result: result["ndcg"] < TARGET_NDCG),
        ("that found nothing", lambda result: result["found_nothing"]),
    ):
        misses = [(name, result) for name, results in rows for result in results if missed(result)]
        if misses:
            print(f"\nJudged queries {heading}:")
            for name, result in misses:
                print(
                    f"  {name:<22} {result['set']:<10} {result['language']}  "
                    f"{result['ndcg']:.3f}  {result['query']}"
                )
    return 0


def judge_generated(generated):
    """The judgements of the queries on generated resources, read off those resources: grade 2
    for each titled with exactly the query's words, 1 for each with all of them in its summary
    (relevance_judgements.yaml says why)."""
    from resources.models import ResourcePage

    pages = [
        (language, title, set(title.lower().split()[:-1]), set(summary.lower().strip(".").split()))
        for language, slug, title, summary in ResourcePage.objects.values_list(
            "locale__language_code", "slug", "title", "summary"
        )
        if GENERATED_SLUG.match(slug)
    ]
    judged = []
    for judgement in generated:
        words = set(judgement["words"])
        relevant = sorted(
            (
                {"title": title, "grade": 2 if title_words == words else 1}
                for language, title, title_words, summary_words in pages
                if language == judgement["language"] and words <= summary_words
            ),
            key=lambda item: -item["grade"],
        )
        if not any(item["grade"] == 2 for item in relevant):
            sys.exit(f"No generated resource is titled {judgement['query']!r}: use more resources")
        judged.append({**judgement, "set": "generated", "relevant": relevant})
    return judged


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
        "set": judgement.get("set", "demo"),
        "language": judgement["language"],
        "query": judgement["query"],
        "ndcg": dcg(gains) / dcg(ideal),
        "reciprocal_rank": 1 / first if first else 0.0,
        "found_nothing": not titles,
    }


def dcg(gains):
    return sum((2**gain - 1) / math.log2(rank + 1) for rank, gain in enumerate(gains, 1))


def print_table(generated, rows):
    """Per backend, the demo's queries, the generated resources' (with ``--library``) and all of
    them, in each language and both."""
    content = (
        f"the demo content and {generated} generated resources" if generated else "the demo content"
    )
    print(f"\nJudged queries on {content}; nDCG and MRR at {DEPTH}")
    print(
        f"{'backend':<22} {'queries':<10} {'language':<8} {'count':>5} {'nDCG@10':>8} "
        f"{'MRR':>6} {'zero':>6}"
    )
    sets = ("demo", "generated", "all") if generated else ("demo",)
    for name, results in rows:
        for judged_set in sets:
            for language in ("en", "es", "all"):
                chosen = [
                    r
                    for r in results
                    if judged_set in ("all", r["set"]) and language in ("all", r["language"])
                ]
                ndcg = sum(r["ndcg"] for r in chosen) / len(chosen)
                mrr = sum(r["reciprocal_rank"] for r in chosen) / len(chosen)
                zero = sum(r["found_nothing"] for r in chosen) / len(chosen)
                print(
                    f"{name:<22} {judged_set:<10} {language:<8} {len(chosen):>5} {ndcg:>8.3f} "
                    f"{mrr:>6.3f} {zero:>6.1%}"
                )


if __name__ == "__main__":
    sys.exit(main())
