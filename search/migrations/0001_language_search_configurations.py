"""Text search configurations for search/backends/postgres.py: each language's stemmer after
unaccent, so accents never decide a match. Nothing to do on other databases."""

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
    dependencies = []

    operations = [migrations.RunPython(create, drop)]
