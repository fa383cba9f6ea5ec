"""Imports the OpenSearch client (opensearch-py), whose import clashes with the site's own app.

opensearch-py (2.6 and later) runs ``from events import Events`` at import time, meaning the
"Events" package from PyPI; but ``events`` here is the site's events app, already imported by
Django. ``import_opensearchpy`` lends the client the Events package's module under that name for
the length of its import, then gives the name back to the app. Delete this module if either
renames its package (tests/test_search_opensearch.py pins the clash).
"""

import importlib.metadata
import importlib.util
import sys


def load_events_package():
    """The module of PyPI's "Events" package that defines ``Events``, under a name of its own."""
    path = importlib.metadata.distribution("Events").locate_file("events/events.py")
    spec = importlib.util.spec_from_file_location("events_package", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def import_opensearchpy():
    if "opensearchpy" in sys.modules:
        return sys.modules["opensearchpy"]
    site_events = sys.modules.get("events")
    sys.modules["events"] = load_events_package()
    try:
        import opensearchpy
    finally:
        if site_events is None:
            del sys.modules["events"]
        else:
            sys.modules["events"] = site_events
    return opensearchpy
