"""The database cache's table (settings: CACHES without REDIS_URL), created wherever the site is
migrated so that no deployment step can be forgotten. Django's createcachetable does nothing
for caches that are not database caches, or whose table exists."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("network", "0001_initial")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
