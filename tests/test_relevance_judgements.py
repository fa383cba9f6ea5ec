"""The judged queries of benchmarks/search_relevance.py stay true to the demo: every page they
name is a live page of the demo in the query's language, so that editing the demo cannot make
the benchmark score a page that no longer exists. And the scores are what nDCG and MRR are."""

import pytest
import yaml
from wagtail.models import Page

from benchmarks.search_relevance import JUDGEMENTS, score

pytestmark = pytest.mark.django_db

JUDGED = yaml.safe_load(JUDGEMENTS.read_text())["queries"]


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
