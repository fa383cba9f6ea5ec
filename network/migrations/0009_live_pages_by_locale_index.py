"""An index of live pages by locale, on Wagtail's page table.

Every public search (and the library) asks for "the live pages of this locale"; without it the
database reads the whole page table, the largest part of a search's time once the full-text
match itself uses its GIN indexes. With it, PostgreSQL answers from the index alone.

It was the search app's second migration; on a database that ran it there, the index exists and
this does nothing.
"""

from django.db import migrations

INDEX_NAME = "search_live_page_locale_idx"


def create(apps, schema_editor):
    table = schema_editor.quote_name(apps.get_model("wagtailcore", "Page")._meta.db_table)
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX_NAME} ON {table} (locale_id, id) WHERE live"
    )


def drop(apps, schema_editor):
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX_NAME}")


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0008_language_search_configurations"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create, drop)]
