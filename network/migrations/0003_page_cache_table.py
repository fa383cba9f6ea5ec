"""The pages cache's table (settings: CACHES["pages"] without PAGE_CACHE_URL), on sites migrated
before pages and menus had a cache of their own. createcachetable creates the tables of every
database cache that lacks one, so this is 0002 run again."""

from django.core.management import call_command
from django.db import migrations


def create_cache_tables(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("network", "0002_cache_table")]

    operations = [migrations.RunPython(create_cache_tables, migrations.RunPython.noop)]
