"""The documented deployment, run for real: nginx with deploy/nginx.conf.template in front of
gunicorn with the production settings, as docker-compose.yml runs them, on loopback (issue 16,
items 3 and 5). A TLS proxy in front is played by the requests themselves: they carry the
X-Forwarded-Proto it sets.

Needs nginx (Debian's ``nginx-light``); skipped without it, failed under ``REQUIRE_NGINX`` (CI).
The proxy-count check is also tested through the test client."""

import http.client
import logging
import os
import re
import secrets
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.services import free_port, require

# On one pytest-xdist worker, so that its site and proxies start once.
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("deployment")]

ROOT = Path(__file__).resolve().parent.parent
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
HOST = "127.0.0.1"


def render_template(values):
    """What the official nginx image's envsubst does: ${NAME} for each variable it is given."""
    text = (ROOT / "deploy" / "nginx.conf.template").read_text()
    for name, value in values.items():
        text = text.replace("${" + name + "}", value)
    assert "${" not in text, "a variable of the template was left unset"
    return text


def wait_for_port(port, process, log, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"exited ({process.returncode}): {log.read_text()[-2000:]}")
        try:
            connection = http.client.HTTPConnection(HOST, port, timeout=2)
            connection.request("GET", "/healthz/", headers={"Host": "localhost"})
            connection.getresponse().read()
            return
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"nothing answered on port {port}: {log.read_text()[-2000:]}")


def stop(process):
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    """gunicorn (production settings, a migrated SQLite file, collected static files) and nginx
    in front of it; yields nginx's port and gunicorn's log."""
    require(
        f"nginx ({NGINX})", Path(NGINX).exists(), "REQUIRE_NGINX", "apt-get install nginx-light"
    )
    work = tmp_path_factory.mktemp("deployment")
    env = {key: os.environ[key] for key in ("PATH", "HOME", "LANG") if key in os.environ}
    env.update(
        DJANGO_SETTINGS_MODULE="network.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        DATABASE_URL=f"sqlite:///{work / 'db.sqlite3'}",
        ALLOWED_HOSTS="localhost",
        MEDIA_ROOT=str(work / "media"),
        STATIC_ROOT=str(work / "static"),
        TRUSTED_PROXY_COUNT="1",
        LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    for command in (["migrate", "--noinput"], ["collectstatic", "--noinput"]):
        subprocess.run(
            [sys.executable, "manage.py", *command, "--verbosity", "0"],
            cwd=ROOT,
            env=env,
            check=True,
            timeout=300,
        )
    gunicorn_port, nginx_port = free_port(), free_port()
    gunicorn_log = work / "gunicorn.log"
    with open(gunicorn_log, "wb") as log:
        gunicorn = subprocess.Popen(
            [str(Path(sys.executable).with_name("gunicorn")), "network.wsgi:application"]
            + ["--config", "gunicorn.conf.py"],
            cwd=ROOT,
            env={**env, "GUNICORN_BIND": f"{HOST}:{gunicorn_port}", "WEB_CONCURRENCY": "1"},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    (work / "logs").mkdir()
    config = work / "nginx.conf"
    server = render_template(
        {
            "NGINX_PORT": f"{HOST}:{nginx_port}",
            "NGINX_SERVER_NAMES": "localhost",
            "NGINX_UPSTREAM": f"{HOST}:{gunicorn_port}",
            "NGINX_MEDIA_ROOT": str(work / "media"),
        }
    )
    config.write_text(
        f"daemon off;\npid {work / 'nginx.pid'};\nerror_log {work / 'logs' / 'error.log'};\n"
        f"events {{}}\nhttp {{\naccess_log off;\n"
        f"client_body_temp_path {work}/body;\nproxy_temp_path {work}/proxy;\n"
        f"fastcgi_temp_path {work}/fastcgi;\nuwsgi_temp_path {work}/uwsgi;\n"
        f"scgi_temp_path {work}/scgi;\n{server}\n}}\n"
    )
    nginx_log = work / "logs" / "nginx.out"
    with open(nginx_log, "wb") as log:
        nginx = subprocess.Popen(
            [NGINX, "-p", str(work), "-c", str(config)], stdout=log, stderr=subprocess.STDOUT
        )
    try:
        wait_for_port(gunicorn_port, gunicorn, gunicorn_log)
        wait_for_port(nginx_port, nginx, nginx_log)
        yield nginx_port, gunicorn_log
    finally:
        stop(nginx)
        stop(gunicorn)


def get(port, path, host="localhost", **headers):
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    connection.request("GET", path, headers={"Host": host, **headers})
    response = connection.getresponse()
    response.read()
    return response


def test_behind_the_tls_proxy_pages_answer_with_hsts_and_no_redirect(stack):
    port, _log = stack
    response = get(port, "/admin/login/", **{"X-Forwarded-Proto": "https"})
    assert response.status == 200
    assert response.getheader("Strict-Transport-Security", "").startswith("max-age=")


@pytest.mark.parametrize("proto", [None, "http", "javascript"])
def test_plain_http_is_sent_to_https_on_the_host_asked_for(stack, proto):
    port, _log = stack
    headers = {"X-Forwarded-Proto": proto} if proto else {}
    # The client's port is dropped by nginx ($host): the redirect names the site, not it.
    response = get(port, "/admin/login/", host="localhost:4444", **headers)
    assert response.status == 301
    assert response.getheader("Location") == "https://localhost/admin/login/"


def test_other_host_names_are_closed_without_an_answer(stack):
    port, log = stack
    for host in ("evil.example", "127.0.0.1", f"localhost.{port}.example"):
        with pytest.raises(http.client.RemoteDisconnected):
            get(port, "/en/", host=host)
    assert "Invalid HTTP_HOST" not in log.read_text()


def test_the_proxy_count_matches_what_nginx_sends(stack):
    port, log = stack
    assert get(port, "/admin/login/", **{"X-Forwarded-Proto": "https"}).status == 200
    assert "TRUSTED_PROXY_COUNT is wrong" not in log.read_text()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "count, forwarded, advice",
    [
        (2, "203.0.113.9", "Set it to 1."),
        (0, "203.0.113.9", "Set it to the number"),
        (1, None, "set it to 0"),
    ],
)
def test_a_proxy_count_the_headers_contradict_is_reported_once(
    client, settings, caplog, count, forwarded, advice
):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = count
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    for _ in range(3):
        assert client.get("/admin/login/", **headers).status_code == 200
    errors = [
        record
        for record in caplog.records
        if record.levelno == logging.ERROR and "TRUSTED_PROXY_COUNT is wrong" in record.getMessage()
    ]
    assert len(errors) == 1
    assert advice in errors[0].getMessage()
    assert re.search(rf"it is {count}\b", errors[0].getMessage())
