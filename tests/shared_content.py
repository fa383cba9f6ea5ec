"""Content built once for a run of consecutive tests that want it, as Django's
``TestCase.setUpTestData`` does for a class: inside a transaction held open around those tests,
each of which runs in a savepoint of it (pytest-django's ``db``) and is rolled back to the
content. Building the demo page tree for every test cost 2.5 s on SQLite and 4.5 s on
PostgreSQL, a third of the suite's time; the whole demo (``load_demo``), 50 s.

The transaction opens and closes between tests (``tests/conftest.py``'s
``pytest_runtest_setup``), never inside one, so a test that does not ask for the content never
sees it. Tests are ordered so that those sharing one content run one after another.
"""

import io
from collections.abc import Callable
from pathlib import Path

from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import translation

from home import demo as home_demo


def build_site_tree():
    home_demo.build(log=lambda message: None)


def run_load_demo():
    """What ``load_demo`` printed."""
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


# The fixtures whose content can be shared, by the name of the fixture, the first that a test
# asks for winning: the demo holds the site tree.
BUILDS: dict[str, Callable[[], object]] = {
    "loaded_demo": run_load_demo,
    "site_tree": build_site_tree,
}


def shared_build(item):
    """The name of the content this test can be given from the test before it, or None. A test
    that commits (``transactional_db``, the live server) builds its own."""
    fixtures = getattr(item, "fixturenames", ())
    marker = item.get_closest_marker("django_db")
    commits = (
        (
            marker is not None
            and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences"))
        )
        or "transactional_db" in fixtures
        or "live_server" in fixtures
    )
    if commits:
        return None
    return next((name for name in BUILDS if name in fixtures), None)


def order_key(item):
    """Tests without shared content first, then those of each content together."""
    name = shared_build(item)
    return (name is not None, name or "")


class SharedContent:
    def __init__(self, blocker, media_root: Path):
        self.blocker = blocker
        # The demo's documents and images: built outside any test, so not in a test's folder.
        self.media_root = media_root
        self.name: str | None = None
        self.value: object = None
        self.atomic = None

    def serves(self, item):
        """Whether the open content is the one this test is to be given."""
        return self.name is not None and self.name == shared_build(item)

    def switch_for(self, item):
        wanted = shared_build(item)
        if wanted == self.name:
            return
        if self.name is not None:
            self.close()
        if wanted is not None:
            self.open(wanted)

    def open(self, name):
        with (
            self.blocker.unblock(),
            translation.override("en"),
            override_settings(MEDIA_ROOT=self.media_root),
        ):
            self.atomic = transaction.atomic()
            self.atomic.__enter__()
            try:
                self.value = BUILDS[name]()
            except BaseException:
                self.roll_back()
                raise
            self.name = name

    def close(self):
        with self.blocker.unblock():
            self.roll_back()

    def roll_back(self):
        transaction.set_rollback(True)
        self.atomic.__exit__(None, None, None)
        self.atomic, self.name, self.value = None, None, None
