"""Wagtail's Editors and Moderators groups may manage the snippets and settings the site adds: topics,
places and partners (add, change, delete) and the footer's site links (change). Without this only
administrators could, and an editor's Snippets menu would be empty. Groups renamed or deleted by
the site's administrators are left alone."""

from django.db import migrations

from network.group_permissions import grant_to_editors

GRANTS = {
    "topic": ("add", "change", "delete", "view"),
    "place": ("add", "change", "delete", "view"),
    "partner": ("add", "change", "delete", "view"),
    "sitelinks": ("change", "view"),
}
# As Django names the permissions it creates after migrating: "Can change site links".
VERBOSE_NAMES = {"topic": "topic", "place": "place", "partner": "partner", "sitelinks": "site links"}


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0006_partners_and_site_links"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [grant_to_editors("network", GRANTS, VERBOSE_NAMES)]
