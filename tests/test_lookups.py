import pytest
from django.db.models import F
from wagtail.models import Page

from network.lookups import InList

pytestmark = [pytest.mark.django_db, pytest.mark.both_databases]


@pytest.mark.parametrize("count", [0, 1, 1500])
def test_in_list_matches_django_in_with_one_parameter(site_tree, count):
    existing = list(Page.objects.values_list("pk", flat=True))
    # Keys repeated, and one that does not exist.
    wanted = (existing * (count // len(existing) + 1))[:count] + ([10**9] if count else [])

    found = Page.objects.filter(InList(F("pk"), wanted))

    assert sorted(found.values_list("pk", flat=True)) == sorted(
        Page.objects.filter(pk__in=wanted).values_list("pk", flat=True)
    )
    sql, params = found.query.sql_with_params()
    assert len(params) == 1
