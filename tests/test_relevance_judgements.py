"""The judged queries of benchmarks/search_relevance.py stay true to the demo: every page they
name is a live page of the demo in the query's language, so that editing the demo cannot make
the benchmark score a page that no longer exists. Those on generated resources name words the
generator writes, and are judged by the rule relevance_judgements.yaml gives. And the scores are
what nDCG and MRR are."""

import pytest
import yaml
from wagtail.models import Page

from benchmarks.search_benchmark import ENGLISH_WORDS, SPANISH_WORDS, create_resources
from benchmarks.search_relevance import JUDGEMENTS, judge_generated, score
from resources.models import ResourcePage

pytestmark = pytest.mark.django_db

JUDGED = yaml.safe_load(JUDGEMENTS.read_text())["queries"]
GENERATED = yaml.safe_load(JUDGEMENTS.read_text())["generated"]
VOCABULARY = {"en": ENGLISH_WORDS, "es": SPANISH_WORDS}


def test_the_set_is_large_enough_and_in_both_languages():
    languages = [judgement["language"] for judgement in JUDGED]
    assert languages.count("en") >= 20
    assert languages.count("es") >= 20
    assert all(judgement["relevant"] for judgement in JUDGED)


def test_every_judged_page_is_a_live_demo_page_of_its_language(loaded_demo):
    titles = {
        (language, title)
        for language, title in Page.objects.live().values_list("locale__language_code", "title")
    }
    missing = [
        (judgement["language"], item["title"])
        for judgement in JUDGED
        for item in judgement["relevant"]
        if (judgement["language"], item["title"]) not in titles
    ]
    assert missing == []


def test_scores():
    judgement = {
        "language": "en",
        "query": "districts",
        "relevant": [{"title": "Best", "grade": 2}, {"title": "Good", "grade": 1}],
    }
    assert score(judgement, ["Best", "Good", "Other"])["ndcg"] == pytest.approx(1.0)
    worse = score(judgement, ["Other", "Good", "Best"])
    assert 0 < worse["ndcg"] < 1
    assert worse["reciprocal_rank"] == pytest.approx(1 / 2)
    nothing = score(judgement, [])
    assert (nothing["ndcg"], nothing["reciprocal_rank"], nothing["found_nothing"]) == (0, 0, True)


def test_the_generated_queries_name_three_words_of_their_languages_generator():
    languages = [judgement["language"] for judgement in GENERATED]
    assert languages.count("en") >= 10
    assert languages.count("es") >= 10
    for judgement in GENERATED:
        assert len(set(judgement["words"])) == 3
        assert set(judgement["words"]) <= set(VOCABULARY[judgement["language"]])


def test_generated_resources_are_judged_by_their_titles_and_summaries(library):
    create_resources(library, 40)
    english = ResourcePage.objects.filter(
        slug__startswith="resource-", locale__language_code="en"
    ).order_by("slug")
    first = english[0]
    words = first.title.lower().split()[:3]
    [judged] = judge_generated([{"language": "en", "query": " ".join(words), "words": words}])

    grades = {item["title"]: item["grade"] for item in judged["relevant"]}
    assert grades[first.title] == 2
    for resource in english:
        summary = set(resource.summary.lower().strip(".").split())
        if set(words) <= summary:
            expected = 2 if set(resource.title.lower().split()[:3]) == set(words) else 1
            assert grades.pop(resource.title) == expected
    assert grades == {}
    assert judged["set"] == "generated"
