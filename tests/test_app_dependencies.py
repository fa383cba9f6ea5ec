"""How the site's apps depend on each other (issue 18, item 1): the shared core (``network``)
imports no feature app, no two apps import each other (directly or round a loop), and no
first-party import hides inside a function, where it would dodge such a loop unseen."""

import ast
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
# The project's own apps, each a folder of the checkout.
APPS = sorted(
    name for name in settings.INSTALLED_APPS if "." not in name and (ROOT / name).is_dir()
)
CORE = "network"
# Modules that import a first-party module inside a function for a reason other than a loop:
# modelsearch's per-database modules can only be imported on their own database (the SQLite one
# defines a model for its FTS table), so the backend imports one when it knows the database, as
# modelsearch's own database backend does.
LATE_IMPORTS_ON_PURPOSE = {"network/search/backends/database.py"}


def modules_of(app):
    return [
        path
        for path in sorted((ROOT / app).rglob("*.py"))
        if "migrations" not in path.parts and "demo_data" not in path.parts
    ]


def imported_names(node):
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
        return [node.module]
    return []


def hides_imports(node, path):
    """A function, other than an AppConfig's ``ready()``: Django's place for the imports that
    must wait until every app is loaded (signal receivers)."""
    return isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and not (
        path.name == "apps.py" and node.name == "ready"
    )


def first_party_imports(path):
    """``(app imported, line, inside a function)`` for each import of one of APPS."""
    tree = ast.parse(path.read_text(), filename=str(path))
    found = []

    def visit(node, in_function):
        for child in ast.iter_child_nodes(node):
            nested = in_function or hides_imports(child, path)
            for name in imported_names(child):
                app = name.partition(".")[0]
                if app in APPS:
                    found.append((app, child.lineno, in_function))
            visit(child, nested)

    visit(tree, False)
    return found


def app_graph():
    """``{app: {app it imports: first place it does}}``."""
    graph = {app: {} for app in APPS}
    for app in APPS:
        for path in modules_of(app):
            for imported, line, _in_function in first_party_imports(path):
                if imported != app:
                    graph[app].setdefault(imported, f"{path.relative_to(ROOT)}:{line}")
    return graph


def test_the_apps_are_found():
    assert {CORE, "resources", "events", "calls", "members", "search", "home"} <= set(APPS)


def test_the_shared_core_imports_no_feature_app():
    assert app_graph()[CORE] == {}


def test_no_apps_depend_on_each_other_in_a_loop():
    graph = app_graph()
    loops = []

    def walk(app, trail):
        for imported in graph[app]:
            if imported in trail:
                loop = [*trail[trail.index(imported) :], imported]
                steps = zip(loop, loop[1:], strict=False)
                loops.append(" -> ".join(f"{a} ({graph[a][b]})" for a, b in steps))
            else:
                walk(imported, [*trail, imported])

    for app in APPS:
        walk(app, [app])
    assert loops == []


@pytest.mark.parametrize("app", APPS)
def test_no_first_party_import_inside_a_function(app):
    hidden = [
        f"{path.relative_to(ROOT)}:{line} imports {imported}"
        for path in modules_of(app)
        if str(path.relative_to(ROOT)) not in LATE_IMPORTS_ON_PURPOSE
        for imported, line, in_function in first_party_imports(path)
        if in_function
    ]
    assert hidden == []
