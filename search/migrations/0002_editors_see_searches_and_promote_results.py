"""Wagtail's Editors and Moderators groups may read the search report (Reports → Searches) and
manage promoted search results (Settings → Promoted search results); without this only
administrators could."""

from django.db import migrations

from network.group_permissions import grant_to_editors


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_daily_search_counts"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [
        grant_to_editors(
            "search", {"dailysearchcount": ("view",)}, {"dailysearchcount": "daily search count"}
        ),
        grant_to_editors(
            "wagtailsearchpromotions",
            {"searchpromotion": ("add", "change", "delete", "view")},
            {"searchpromotion": "search promotion"},
        ),
    ]
