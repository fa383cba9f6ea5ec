"""The demo site's static archive, built as an administrator builds it and served as a static
host serves it: for ``tests/test_static_archive.py`` and the browser's searches of it."""

import contextlib
import functools
import hashlib
import json
import os
import subprocess
import sys
import threading
from dataclasses import asdict, dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from django.conf import settings
from wagtail.documents import get_document_model
from wagtail.models import Site

from tests.shared_across_workers import Shared

COMMAND_TIMEOUT_SECONDS = 600


@dataclass
class Built:
    folder: Path  # the archive
    pages: dict  # URL path of every live page -> its title
    documents: dict  # URL path of every document -> SHA-256 of its file
    cover_image: str  # the file name of the image on a resource's cover
    member: str  # the URL path of a member who accepts messages on the live site
    searchable: list  # URL paths of the pages the archive's search must find
    output: str  # what build_archive printed


def prepare_demo(expected_path):
    """Run in the site's process: beyond ``load_demo``, an image on a resource's cover, a link
    from a page to the sign-up form and a member who accepts messages; then what the archive
    must hold, written to ``expected_path`` as JSON."""
    from django.contrib.auth import get_user_model

    from calls.models import CallPage
    from events.models import EventPage
    from home.models import StandardPage
    from members.models import MemberPage
    from resources.models import ResourcePage
    from tests.content import add_cover_image, add_member_photo

    image = add_cover_image()
    about = StandardPage.objects.get(locale__language_code="en", slug="about")
    about.body.append(
        ("paragraph", '<p>Members can <a href="/en/account/signup/">join the network</a>.</p>')
    )
    about.save_revision().publish()
    member = MemberPage.objects.filter(locale__language_code="en", alias_of=None).live()[0]
    member.user = get_user_model().objects.create_user("ana", "ana@example.org", "x-9-long-pw")
    member.allow_contact = True
    member.photo = add_member_photo(member.user)
    member.save_revision().publish()

    site = Site.objects.get(is_default_site=True)
    pages = [
        page
        for root in site.root_page.get_translations(inclusive=True)
        for page in root.get_descendants(inclusive=True).live().public().specific()
    ]
    searchable_types = (ResourcePage, EventPage, CallPage, MemberPage, StandardPage)
    expected = {
        "pages": {page.get_url(): page.title for page in pages},
        "searchable": [page.get_url() for page in pages if isinstance(page, searchable_types)],
        "documents": {
            document.url: hashlib.sha256(document.file.read()).hexdigest()
            for document in get_document_model().objects.all()
        },
        "cover_image": Path(image.file.name).name,
        "member": member.get_url(),
    }
    Path(expected_path).write_text(json.dumps(expected))


PREPARE_DEMO = (
    "import sys, django; django.setup(); "
    "from tests.static_archives import prepare_demo; prepare_demo(sys.argv[1])"
)


def build_demo_archive(work):
    """The demo site's archive in ``work/host/network``, made as an administrator would: in
    subprocesses with ``manage.py`` on a new SQLite database and media folder (``migrate``,
    ``load_demo``, ``prepare_demo``, ``build_archive``), whatever the test database is."""
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "network.settings.test",
        "DATABASE_URL": f"sqlite:///{work / 'db.sqlite3'}",
        "MEDIA_ROOT": str(work / "media"),
        "ELASTICSEARCH_URL": "",
        "REDIS_URL": "",
    }
    folder = work / "host" / "network"
    steps = [
        ["manage.py", "migrate"],
        ["manage.py", "load_demo"],
        ["-c", PREPARE_DEMO, str(work / "expected.json")],
        ["manage.py", "build_archive", str(folder)],
    ]
    for step in steps:
        result = subprocess.run(
            [sys.executable, *step],
            cwd=settings.BASE_DIR,
            env=environment,
            capture_output=True,
            text=True,
            timeout=COMMAND_TIMEOUT_SECONDS,
        )
        assert result.returncode == 0, f"{step} failed:\n{result.stdout}\n{result.stderr}"
    expected = json.loads((work / "expected.json").read_text())
    return Built(folder=folder, output=result.stdout + result.stderr, **expected)


def shared_demo_archive(tmp_path_factory):
    """``build_demo_archive`` once per test run (four minutes on a small machine), for every
    module and pytest-xdist worker that reads it; they only read it."""

    def build(work):
        return {**asdict(build_demo_archive(work)), "folder": str(work / "host" / "network")}

    built = Shared(tmp_path_factory, "demo-archive").get(build)
    return Built(**{**built, "folder": Path(built["folder"])})


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def static_server(directory):
    """A plain static file server of ``directory`` on loopback; yields its URL."""
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
