"""The search log and editors' picks: public searches counted per day, language and query (and
nothing about who searched), the admin's report of them with its filters and export, pruning
old days, and the pages or links editors promote for a query, in the visitor's language."""

import csv
import datetime
import io
import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import load_workbook
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from home.models import StandardPage
from search.models import DailySearchCount
from tests.html_lists import result_titles

pytestmark = [pytest.mark.django_db, pytest.mark.both_databases]

QUERY_LENGTH = DailySearchCount._meta.get_field("query").max_length


def search_url(language="en"):
    with translation.override(language):
        return reverse("search")


def search(client, language="en", **params):
    response = client.get(search_url(language), params)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def counts():
    """``{(language, query): (searches, without_results)}`` of today's rows; there are no
    others."""
    rows = DailySearchCount.objects.all()
    assert {row.day for row in rows} <= {timezone.localdate()}
    return {(row.language, row.query): (row.searches, row.without_results) for row in rows}


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


# --- Counting ------------------------------------------------------------------------------


def test_each_search_is_counted_per_day_language_and_normalised_query(client, library):
    """Case and spacing do not make another query; a search that found nothing is counted as
    such; the Spanish page counts Spanish searches."""
    search(client, q="Barrios  Comerciales")
    search(client, q="barrios comerciales")
    nothing = search(client, q="Zzqx  plofw")
    search(client, q="zzqx plofw")
    search(client, q="ZZQX PLOFW")
    search(client, language="es", q="Informe")

    assert "No results" in nothing.select_one('[role="status"]').get_text()
    assert counts() == {
        ("en", "barrios comerciales"): (2, 0),
        ("en", "zzqx plofw"): (3, 3),
        ("es", "informe"): (1, 0),
    }


def test_only_the_first_page_of_results_is_counted(client, library, monkeypatch):
    """Turning the page is not another search."""
    monkeypatch.setattr("search.views.RESULTS_PER_PAGE", 1)

    first = search(client, q="summary")
    second = search(client, q="summary", page="2")

    assert len(result_titles(first)) == 1 and len(result_titles(second)) == 1
    assert result_titles(first) != result_titles(second)
    assert counts() == {("en", "summary"): (1, 0)}


def test_nothing_about_the_visitor_is_stored(client, library, django_user_model):
    member = django_user_model.objects.create_user("member", "member@example.org", "pw")
    client.force_login(member)

    search(client, q="policy brief", HTTP_X_FORWARDED_FOR="203.0.113.9")

    fields = {field.name for field in DailySearchCount._meta.get_fields()}
    assert fields == {"id", "day", "language", "query", "searches", "without_results"}
    row = DailySearchCount.objects.get()
    stored = " ".join(str(getattr(row, name)) for name in fields)
    assert "member" not in stored and "203.0.113.9" not in stored


@pytest.mark.parametrize("query", ["", "   ", "?!…", "¿¡ -- ** !!", "___", "🏙️🌆"])
def test_a_query_without_words_is_not_counted(client, library, query):
    html = search(client, q=query)

    assert html.select_one("h1").get_text() == "Search"
    assert DailySearchCount.objects.count() == 0


@pytest.mark.parametrize(
    ("query", "counted"),
    [
        ("Москва  Лидерство", "москва лидерство"),
        ("城市领导力", "城市领导力"),
        ("ciudad 🏙️ inteligente", "ciudad inteligente"),
        ("Cooperacio\u0301n ÁREA", "cooperación área"),
    ],
)
def test_a_query_in_another_script_is_counted(client, library, query, counted):
    search(client, q=query)

    assert [(row.language, row.query, row.searches) for row in DailySearchCount.objects.all()] == [
        ("en", counted, 1)
    ]


@pytest.mark.parametrize("query", ["x" * 10_000, " ".join(["palabra"] * 500), "ñ" * 300])
def test_a_very_long_query_is_counted_within_the_fields_length(client, library, query):
    search(client, q=query)

    row = DailySearchCount.objects.get()
    assert 0 < len(row.query) <= QUERY_LENGTH
    assert query.lower().startswith(row.query)
    assert row.searches == 1


# --- Editors' picks ------------------------------------------------------------------------


def promote(query, sort_order=0, **target):
    return SearchPromotion.objects.create(query=Query.get(query), sort_order=sort_order, **target)


def picks(html):
    """``[(title, href, badge)]`` of the editors' picks shown."""
    return [
        (
            " ".join(item.h3.get_text().split()),
            item.h3.a["href"],
            item.select_one(".badge--pick").get_text(strip=True),
        )
        for item in html.select(".search-results--picks > li")
    ]


@pytest.fixture
def draft(site_tree):
    page = StandardPage(title="Draft about leadership", slug="draft-leadership", live=False)
    site_tree.home_en.add_child(instance=page)
    page.save_revision()
    page.refresh_from_db()
    assert not page.live
    return page


def test_editors_picks_come_first_in_the_visitors_language(
    client, library, site_tree, english_only_page, draft
):
    """An English page promoted for a query is shown to a Spanish visitor as its Spanish
    translation, and not at all when it has none; a draft is shown to nobody; a link in both
    languages. The order is the editors'."""
    promote("Leadership", sort_order=0, page=site_tree.about_en)
    promote("leadership", sort_order=1, page=english_only_page)
    promote("leadership", sort_order=2, page=draft)
    promote(
        "leadership",
        sort_order=3,
        external_link_url="https://example.org/leadership",
        external_link_text="Leadership toolkit",
        description="An outside guide.",
    )

    english = search(client, q="Leadership")
    spanish = search(client, language="es", q="leadership")

    assert picks(english) == [
        (site_tree.about_en.title, site_tree.about_en.url, "Editors’ pick"),
        (english_only_page.title, english_only_page.url, "Editors’ pick"),
        ("Leadership toolkit", "https://example.org/leadership", "Editors’ pick"),
    ]
    assert picks(spanish) == [
        (site_tree.about_es.title, site_tree.about_es.url, "Selección editorial"),
        ("Leadership toolkit", "https://example.org/leadership", "Selección editorial"),
    ]
    # Above the results, which follow.
    assert result_titles(english)[:3] == [title for title, _href, _badge in picks(english)]
    assert "Placing Business Leadership" in result_titles(english)[3:]
    assert draft.title not in english.get_text()
    assert "An outside guide." in spanish.select_one(".search-results--picks").get_text()


def test_a_spanish_page_promoted_is_shown_to_an_english_visitor_as_its_translation(
    client, site_tree
):
    promote("about us", page=site_tree.about_es)

    assert [title for title, _href, _badge in picks(search(client, q="about us"))] == [
        site_tree.about_en.title
    ]


def test_editors_picks_are_shown_on_the_first_page_only(client, library, monkeypatch):
    monkeypatch.setattr("search.views.RESULTS_PER_PAGE", 1)
    promote("summary", external_link_url="https://example.org/", external_link_text="Guide")

    assert [pick[0] for pick in picks(search(client, q="summary"))] == ["Guide"]
    assert picks(search(client, q="summary", page="2")) == []


def test_a_query_without_promotions_shows_no_picks(client, library, site_tree):
    promote("something else", page=site_tree.about_en)

    html = search(client, q="policy brief")

    assert html.select_one(".search-results--picks") is None
    assert result_titles(html)[0] == "Policy brief on BIDs"


def test_an_editor_promotes_a_page_through_the_admin(editor_client, client, site_tree, library):
    """Wagtail's own form (Settings → Promoted search results), which the Editors group may
    use; the promoted page then leads the results."""
    add = reverse("wagtailsearchpromotions:add")
    assert editor_client.get(add).status_code == 200

    response = editor_client.post(
        add,
        {
            "query_string": "Barrios  Comerciales",
            "editors_picks-TOTAL_FORMS": 1,
            "editors_picks-INITIAL_FORMS": 0,
            "editors_picks-MAX_NUM_FORMS": 1000,
            "editors_picks-0-DELETE": "",
            "editors_picks-0-ORDER": 0,
            "editors_picks-0-page": site_tree.about_en.pk,
            "editors_picks-0-description": "Who we are, and our work on districts.",
        },
    )

    assert response.status_code == 302
    promotion = SearchPromotion.objects.get()
    assert promotion.query.query_string == "barrios comerciales"
    client.logout()
    html = search(client, q="barrios comerciales")
    assert picks(html) == [(site_tree.about_en.title, site_tree.about_en.url, "Editors’ pick")]
    assert "Who we are, and our work on districts." in html.get_text()
    spanish = search(client, language="es", q="Barrios Comerciales")
    assert [pick[0] for pick in picks(spanish)] == [site_tree.about_es.title]


def test_a_promotion_typed_with_punctuation_is_shown(client, site_tree):
    promote("Barrios, comerciales", page=site_tree.about_en)

    assert picks(search(client, q="Barrios, comerciales"))


# --- The report ----------------------------------------------------------------------------

REPORT = "search_report"


@pytest.fixture
def logged_searches(db):
    """Counts over the last year: (day, language, query, searches, without_results)."""
    rows = [
        (0, "en", "barrios comerciales", 5, 0),
        (1, "en", "barrios comerciales", 2, 1),
        (0, "en", "liderazgo", 3, 3),
        (0, "es", "informe", 4, 1),
        (6, "es", "seis días", 1, 0),
        (7, "es", "siete días", 1, 0),
        (100, "en", "old query", 9, 9),
    ]
    for days, language, query, searches, without_results in rows:
        DailySearchCount.objects.create(
            day=days_ago(days),
            language=language,
            query=query,
            searches=searches,
            without_results=without_results,
        )


def report(client, **filters):
    """``[(query, language, searches, found nothing, last searched)]``, as the report lists
    them."""
    response = client.get(reverse(REPORT), filters)
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    return [
        tuple(td.get_text(" ", strip=True) for td in tr.select("td"))
        for tr in html.select("table.listing tbody tr")
    ]


def queries(rows):
    return [row[0] for row in rows]


def test_the_report_lists_the_most_searched_queries_first(admin_client, logged_searches):
    rows = report(admin_client)

    assert queries(rows) == [
        "barrios comerciales",
        "informe",
        "liderazgo",
        "seis días",
        "siete días",
    ]
    assert rows[0][2:4] == ("7", "1")


def test_the_report_names_each_querys_language(admin_client, logged_searches):
    assert {row[1] for row in report(admin_client, language="es")} == {"Spanish"}
    assert {row[1] for row in report(admin_client, language="en")} == {"English"}


def test_the_report_covers_the_period_asked_for(admin_client, logged_searches):
    """The last 7 days are today and the 6 before it; 30 days is the default, also for a
    period the report does not offer."""
    assert "old query" not in queries(report(admin_client))
    assert queries(report(admin_client, period="7")) == [
        "barrios comerciales",
        "informe",
        "liderazgo",
        "seis días",
    ]
    assert queries(report(admin_client, period="365"))[0] == "old query"
    assert "old query" not in queries(report(admin_client, period="30"))
    for period in ("abc", "0", "-1", "99999999999999999999", "<script>"):
        assert queries(report(admin_client, period=period)) == queries(report(admin_client))


def test_the_report_lists_only_queries_that_found_nothing_when_asked(admin_client, logged_searches):
    """Most often fruitless first."""
    rows = report(admin_client, results="nothing")

    assert queries(rows) == ["liderazgo", "barrios comerciales", "informe"]
    assert rows[0][2:4] == ("3", "3")
    assert queries(report(admin_client, results="nothing", period="365"))[0] == "old query"


def test_the_report_is_filtered_by_language(admin_client, logged_searches):
    assert queries(report(admin_client, language="es")) == ["informe", "seis días", "siete días"]
    assert queries(report(admin_client, language="en")) == ["barrios comerciales", "liderazgo"]
    assert queries(report(admin_client, language="es", results="nothing")) == ["informe"]


@pytest.mark.parametrize("bad", [{"language": "fr"}, {"results": "everything"}])
def test_a_bad_filter_value_keeps_the_period(admin_client, logged_searches, bad):
    assert "old query" not in queries(report(admin_client, **bad))


def test_csv_export_sums_each_query_and_language(admin_client, logged_searches):
    response = admin_client.get(reverse(REPORT), {"export": "csv", "period": "365"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "searches" in response["Content-Disposition"]
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(content)))
    assert [
        (row["Query"], row["Language"], row["Searches"], row["Searches that found nothing"])
        for row in rows
    ] == [
        ("old query", "en", "9", "9"),
        ("barrios comerciales", "en", "7", "1"),
        ("informe", "es", "4", "1"),
        ("liderazgo", "en", "3", "3"),
        ("seis días", "es", "1", "0"),
        ("siete días", "es", "1", "0"),
    ]
    assert rows[1]["Last searched"] == timezone.localdate().isoformat()


def test_csv_export_keeps_the_filters(admin_client, logged_searches):
    response = admin_client.get(
        reverse(REPORT), {"export": "csv", "language": "en", "results": "nothing"}
    )

    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(content)))
    assert [(row["Query"], row["Searches that found nothing"]) for row in rows] == [
        ("liderazgo", "3"),
        ("barrios comerciales", "1"),
    ]


def test_xlsx_export(admin_client, logged_searches):
    response = admin_client.get(reverse(REPORT), {"export": "xlsx"})

    assert response.status_code == 200
    assert "spreadsheetml" in response["Content-Type"]
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][:4] == ("Query", "Language", "Searches", "Searches that found nothing")
    assert values[1][:4] == ("barrios comerciales", "en", 7, 1)


def test_the_report_counts_searches_made_on_the_site(admin_client, client, library):
    search(client, q="Zzqx plofw")
    search(client, q="zzqx  plofw")
    search(client, q="policy brief")

    rows = report(admin_client)

    assert [(row[0], row[2], row[3]) for row in rows] == [
        ("zzqx plofw", "2", "2"),
        ("policy brief", "1", "0"),
    ]


def sidebar_urls(client):
    """The addresses of the admin's menu, from the sidebar's data on the dashboard."""
    html = BeautifulSoup(client.get(reverse("wagtailadmin_home")).content, "html.parser")
    props = html.select_one("#wagtail-sidebar-props")
    return json.dumps(json.loads(props.string))


def test_editors_see_the_report_and_its_menu_item(editor_client, logged_searches):
    assert queries(report(editor_client))[0] == "barrios comerciales"
    assert reverse(REPORT) in sidebar_urls(editor_client)


def test_admin_users_without_the_permission_neither_see_nor_open_the_report(
    client, django_user_model, logged_searches
):
    """A user of the admin in neither Editors nor Moderators."""
    group = Group.objects.create(name="Translators only")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = django_user_model.objects.create_user("traductora", "t@example.org", "pw")
    user.groups.add(group)
    client.force_login(user)

    assert reverse("wagtailadmin_home") in sidebar_urls(client)
    assert reverse(REPORT) not in sidebar_urls(client)
    response = client.get(reverse(REPORT))
    assert response.status_code in (302, 403)
    assert b"barrios comerciales" not in response.content
    csv_response = client.get(reverse(REPORT), {"export": "csv"})
    assert csv_response.status_code in (302, 403)


def test_members_and_the_public_cannot_see_the_report(client, django_user_model, logged_searches):
    response = client.get(reverse(REPORT))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
    member = django_user_model.objects.create_user("member", "member@example.org", "pw")
    client.force_login(member)
    for params in ({}, {"export": "csv"}):
        response = client.get(reverse(REPORT), params)
        assert response.status_code in (302, 403)
        assert b"barrios comerciales" not in response.content


# --- Pruning -------------------------------------------------------------------------------


def add_counts(*days):
    for number, days_back in enumerate(days):
        DailySearchCount.objects.create(
            day=days_ago(days_back), language="en", query=f"query {number}", searches=1
        )


def kept_days():
    return sorted(
        (timezone.localdate() - day).days
        for day in DailySearchCount.objects.values_list("day", flat=True)
    )


def test_prune_deletes_the_days_older_than_asked(db):
    add_counts(0, 10, 11, 500)
    out = io.StringIO()

    call_command("prune_search_log", days=10, stdout=out)

    assert kept_days() == [0, 10]
    assert out.getvalue().strip() == "Deleted 2 daily search counts."


def test_prune_keeps_search_log_days_by_default(db, settings):
    settings.SEARCH_LOG_DAYS = 3
    add_counts(0, 3, 4, 30)
    out = io.StringIO()

    call_command("prune_search_log", stdout=out)

    assert kept_days() == [0, 3]
    assert "Deleted 2 " in out.getvalue()
    call_command("prune_search_log", stdout=out)
    assert "Deleted 0 " in out.getvalue()


def test_the_default_keeps_a_whole_year_for_the_report(db):
    add_counts(0, 364, 365)

    call_command("prune_search_log", stdout=io.StringIO())

    assert kept_days() == [0, 364, 365]


@pytest.mark.parametrize("days", ["0", "-5"])
def test_prune_refuses_to_delete_every_day(db, days):
    add_counts(0, 1)

    with pytest.raises(CommandError, match="at least 1"):
        call_command("prune_search_log", "--days", days, stdout=io.StringIO())

    assert kept_days() == [0, 1]
