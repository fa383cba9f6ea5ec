"""Settings come from the environment; production refuses to start without a secret key.

Each case starts a fresh Python process, since settings are read once at import."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parent.parent

PRINT_SETTINGS = """
import json
import django
from django.conf import settings
django.setup()
print(json.dumps({
    "database": settings.DATABASES["default"]["ENGINE"],
    "database_name": str(settings.DATABASES["default"]["NAME"]),
    "cache": settings.CACHES["default"]["BACKEND"],
    "search": {name: conf["BACKEND"] for name, conf in settings.WAGTAILSEARCH_BACKENDS.items()},
    "search_urls": settings.WAGTAILSEARCH_BACKENDS["default"].get("URLS"),
    "search_prefix": settings.WAGTAILSEARCH_BACKENDS["default"].get("INDEX_PREFIX"),
    "search_timeout": settings.WAGTAILSEARCH_BACKENDS["default"].get("TIMEOUT"),
    "email": settings.EMAIL_BACKEND,
    "allowed_hosts": settings.ALLOWED_HOSTS,
    "debug": settings.DEBUG,
    "admin_base_url": settings.WAGTAILADMIN_BASE_URL,
    "demo_site_follows": getattr(settings, "DEMO_SITE_FOLLOWS_ADMIN_BASE_URL", False),
}))
"""

CONFIG_VARIABLES = (
    "SECRET_KEY",
    "DATABASE_URL",
    "ELASTICSEARCH_URL",
    "OPENSEARCH_URL",
    "OPENSEARCH_INDEX_PREFIX",
    "OPENSEARCH_TIMEOUT",
    "REDIS_URL",
    "PAGE_CACHE_URL",
    "EMAIL_URL",
    "ALLOWED_HOSTS",
    "DEBUG",
    "WAGTAILADMIN_BASE_URL",
    "DEV_SERVER_HOST",
    "DEV_SERVER_PORT",
)


def run_python(code, settings_module, **variables):
    env = {key: value for key, value in os.environ.items() if key not in CONFIG_VARIABLES}
    env.update(DJANGO_SETTINGS_MODULE=settings_module, **variables)
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def settings_for(settings_module, **variables):
    result = run_python(PRINT_SETTINGS, settings_module, **variables)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_production_refuses_to_start_without_secret_key():
    result = run_python(PRINT_SETTINGS, "network.settings.production")

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY" in result.stderr


def test_production_starts_with_secret_key():
    values = settings_for("network.settings.production", SECRET_KEY="x" * 50)

    assert values["debug"] is False


def test_local_defaults_are_sqlite_database_search_and_console_email():
    values = settings_for("network.settings.dev")

    assert values["database"] == "django.db.backends.sqlite3"
    assert values["database_name"].endswith("db.sqlite3")
    assert values["search"] == {"default": "network.search.backends.database"}
    # Rate limits need a cache every process shares.
    assert values["cache"] == "django.core.cache.backends.db.DatabaseCache"
    assert values["email"] == "django.core.mail.backends.console.EmailBackend"
    # The site's own error pages, as visitors see them (tests/test_dev_server.py).
    assert values["debug"] is False
    assert settings_for("network.settings.dev", DEBUG="1")["debug"] is True


def test_services_are_configured_from_urls():
    values = settings_for(
        "network.settings.dev",
        DATABASE_URL="postgres://network:secret@db.internal:5432/network",
        ELASTICSEARCH_URL="http://search.internal:9200",
        REDIS_URL="redis://cache.internal:6379/0",
        EMAIL_URL="smtp+tls://user:password@smtp.example.org:587",
        ALLOWED_HOSTS="network.example.org,www.network.example.org",
    )

    assert values["database"] == "django.db.backends.postgresql"
    assert values["search"] == {
        "default": "network.search.backends.elasticsearch",
        "database": "network.search.backends.database",
    }
    assert values["search_urls"] == ["http://search.internal:9200"]
    assert values["cache"] == "django.core.cache.backends.redis.RedisCache"
    assert values["email"] == "django.core.mail.backends.smtp.EmailBackend"
    assert values["allowed_hosts"] == ["network.example.org", "www.network.example.org"]


def test_opensearch_is_configured_by_its_own_variables():
    values = settings_for(
        "network.settings.production",
        SECRET_KEY="x" * 50,
        OPENSEARCH_URL="https://user:secret@search.example.net:9200",
        OPENSEARCH_INDEX_PREFIX="network_staging_",
        OPENSEARCH_TIMEOUT="3",
    )

    assert values["search"] == {
        "default": "network.search.backends.opensearch",
        "database": "network.search.backends.database",
    }
    assert values["search_urls"] == ["https://user:secret@search.example.net:9200"]
    assert values["search_prefix"] == "network_staging_"
    assert values["search_timeout"] == 3


def test_two_search_engines_are_refused():
    result = run_python(
        PRINT_SETTINGS,
        "network.settings.dev",
        ELASTICSEARCH_URL="http://search.internal:9200",
        OPENSEARCH_URL="http://search.internal:9201",
    )

    assert result.returncode != 0
    assert "Set ELASTICSEARCH_URL or OPENSEARCH_URL, not both" in result.stderr


@pytest.mark.parametrize("settings_module", ["network.settings.dev", "network.settings.test"])
def test_other_environments_supply_a_throwaway_key(settings_module):
    result = run_python(
        "import django; from django.conf import settings; django.setup(); "
        "print(bool(settings.SECRET_KEY))",
        settings_module,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"


def test_dev_links_follow_the_address_make_run_serves():
    assert settings_for("network.settings.dev")["admin_base_url"] == "http://127.0.0.1:8000"
    values = settings_for(
        "network.settings.dev", DEV_SERVER_HOST="localhost", DEV_SERVER_PORT="8123"
    )
    assert values["admin_base_url"] == "http://localhost:8123"
    assert values["demo_site_follows"] is True
    # An address given outright (a tunnel to the laptop, say) wins.
    values = settings_for(
        "network.settings.dev",
        DEV_SERVER_PORT="8123",
        WAGTAILADMIN_BASE_URL="https://tunnel.example.net",
    )
    assert values["admin_base_url"] == "https://tunnel.example.net"


def test_production_takes_no_address_from_the_development_server():
    values = settings_for(
        "network.settings.production",
        SECRET_KEY="x" * 50,
        DEV_SERVER_HOST="localhost",
        DEV_SERVER_PORT="8123",
    )
    assert "8123" not in values["admin_base_url"]
    assert values["demo_site_follows"] is False


def test_make_run_passes_the_address_it_serves_on(tmp_path):
    """The real Makefile, with a stand-in for the virtualenv's python that records what each
    step of ``make run`` is given."""
    log = tmp_path / "calls.log"
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    python = venv / "bin" / "python"
    python.write_text('#!/bin/sh\necho "$DEV_SERVER_HOST $DEV_SERVER_PORT $*" >> "$CALLS_LOG"\n')
    python.chmod(0o755)
    # Newer than requirements-dev.lock: `make install` has nothing to do.
    (venv / ".installed").touch()

    result = subprocess.run(
        ["make", "--no-print-directory", "run", f"VENV={venv}", "PORT=8123"],
        cwd=PROJECT_DIR,
        # Nothing from a surrounding shell or make (`make test`) may choose the address.
        env={
            **{
                key: value
                for key, value in os.environ.items()
                if key not in ("HOST", "PORT", "MAKEFLAGS", "MFLAGS", "MAKELEVEL")
            },
            "CALLS_LOG": str(log),
        },
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 0, result.stderr
    assert log.read_text().splitlines() == [
        "127.0.0.1 8123 manage.py migrate --noinput",
        "127.0.0.1 8123 manage.py load_demo",
        "127.0.0.1 8123 manage.py runserver 127.0.0.1:8123",
    ]
