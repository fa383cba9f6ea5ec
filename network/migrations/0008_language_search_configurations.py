"""Text search configurations for network/search/backends/postgres.py: each language's stemmer after
unaccent, so accents never decide a match. Nothing to do on other databases.

It was the search app's first migration until the search engine moved into the shared core; it
drops and recreates the configurations, so a database that ran it there runs it again safely."""

from django.db import migrations

# (configuration, copied from, stemming dictionary)
CONFIGURATIONS = [
    ("en_unaccent", "english", "english_stem"),
    ("es_unaccent", "spanish", "spanish_stem"),
    ("simple_unaccent", "simple", "simple"),
]
WORD_TOKENS = "hword, hword_part, word, asciihword, hword_asciipart, asciiword"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    for name, source, stem in CONFIGURATIONS:
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")
        schema_editor.execute(f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = {source})")
        schema_editor.execute(
            f"ALTER TEXT SEARCH CONFIGURATION {name} ALTER MAPPING FOR {WORD_TOKENS} "
            f"WITH unaccent, {stem}"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    # The unaccent extension stays: modelsearch's enable_unaccent may rely on it too.
    for name, _source, _stem in CONFIGURATIONS:
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("network", "0007_editors_manage_vocabulary_partners_and_site_links")]

    operations = [migrations.RunPython(create, drop)]
