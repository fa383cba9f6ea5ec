"""/healthz/ against real services (the test database, Redis on 127.0.0.1:6379 where it runs,
closed ports for services that are down) and the Content-Security-Policy of public and admin
pages."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.services import REDIS_LOCATION, require_redis

pytestmark = [pytest.mark.django_db, pytest.mark.both_databases]

BASE_DIR = Path(__file__).resolve().parent.parent
CLOSED_PORT = 9  # discard: nothing listens there on a development or CI machine
REDIS = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache"}}


def health(client):
    response = client.get("/healthz/")
    return response.status_code, json.loads(response.content)


def test_all_services_answer(client):
    status, body = health(client)

    assert status == 200
    assert body["status"] == "ok"
    assert {name: check["state"] for name, check in body["checks"].items()} == {
        "database": "ok",
        "cache": "ok",
        "search": "ok",
    }
    assert body["checks"]["search"]["backend"] == "database"


def test_redis_cache_up_and_down(client, settings):
    require_redis()
    settings.CACHES = {"default": {**REDIS["default"], "LOCATION": REDIS_LOCATION}}
    assert health(client)[1]["checks"]["cache"]["state"] == "ok"

    settings.CACHES = {
        "default": {**REDIS["default"], "LOCATION": f"redis://127.0.0.1:{CLOSED_PORT}/0"}
    }
    status, body = health(client)
    assert status == 200
    assert body["status"] == "degraded"
    assert body["checks"]["cache"]["state"] == "degraded"


def test_unreachable_elasticsearch_is_degraded_not_down(client, settings):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "network.search.backends.elasticsearch",
            "URLS": [f"http://127.0.0.1:{CLOSED_PORT}"],
            "INDEX_PREFIX": "healthz_",
            "TIMEOUT": 1,
        },
        "database": {"BACKEND": "network.search.backends.database"},
    }

    status, body = health(client)

    assert status == 200
    assert body["status"] == "degraded"
    assert body["checks"]["search"] == {
        "state": "degraded",
        "backend": "database (Elasticsearch unreachable)",
    }
    # The site still searches, from the database.
    assert client.get("/en/search/", {"q": "anything"}).status_code == 200


def test_database_gone_answers_503():
    """In a separate process whose database server does not exist: the database check, and the
    database cache with it, fail."""
    script = (
        "from django.test import Client; r = Client(HTTP_HOST='localhost').get('/healthz/'); "
        "print(r.status_code, r.content.decode())"
    )
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "network.settings.test",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{CLOSED_PORT}/gone",
        "REDIS_URL": "",
        "ELASTICSEARCH_URL": "",
        "LOG_LEVEL": "CRITICAL",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )

    status, body = result.stdout.strip().splitlines()[-1].split(" ", 1)
    assert status == "503"
    assert json.loads(body)["status"] == "down"
    assert json.loads(body)["checks"]["database"] == {"state": "down"}
    assert "gone" not in body  # no connection details


def test_public_pages_forbid_inline_scripts_and_styles(client, site_tree):
    policy = client.get("/en/")["Content-Security-Policy"]

    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert "unsafe-inline" not in policy


def test_admin_pages_allow_what_wagtail_needs(admin_client, site_tree):
    policy = admin_client.get("/admin/")["Content-Security-Policy"]

    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == "'self' 'unsafe-inline'"
    assert directives["style-src"] == "'self' 'unsafe-inline'"


def test_healthz_is_never_cached(client):
    assert "no-cache" in client.get("/healthz/")["Cache-Control"]


def run_with_production_settings(script, **environment):
    """``script`` in a process with the production settings and the documented environment."""
    inherited = {
        key: value
        for key, value in os.environ.items()
        if key not in ("LOG_FORMAT", "SENTRY_DSN", "DJANGO_SETTINGS_MODULE")
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=BASE_DIR,
        env={
            **inherited,
            "DJANGO_SETTINGS_MODULE": "network.settings.production",
            "SECRET_KEY": "test-only",
            **environment,
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()


def test_production_logs_one_json_object_per_line_to_stdout():
    lines = run_with_production_settings(
        "import logging; logging.getLogger('network.probe').warning('disk at %s%%', 91)"
    )

    record = json.loads(lines[-1])
    assert record["level"] == "WARNING"
    assert record["logger"] == "network.probe"
    assert record["message"] == "disk at 91%"
    assert "time" in record


def test_error_reporting_is_on_only_with_a_dsn():
    script = "import sentry_sdk; print(sentry_sdk.get_client().is_active())"
    assert run_with_production_settings(script)[-1] == "False"
    # Initialising sends nothing; nothing listens on the discard port anyway.
    dsn = f"http://public@127.0.0.1:{CLOSED_PORT}/1"
    assert run_with_production_settings(script, SENTRY_DSN=dsn)[-1] == "True"


def test_admin_pages_send_no_editor_e_mail_hash_to_gravatar(client, django_user_model):
    """Wagtail's default avatar is a Gravatar URL holding the MD5 of the editor's address."""
    editor = django_user_model.objects.create_superuser(
        "editor", "editor@example.org", "a-long-password-1"
    )
    client.force_login(editor)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert b"gravatar" not in response.content.lower()
    # The avatar is still shown: Wagtail's default picture.
    assert b"default-user-avatar" in response.content
