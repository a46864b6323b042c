"""The house's layout, read from the source: apps import one way (the foreign keys' way), no
circle between them, and no module so long that it must be doing more than one job."""

import ast

from tests.support import ROOT

# Bottom to top: an app may import only the apps listed before it.
LAYERS = ["pagecache", "offices", "services", "grievances", "charters", "imports", "register"]
MAX_LINES = 450


def modules():
    for app in [*LAYERS, "charter_portal"]:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" not in path.parts:
                yield app, path


def imported_apps(path):
    """The apps of ours a module imports, wherever in it (inside functions too)."""
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return {name.split(".")[0] for name in names} & set(LAYERS)


def test_apps_import_only_the_apps_below_them():
    wrong = []
    for app, path in modules():
        if app == "charter_portal":
            continue
        allowed = set(LAYERS[: LAYERS.index(app) + 1])
        if app == "offices":
            allowed = {"offices"}  # the bottom of the tree: the page cache is not its business
        for other in imported_apps(path) - allowed:
            wrong.append(f"{path.relative_to(ROOT)} imports {other}")
    assert not wrong, wrong


def test_the_apps_import_graph_has_no_circle():
    graph = {app: set() for app in LAYERS}
    for app, path in modules():
        if app in graph:
            graph[app] |= imported_apps(path) - {app}
    visiting, done = set(), set()

    def visit(app, trail):
        assert app not in visiting, " → ".join([*trail, app])
        if app in done:
            return
        visiting.add(app)
        for other in graph[app]:
            visit(other, [*trail, app])
        visiting.discard(app)
        done.add(app)

    for app in graph:
        visit(app, [])


def test_no_module_outside_migrations_is_over_450_lines():
    paths = [path for _, path in modules()]
    paths += [p for p in (ROOT / "tests").rglob("*.py") if "vendor" not in p.parts]
    paths += list((ROOT / "benchmarks").rglob("*.py"))
    long = {str(p.relative_to(ROOT)): n for p in paths if (n := len(p.read_text("utf-8").splitlines())) > MAX_LINES}
    assert not long, long
