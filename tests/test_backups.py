"""``manage.py backup`` and ``manage.py restore``: round trips between SQLite and PostgreSQL, and
archives and targets that must be refused.

A restore needs a second, fresh database, so the round trips run in subprocesses whose
``DATABASE_URL`` and ``MEDIA_ROOT`` point at a new SQLite file or a new PostgreSQL database and a
new folder (``run_steps``: the commands through ``call_command``; one test runs ``manage.py
restore`` itself). Each compares what the source site and the restored site serve: the HTML of
every live page (CSRF tokens and nonces removed), every document's download (SHA-256), the media
files, the groups' permissions and the number of rows of every model.

* SQLite -> SQLite: the demo in both languages (``load_demo``, whose resources have real PDFs,
  plus an image with its renditions on a resource's cover, a document with an accented file
  name, a log entry of a model that no longer exists) in a file database.
* SQLite -> PostgreSQL: the same archive into a new PostgreSQL database.
* PostgreSQL -> SQLite: that PostgreSQL site, edited there (a new page and document, which need
  its id sequences moved past the restored rows), backed up there, restored into SQLite.

Migrating a database is most of the work, so each vendor is migrated once per session and copied
for each target (``Templates``). The PostgreSQL cases skip, saying why, when 127.0.0.1:5432 does
not answer; CI has it.

Refused archives (damaged, cut, altered, with extra or unsafe members) and refused targets run
in-process against the test database, freshly migrated and so a valid empty target. Databases
and files are real throughout; one test simulates a media file vanishing during a backup.
"""

import difflib
import hashlib
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, connections
from wagtail.documents import get_document_model
from wagtail.models import Page

from tests.shared_across_workers import Shared

# On one pytest-xdist worker: the others would wait for it to build the source sites
# (``Shared``), doing nothing meanwhile.
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("backups")]

BASE_DIR = Path(settings.BASE_DIR)
POSTGRES = {"host": "127.0.0.1", "port": 5432, "user": "postgres"}
SUBPROCESS_TIMEOUT = 600


def postgres_unavailable_reason():
    try:
        import psycopg2

        psycopg2.connect(dbname="postgres", connect_timeout=3, **POSTGRES).close()
    except Exception as error:  # noqa: BLE001 - any failure means: skip, and say why.
        return (
            "PostgreSQL is not reachable on 127.0.0.1:5432 as user postgres "
            f"({type(error).__name__}: {str(error).strip()}); the SQLite<->PostgreSQL round "
            "trips need it (CI has it)"
        )
    return None


POSTGRES_UNAVAILABLE = postgres_unavailable_reason()
requires_postgres = pytest.mark.skipif(
    POSTGRES_UNAVAILABLE is not None, reason=POSTGRES_UNAVAILABLE or ""
)


# --- What a site serves, compared before and after -----------------------------------------

TOKENS = [
    (re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*'), r"\1"),
    (re.compile(r'(name="csrf-token" content=")[^"]*'), r"\1"),
    (re.compile(r'(nonce=")[^"]*'), r"\1"),
    # A call's time left ("4 days, 3 hours", Django's timeuntil, which joins number and unit
    # with a no-break space) moves on between the source's snapshot and the restored one's.
    (re.compile(r"\d+\xa0\w+"), "N\xa0units"),
]


def normalise_html(html):
    for pattern, replacement in TOKENS:
        html = pattern.sub(replacement, html)
    return html


SEARCHES = ["/en/search/?q=leadership", "/es/buscar/?q=liderazgo"]


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def site_snapshot():
    """What the site in the current database and MEDIA_ROOT serves and holds, as JSON data;
    run in the subprocesses, for the source sites and the restored ones alike."""
    from django.contrib.auth.models import Group
    from django.test import Client
    from wagtail.models import ModelLogEntry

    from backups import data

    counts = {
        model._meta.label_lower: model._base_manager.count() for model in data.backed_up_models()
    }
    groups = {
        group.name: sorted(
            f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()
        )
        for group in Group.objects.all()
    }
    retired = list(
        ModelLogEntry.objects.filter(content_type__app_label="retired").values_list(
            "content_type__model", "label"
        )
    )

    client = Client(HTTP_HOST="localhost")
    pages = {}
    for page in Page.objects.live().order_by("path"):
        url = page.get_url()
        if url is None:
            continue
        response = client.get(url)
        pages[url] = {
            "status": response.status_code,
            "html": normalise_html(response.content.decode()),
        }
    # The search index is rebuilt by the restore, not copied.
    searches = {}
    for url in SEARCHES:
        response = client.get(url)
        html = normalise_html(response.content.decode())
        searches[url] = {
            "status": response.status_code,
            "results": html.count('class="search-results__meta"'),
            "html": html,
        }
    documents = {}
    for document in get_document_model().objects.order_by("pk"):
        response = client.get(document.url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        documents[document.url] = {"status": response.status_code, "sha256": sha256(body)}
    media_root = Path(settings.MEDIA_ROOT)
    media = {
        path.relative_to(media_root).as_posix(): sha256(path.read_bytes())
        for path in sorted(media_root.rglob("*"))
        if path.is_file()
    }
    return {
        "counts": counts,
        "groups": groups,
        "retired_log_entries": retired,
        "pages": pages,
        "searches": searches,
        "documents": documents,
        "media": media,
    }


def add_extra_content():
    """Beyond ``load_demo``: an image with its renditions on a resource's cover, a document with
    an accented file name, and a log entry of a model removed from the code (its content type
    exists only in the source database)."""
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone
    from wagtail.models import ModelLogEntry

    from tests.content import add_cover_image
    from tests.pdfs import make_document, pdf_bytes

    add_cover_image()

    make_document("Informe de otoño", pdf_bytes("Informe de otoño, año 2024"), "informe-año.pdf")

    retired = ContentType.objects.create(app_label="retired", model="oldpage")
    ModelLogEntry.objects.create(
        content_type=retired,
        object_id="1",
        label="A page type since removed",
        action="wagtail.create",
        timestamp=timezone.now(),
    )


def add_postgresql_content():
    """Edits made on the restored PostgreSQL site: they insert rows into the page, revision, log,
    reference index and document tables, which fails if a sequence still points at a restored
    id."""
    from home.models import HomePage, StandardPage
    from tests.pdfs import make_document, pdf_bytes

    home = HomePage.objects.get(locale__language_code="en")
    page = StandardPage(title="Written on PostgreSQL", slug="written-on-postgresql")
    home.add_child(instance=page)
    page.save_revision().publish()
    make_document("Minutes", pdf_bytes("Minutes of the November exchange"), "minutes.pdf")


def assert_same_site(restored, source, same_vendor):
    """The restored site serves what the source did. Searches are compared whole only between
    sites of one vendor: SQLite and PostgreSQL rank (and stem) differently."""
    for url in SEARCHES:
        assert restored["searches"][url]["status"] == 200
        assert restored["searches"][url]["results"] > 0, f"{url} finds nothing after the restore"
        if same_vendor:
            assert restored["searches"][url] == source["searches"][url]
    assert restored["counts"] == source["counts"]
    assert restored["groups"] == source["groups"]
    assert restored["retired_log_entries"] == source["retired_log_entries"]
    assert restored["documents"] == source["documents"]
    assert restored["media"] == source["media"]
    assert sorted(restored["pages"]) == sorted(source["pages"])
    for url, page in source["pages"].items():
        if restored["pages"][url] != page:
            diff = "\n".join(
                difflib.unified_diff(
                    page["html"].splitlines(),
                    restored["pages"][url]["html"].splitlines(),
                    "source",
                    "restored",
                    lineterm="",
                    n=1,
                )
            )
            pytest.fail(f"{url} differs after the restore:\n{diff[:4000]}")


# --- Sites in subprocesses ------------------------------------------------------------------


def run_steps(steps):
    """What a subprocess does, in order: ``load_demo``, ``extra``, ``postgresql_edits``,
    ``backup=PATH``, ``restore=PATH`` (its output printed), ``snapshot=PATH``."""
    from django.core.management import call_command

    for step in steps:
        action, _equals, argument = step.partition("=")
        if action == "load_demo":
            call_command("load_demo", stdout=io.StringIO())
        elif action == "extra":
            add_extra_content()
        elif action == "postgresql_edits":
            add_postgresql_content()
        elif action == "backup":
            call_command("backup", argument, stdout=io.StringIO())
        elif action == "restore":
            output = io.StringIO()
            call_command("restore", argument, stdout=output)
            print(output.getvalue())
        elif action == "snapshot":
            Path(argument).write_text(json.dumps(site_snapshot()))
        else:
            raise ValueError(step)


RUN_STEPS = (
    "import sys, django; django.setup(); "
    "from tests.test_backups import run_steps; run_steps(sys.argv[1:])"
)


def sqlite_url(path):
    return f"sqlite:///{path}"


def postgres_url(name):
    return f"postgres://{POSTGRES['user']}@{POSTGRES['host']}:{POSTGRES['port']}/{name}"


@dataclass
class Site:
    """A site outside the test process: a database URL and a media folder."""

    database_url: str
    media_root: Path

    def env(self):
        env = {k: v for k, v in os.environ.items() if k not in ("ELASTICSEARCH_URL", "REDIS_URL")}
        env.update(
            DJANGO_SETTINGS_MODULE="network.settings.test",
            DATABASE_URL=self.database_url,
            MEDIA_ROOT=str(self.media_root),
            LOG_LEVEL="WARNING",
        )
        return env

    def command(self, *args):
        return [sys.executable, *args]

    def run(self, *args, check=True):
        result = subprocess.run(
            self.command(*args),
            cwd=BASE_DIR,
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=SUBPROCESS_TIMEOUT,
        )
        if check and result.returncode != 0:
            pytest.fail(
                f"{' '.join(args[:4])} failed ({result.returncode}):\n"
                f"{result.stdout[-3000:]}\n{result.stderr[-5000:]}"
            )
        return result

    def steps(self, *steps):
        return self.run("-c", RUN_STEPS, *steps)

    def migrate_in_background(self):
        return subprocess.Popen(
            self.command("manage.py", "migrate", "--no-input"),
            cwd=BASE_DIR,
            env=self.env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )


def postgres_admin(sql):
    import psycopg2

    connection = psycopg2.connect(dbname="postgres", **POSTGRES)
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql)
    finally:
        connection.close()


def distributed():
    return "PYTEST_XDIST_WORKER" in os.environ


class Templates:
    """Freshly migrated databases, copied for every site: a file for SQLite, a database for
    PostgreSQL (``CREATE DATABASE … TEMPLATE``).

    Migrating is most of this module's work, so the test database, which pytest-django migrates
    anyway, is the template of its own vendor (SQLite's online backup; PostgreSQL's template
    copy). The other vendor's template is migrated by a subprocess in the background: the
    PostgreSQL one while ``load_demo`` builds the source site, the SQLite one (when the tests
    run on PostgreSQL) while pytest-django migrates the test database, or, with pytest-xdist,
    once for all workers (``Shared``).
    """

    def __init__(self, tmp_path_factory):
        self.tmp_path_factory = tmp_path_factory
        self.folder = tmp_path_factory.mktemp("templates")
        self.sqlite_path = None
        self.postgres_name = f"test_backups_{uuid.uuid4().hex[:12]}_template"
        self.postgres_databases = []
        self.jobs = {}

    def start(self):
        if connection.vendor != "sqlite" and not distributed():
            self.sqlite_path = self.folder / "template.sqlite3"
            site = Site(sqlite_url(self.sqlite_path), self.folder / "media")
            self.jobs["sqlite"] = site.migrate_in_background()

    def prepare_postgres(self):
        if connection.vendor == "postgresql" or POSTGRES_UNAVAILABLE:
            return
        if self.postgres_name not in self.postgres_databases:
            self.create_postgres(self.postgres_name)
            site = Site(postgres_url(self.postgres_name), self.folder / "media")
            self.jobs["postgresql"] = site.migrate_in_background()

    def create_postgres(self, name, template=None):
        copy = f' TEMPLATE "{template}"' if template else ""
        postgres_admin(f'CREATE DATABASE "{name}"{copy}')
        self.postgres_databases.append(name)

    def wait(self, vendor):
        job = self.jobs.pop(vendor)
        output, _stderr = job.communicate(timeout=SUBPROCESS_TIMEOUT)
        if job.returncode != 0:
            pytest.fail(f"migrate ({vendor} template) failed:\n{output[-5000:]}")

    def sqlite(self, blocker):
        if "sqlite" in self.jobs:
            self.wait("sqlite")
        elif self.sqlite_path is None:
            if connection.vendor == "sqlite" and not connection.in_atomic_block:
                self.sqlite_path = self.folder / "template.sqlite3"
                with blocker.unblock():
                    connection.ensure_connection()
                    target = sqlite3.connect(self.sqlite_path)
                    try:
                        connection.connection.backup(target)
                    finally:
                        target.close()
            else:

                def migrate(folder):
                    site = Site(sqlite_url(folder / "template.sqlite3"), folder / "media")
                    site.run("manage.py", "migrate", "--no-input")
                    return str(folder / "template.sqlite3")

                shared = Shared(self.tmp_path_factory, "sqlite-template")
                self.sqlite_path = Path(shared.get(migrate))
        return self.sqlite_path

    def postgres(self, blocker):
        if POSTGRES_UNAVAILABLE:
            pytest.skip(POSTGRES_UNAVAILABLE)
        self.prepare_postgres()
        if "postgresql" in self.jobs:
            self.wait("postgresql")
        elif self.postgres_name not in self.postgres_databases:
            test_database = connection.settings_dict
            same_server = (test_database["HOST"], int(test_database["PORT"] or 5432)) == (
                POSTGRES["host"],
                POSTGRES["port"],
            )
            copied = False
            if same_server and not connection.in_atomic_block:
                import psycopg2

                with blocker.unblock():
                    # A template copy needs every session on the test database closed.
                    connections.close_all()
                    try:
                        self.create_postgres(self.postgres_name, template=test_database["NAME"])
                        copied = True
                    except psycopg2.Error:  # e.g. another session still open: migrate instead
                        pass
            if not copied:
                self.create_postgres(self.postgres_name)
                site = Site(postgres_url(self.postgres_name), self.folder / "media")
                self.jobs["postgresql"] = site.migrate_in_background()
                self.wait("postgresql")
        return self.postgres_name

    def cleanup(self):
        for job in self.jobs.values():
            job.kill()
            job.communicate()
        for name in reversed(self.postgres_databases):
            postgres_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session", autouse=True)
def templates(tmp_path_factory):
    templates = Templates(tmp_path_factory)
    templates.start()
    yield templates
    templates.cleanup()


@pytest.fixture(scope="session")
def new_sqlite_site(templates, django_db_setup, django_db_blocker, tmp_path_factory):
    def new_site(name):
        folder = tmp_path_factory.mktemp(name)
        shutil.copyfile(templates.sqlite(django_db_blocker), folder / "db.sqlite3")
        return Site(sqlite_url(folder / "db.sqlite3"), folder / "media")

    return new_site


@pytest.fixture(scope="session")
def new_postgres_site(templates, django_db_setup, django_db_blocker, tmp_path_factory):
    def new_site(name):
        template = templates.postgres(django_db_blocker)
        database = f"test_backups_{uuid.uuid4().hex[:12]}"
        templates.create_postgres(database, template=template)
        return Site(postgres_url(database), tmp_path_factory.mktemp(name) / "media")

    return new_site


@dataclass
class Backup:
    archive: Path
    snapshot: dict

    @classmethod
    def load(cls, paths):
        return cls(Path(paths["archive"]), json.loads(Path(paths["snapshot"]).read_text()))


@dataclass
class PostgresChain:
    restore_output: str
    restored: dict
    backup: Backup


def wants_postgres(session):
    return POSTGRES_UNAVAILABLE is None and any(
        "postgres_chain" in item.fixturenames for item in session.items
    )


@pytest.fixture(scope="session")
def source_sites(request, templates, new_sqlite_site, new_postgres_site, tmp_path_factory):
    """Built once per run (``Shared``): the demo site on SQLite, backed up; then, if PostgreSQL
    tests are selected, that archive restored into PostgreSQL, the site edited there and backed
    up from there. Their archives and what each site served, as file names."""

    def build(folder):
        with_postgres = wants_postgres(request.session)
        if with_postgres:
            templates.prepare_postgres()  # Migrates while load_demo runs.
        site = new_sqlite_site("sqlite-source")
        sqlite = {"archive": str(folder / "sqlite.tar.gz"), "snapshot": str(folder / "sqlite.json")}
        site.steps(
            "load_demo", "extra", f"backup={sqlite['archive']}", f"snapshot={sqlite['snapshot']}"
        )
        if not with_postgres:
            return {"sqlite": sqlite}
        site = new_postgres_site("postgres-site")
        chain = {
            "restored": str(folder / "postgres-restored.json"),
            "archive": str(folder / "postgres.tar.gz"),
            "snapshot": str(folder / "postgres-edited.json"),
        }
        result = site.steps(
            f"restore={sqlite['archive']}",
            f"snapshot={chain['restored']}",
            "postgresql_edits",
            f"backup={chain['archive']}",
            f"snapshot={chain['snapshot']}",
        )
        return {"sqlite": sqlite, "postgres": {**chain, "output": result.stdout}}

    return Shared(tmp_path_factory, "source-sites").get(build)


@pytest.fixture(scope="session")
def sqlite_backup(source_sites):
    """The demo site in both languages on SQLite, its archive, and what it served."""
    return Backup.load(source_sites["sqlite"])


@pytest.fixture(scope="session")
def postgres_chain(source_sites):
    """The SQLite archive restored into a new PostgreSQL database (and what that site served),
    then edited on PostgreSQL and backed up from there."""
    if POSTGRES_UNAVAILABLE:
        pytest.skip(POSTGRES_UNAVAILABLE)
    chain = source_sites["postgres"]
    return PostgresChain(
        chain["output"], json.loads(Path(chain["restored"]).read_text()), Backup.load(chain)
    )


def read_manifest(archive):
    with tarfile.open(archive, "r:gz") as tar:
        return json.load(tar.extractfile("manifest.json"))


# --- Round trips ----------------------------------------------------------------------------


def test_the_source_site_is_bilingual_with_documents_and_images(sqlite_backup):
    """Guards the round trips below: they compare a site worth comparing."""
    snapshot = sqlite_backup.snapshot
    assert any(url.startswith("/es/") for url in snapshot["pages"])
    assert any(url.startswith("/en/") for url in snapshot["pages"])
    assert all(page["status"] == 200 for page in snapshot["pages"].values())
    assert len(snapshot["documents"]) >= 10
    assert all(doc["status"] == 200 for doc in snapshot["documents"].values())
    assert "documents/informe-año.pdf" in snapshot["media"]
    assert any(path.startswith("images/valparaiso") for path in snapshot["media"])
    assert snapshot["counts"]["wagtailimages.rendition"] >= 1
    assert snapshot["counts"]["auth.user"] == 1
    assert snapshot["retired_log_entries"] == [["oldpage", "A page type since removed"]]
    assert all(search["results"] > 0 for search in snapshot["searches"].values())
    assert any(
        "valparaiso" in page["html"] and "/images/" in page["html"]
        for page in snapshot["pages"].values()
    )


def test_manifest_describes_the_archive(sqlite_backup):
    manifest = read_manifest(sqlite_backup.archive)

    assert manifest["format"] == "network-backup"
    assert manifest["format_version"] == 1
    assert manifest["database"]["vendor"] == "sqlite"
    assert set(manifest["versions"]) == {"python", "django", "wagtail", "wagtail-localize"}
    assert manifest["pages"]["by_type_and_locale"]["home.homepage"] == {"en": 1, "es": 1}
    assert manifest["pages"]["by_type_and_locale"]["home.standardpage"] == {"en": 3, "es": 3}
    counts = sqlite_backup.snapshot["counts"]
    assert manifest["pages"]["total"] == counts["wagtailcore.page"]
    assert {k: v for k, v in manifest["models"].items() if v} == {
        k: v for k, v in counts.items() if v
    }
    # Derived and per-installation tables are not in it.
    assert not {"contenttypes.contenttype", "auth.permission", "sessions.session"} & set(
        manifest["models"]
    )
    assert not any(label.startswith("wagtailsearch.") for label in manifest["models"])
    with tarfile.open(sqlite_backup.archive, "r:gz") as tar:
        for member in tar:
            if member.name != "manifest.json":
                entry = manifest["members"][member.name]
                content = tar.extractfile(member).read()
                assert (len(content), sha256(content)) == (entry["size"], entry["sha256"])
    assert manifest["media"]["files"] == len(sqlite_backup.snapshot["media"])
    # Only the owner can read the archive: it holds password hashes and members' data.
    assert sqlite_backup.archive.stat().st_mode & 0o077 == 0


def test_round_trip_sqlite_to_sqlite(sqlite_backup, new_sqlite_site, tmp_path):
    site = new_sqlite_site("sqlite-restored")

    result = site.steps(f"restore={sqlite_backup.archive}", f"snapshot={tmp_path / 'site.json'}")

    assert "wagtailcore.page: " in result.stdout
    assert "Rebuilding the search index" in result.stdout
    assert_same_site(
        json.loads((tmp_path / "site.json").read_text()), sqlite_backup.snapshot, same_vendor=True
    )


@requires_postgres
def test_round_trip_sqlite_to_postgresql(sqlite_backup, postgres_chain):
    assert "id sequences moved past the restored rows" in postgres_chain.restore_output
    assert_same_site(postgres_chain.restored, sqlite_backup.snapshot, same_vendor=False)


@requires_postgres
def test_round_trip_postgresql_to_sqlite(postgres_chain, new_sqlite_site, tmp_path):
    """From a PostgreSQL site edited after its own restore: the new page and document got new
    ids from PostgreSQL's sequences."""
    backup = postgres_chain.backup
    assert read_manifest(backup.archive)["database"]["vendor"] == "postgresql"
    assert "/en/written-on-postgresql/" in backup.snapshot["pages"]
    assert "documents/minutes.pdf" in backup.snapshot["media"]
    site = new_sqlite_site("sqlite-from-postgres")

    site.steps(f"restore={backup.archive}", f"snapshot={tmp_path / 'site.json'}")

    assert_same_site(
        json.loads((tmp_path / "site.json").read_text()), backup.snapshot, same_vendor=False
    )


def test_restore_on_the_command_line_asks_for_a_migrated_database(sqlite_backup, tmp_path):
    site = Site(sqlite_url(tmp_path / "new.sqlite3"), tmp_path / "media")

    result = site.run("manage.py", "restore", str(sqlite_backup.archive), check=False)

    assert result.returncode == 1
    assert "Run `manage.py migrate` on the new, empty database first" in result.stderr
    assert "Nothing was changed." in result.stderr
    assert not (tmp_path / "media").exists()


# --- Refused archives and targets (in-process, against the empty test database) -------------


def target_state(media_root):
    return {
        "pages": sorted(Page.objects.values_list("pk", "path", "content_type__model")),
        "users": get_user_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "media": sorted(p.as_posix() for p in media_root.rglob("*") if p.is_file())
        if media_root.exists()
        else [],
    }


@pytest.fixture
def empty_target(db, settings, tmp_path):
    """The test database (migrated, no content) and an empty media folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return tmp_path / "media"


def restore_in_process(archive):
    out = io.StringIO()
    call_command("restore", str(archive), "--skip-index", stdout=out)
    return out.getvalue()


def read_members(archive):
    with tarfile.open(archive, "r:gz") as tar:
        return [(member, tar.extractfile(member).read()) for member in tar]


def write_archive(path, members, manifest_updates=None):
    """Write ``members`` (``(TarInfo or name, bytes)``) as a tar.gz; with ``manifest_updates``,
    the manifest's entries for those names are set to the given content's size and checksum."""
    with tarfile.open(path, "w:gz", format=tarfile.PAX_FORMAT) as tar:
        for info, content in members:
            if isinstance(info, str):
                info = tarfile.TarInfo(info)
            if info.name == "manifest.json" and manifest_updates is not None:
                manifest = json.loads(content)
                for name, new_content in manifest_updates.items():
                    manifest["members"][name] = {
                        "size": len(new_content),
                        "sha256": sha256(new_content),
                    }
                content = json.dumps(manifest).encode()
            info.size = len(content)
            tar.addfile(info, io.BytesIO(content))
    return path


def media_member(members):
    return next(m for m, _c in members if m.name.startswith("media/documents/"))


def flip_middle(archive, path):
    data = bytearray(archive.read_bytes())
    middle = len(data) // 2
    for i in range(middle, middle + 32):
        data[i] ^= 0xFF
    path.write_bytes(bytes(data))
    return path


def cut_in_half(archive, path):
    path.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    return path


def alter_a_document(archive, path):
    members = read_members(archive)
    target = media_member(members).name
    return write_archive(
        path, [(m, c + b"tampered" if m.name == target else c) for m, c in members]
    )


def add_unlisted_member(archive, path):
    members = read_members(archive)
    return write_archive(path, [("media/documents/extra.pdf", b"%PDF-1.4 extra"), *members])


def add_path_traversal(archive, path):
    members = read_members(archive)
    evil = b"escaped"
    name = "media/../../escaped.txt"
    # Listed in the manifest with the right checksum: only the name gives it away.
    return write_archive(path, [(name, evil), *members], manifest_updates={name: evil})


def add_absolute_path(archive, path):
    members = read_members(archive)
    return write_archive(path, [("/tmp/escaped-absolute.txt", b"escaped"), *members])


def drop_the_manifest(archive, path):
    members = read_members(archive)
    return write_archive(path, [(m, c) for m, c in members if m.name != "manifest.json"])


def from_another_version(archive, path):
    """Intact, but made by code with one migration fewer."""
    members = []
    for member, content in read_members(archive):
        if member.name == "manifest.json":
            manifest = json.loads(content)
            manifest["migrations"] = [m for m in manifest["migrations"] if m[0] != "resources"]
            content = json.dumps(manifest).encode()
        members.append((member, content))
    return write_archive(path, members)


def not_an_archive(archive, path):
    path.write_bytes(b"This is not a backup.\n" * 100)
    return path


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (flip_middle, r"damaged|checksum|not valid"),
        (cut_in_half, r"damaged or incomplete"),
        (alter_a_document, r"checksum of media/documents/.* does not match"),
        (add_unlisted_member, r"files its manifest does not list: media/documents/extra\.pdf"),
        (add_path_traversal, r"unsafe file name, media/\.\./\.\./escaped\.txt"),
        (add_absolute_path, r"unsafe file name, /tmp/escaped-absolute\.txt"),
        (drop_the_manifest, r"no manifest\.json"),
        (from_another_version, r"made by another version of the site.*only here: resources\."),
        (not_an_archive, r"damaged or incomplete"),
    ],
    ids=lambda value: value.__name__ if callable(value) else "",
)
def test_a_bad_archive_is_refused_before_anything_changes(
    sqlite_backup, empty_target, tmp_path, damage, message
):
    archive = damage(sqlite_backup.archive, tmp_path / "bad.tar.gz")
    before = target_state(empty_target)

    with pytest.raises(CommandError, match=message) as refused:
        restore_in_process(archive)

    assert "Nothing was changed." in str(refused.value)
    assert target_state(empty_target) == before
    assert before["users"] == 0 and before["documents"] == 0 and before["media"] == []
    assert not (tmp_path / "escaped.txt").exists()
    assert not Path("/tmp/escaped-absolute.txt").exists()


def test_a_failure_while_loading_undoes_everything(sqlite_backup, empty_target, tmp_path):
    """An archive intact by its checksums whose data breaks a foreign key (a page's row is
    missing): everything loaded so far is rolled back and the media files copied are removed."""
    members = read_members(sqlite_backup.archive)
    manifest = json.loads({m.name: c for m, c in members}["manifest.json"])
    entry = next(e for e in manifest["data_files"] if e["model"] == "wagtailcore.page")
    lines = {m.name: c for m, c in members}[entry["name"]].splitlines(keepends=True)
    # The English home page: every other page of the site is below it.
    home_line = next(line for line in lines if b'"path":"00010001"' in line)
    broken = b"".join(line for line in lines if line is not home_line)
    rewritten = []
    for member, content in members:
        if member.name == entry["name"]:
            content = broken
        elif member.name == "manifest.json":
            manifest["members"][entry["name"]] = {"size": len(broken), "sha256": sha256(broken)}
            for data_file in manifest["data_files"]:
                if data_file["name"] == entry["name"]:
                    data_file["count"] -= 1
            content = json.dumps(manifest).encode()
        rewritten.append((member, content))
    archive = write_archive(tmp_path / "broken.tar.gz", rewritten)
    before = target_state(empty_target)

    with pytest.raises(CommandError, match="The restore failed and was undone") as failed:
        restore_in_process(archive)

    assert "Nothing was changed." in str(failed.value)
    assert target_state(empty_target) == before
    assert before["media"] == []


def test_a_database_with_content_is_refused(sqlite_backup, empty_target, site_tree):
    before = target_state(empty_target)

    with pytest.raises(CommandError, match=r"The database is not empty: it has rows in .*home"):
        restore_in_process(sqlite_backup.archive)

    assert target_state(empty_target) == before


def test_a_media_folder_with_files_is_refused(sqlite_backup, empty_target):
    (empty_target / "documents").mkdir(parents=True)
    (empty_target / "documents" / "old.pdf").write_bytes(b"%PDF-1.4 old")
    before = target_state(empty_target)

    with pytest.raises(CommandError, match=r"MEDIA_ROOT .* already holds files, e\.g\. docu"):
        restore_in_process(sqlite_backup.archive)

    assert target_state(empty_target) == before


# --- Backing up (in-process, from the test database) ----------------------------------------


def test_backup_in_process_counts_pages_per_type_and_locale(site_tree, settings, tmp_path):
    from tests.pdfs import make_document, pdf_bytes

    settings.MEDIA_ROOT = tmp_path / "media"
    document = make_document("Brief", pdf_bytes("A brief"), "brief.pdf")
    archive = tmp_path / "out" / "site.tar.gz"
    archive.parent.mkdir()
    out = io.StringIO()

    call_command("backup", str(archive), stdout=out)

    manifest = read_manifest(archive)
    assert manifest["pages"]["by_type_and_locale"]["home.standardpage"] == {"en": 3, "es": 3}
    assert manifest["models"]["network.networkdocument"] == 1
    assert manifest["members"]["media/" + document.file.name]["sha256"] == sha256(
        (tmp_path / "media" / document.file.name).read_bytes()
    )
    assert "Backup written to" in out.getvalue()
    assert sorted(p.name for p in archive.parent.iterdir()) == ["site.tar.gz"]

    with pytest.raises(CommandError, match="already exists"):
        call_command("backup", str(archive), stdout=io.StringIO())


def test_a_failed_backup_leaves_no_file(site_tree, settings, tmp_path, monkeypatch):
    """A media file that vanishes during the backup (the one thing simulated here: the database
    is real) stops it, and neither the archive nor a partial file is left behind."""
    from backups import backup

    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "media").mkdir()
    monkeypatch.setattr(
        backup,
        "media_files",
        lambda root: ([("documents/gone.pdf", root / "documents" / "gone.pdf")], []),
    )
    out_dir = tmp_path / "out"
    out_dir.mkdir()

    with pytest.raises(CommandError, match="gone.pdf"):
        call_command("backup", str(out_dir / "site.tar.gz"), stdout=io.StringIO())

    assert list(out_dir.iterdir()) == []
