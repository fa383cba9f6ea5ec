"""The development server as ``make run`` starts it: ``runserver`` with the dev settings, on a
migrated SQLite file, asked over HTTP (issue 17, item 2). A missing page shows the site's own
404 page unless DEBUG=1 asks for Django's; static and uploaded files are served either way."""

import http.client
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.services import free_port

# On one pytest-xdist worker, so that its server starts once.
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("dev_server")]

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
DJANGO_DEBUG_PAGE = "because you have <code>DEBUG = True</code>"


@pytest.fixture(scope="module")
def dev_environment(tmp_path_factory):
    work = tmp_path_factory.mktemp("dev-server")
    env = {key: os.environ[key] for key in ("PATH", "HOME", "LANG") if key in os.environ}
    env.update(
        DJANGO_SETTINGS_MODULE="network.settings.dev",
        DATABASE_URL=f"sqlite:///{work / 'db.sqlite3'}",
        MEDIA_ROOT=str(work / "media"),
        LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "--verbosity", "0"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=300,
    )
    for name in ("images/map.png", "documents/brief.pdf"):
        (work / "media" / name).parent.mkdir(parents=True, exist_ok=True)
        (work / "media" / name).write_bytes(b"uploaded")
    return work, env


def get(port, path):
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    connection.request("GET", path, headers={"Host": f"{HOST}:{port}"})
    response = connection.getresponse()
    return response.status, response.getheader("Content-Type", ""), response.read().decode()


def start_runserver(dev_environment, **variables):
    """``runserver`` on a free port, as ``make run`` starts it; yields the port."""
    work, env = dev_environment
    port = free_port()
    log_path = work / f"runserver-{port}.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", "--noreload", f"{HOST}:{port}"],
            cwd=ROOT,
            env={**env, **variables},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                pytest.fail(f"runserver exited: {log_path.read_text()[-2000:]}")
            try:
                get(port, "/healthz/")
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"runserver did not answer: {log_path.read_text()[-2000:]}")
                time.sleep(0.3)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture(scope="module")
def dev_server(dev_environment):
    yield from start_runserver(dev_environment)


@pytest.fixture(scope="module")
def debug_dev_server(dev_environment):
    yield from start_runserver(dev_environment, DEBUG="1")


def test_a_missing_page_shows_the_sites_own_404_page(dev_server):
    status, content_type, body = get(dev_server, "/en/no-such-page/")

    assert status == 404
    assert content_type.startswith("text/html")
    assert "Sorry, we could not find the page you were looking for." in body
    assert DJANGO_DEBUG_PAGE not in body


def test_static_and_uploaded_files_are_served_without_debug(dev_server):
    status, content_type, _ = get(dev_server, "/static/css/site.css")
    assert (status, content_type.split(";")[0]) == (200, "text/css")
    # Wagtail's own, found in its app as the admin needs them: no collectstatic.
    assert get(dev_server, "/static/wagtailadmin/js/core.js")[0] == 200
    assert get(dev_server, "/media/images/map.png")[0] == 200
    # As behind nginx, documents only through Wagtail's view, which checks their privacy.
    assert get(dev_server, "/media/documents/brief.pdf")[0] == 404


def test_debug_1_shows_djangos_debug_page(debug_dev_server):
    status, _, body = get(debug_dev_server, "/en/no-such-page/")

    assert status == 404
    assert DJANGO_DEBUG_PAGE in body
    assert get(debug_dev_server, "/static/css/site.css")[0] == 200
