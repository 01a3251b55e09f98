"""Layering: Qt (PySide6, shiboken6, pyqtgraph) is imported only by the GUI layers.

Allowed: ``kamdesk/ui/``, ``kamdesk/app.py``, ``kamdesk/cli.py``, ``kamdesk/__main__.py`` and
``kamdesk/reports/`` (which may render documents with QtGui). Everything else — models, db,
services, sync, mail, automation — must import and run without Qt.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import kamdesk

PACKAGE_DIR = Path(kamdesk.__file__).resolve().parent
FORBIDDEN_ROOTS = frozenset({"PySide6", "shiboken6", "pyqtgraph"})
ALLOWED_DIRS = ("ui", "reports")
ALLOWED_FILES = ("app.py", "cli.py", "__main__.py")


def qt_imports(source: str, filename: str = "<source>") -> list[tuple[int, str]]:
    """(line, module) for every import of a forbidden package anywhere in ``source``.

    Sees top-level and nested imports (inside functions, classes, ``if TYPE_CHECKING``,
    ``try``), ``from X import Y`` and ``from X.sub import Y``, and literal
    ``importlib.import_module("X")`` / ``__import__("X")`` calls.
    """
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source, filename=filename)):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0 and node.module:
                names = [node.module]
        elif isinstance(node, ast.Call) and node.args:
            func = node.func
            called = (
                func.attr
                if isinstance(func, ast.Attribute)
                else func.id
                if isinstance(func, ast.Name)
                else None
            )
            first = node.args[0]
            if (
                called in {"import_module", "__import__"}
                and isinstance(first, ast.Constant)
                and isinstance(first.value, str)
            ):
                names = [first.value]
        for name in names:
            if name.split(".")[0] in FORBIDDEN_ROOTS:
                found.append((node.lineno, name))
    return found


def may_import_qt(path: Path) -> bool:
    rel = path.relative_to(PACKAGE_DIR)
    if len(rel.parts) == 1:
        return rel.name in ALLOWED_FILES
    return rel.parts[0] in ALLOWED_DIRS


def test_no_qt_outside_the_gui_layers() -> None:
    files = sorted(PACKAGE_DIR.rglob("*.py"))
    assert any(p.parent.name == "db" for p in files), "the scan found kamdesk's sources"
    offenders = []
    for path in files:
        if may_import_qt(path):
            continue
        for line, module in qt_imports(path.read_text(encoding="utf-8"), str(path)):
            offenders.append(f"{path.relative_to(PACKAGE_DIR.parent)}:{line} imports {module}")
    assert not offenders, "Qt imported outside kamdesk/ui (see DESIGN.md):\n" + "\n".join(offenders)


# -- the scanner itself -------------------------------------------------------------------------

SYNTHETIC = """
import os
import PySide6
import json, shiboken6
from PySide6.QtCore import QObject, Signal
from pyqtgraph import PlotWidget
import pyqtgraph.exporters as exp
from . import PySide6_helpers
from .ui import widgets
import PySide6_not_really  # a different package that merely starts with the same letters
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QColor

def late():
    from PySide6 import QtWidgets
    try:
        import shiboken6.Shiboken
    except ImportError:
        pass

class Lazy:
    def load(self):
        import importlib
        importlib.import_module("PySide6.QtSvg")
        __import__("pyqtgraph")
        importlib.import_module("sqlalchemy")
"""


def test_scanner_finds_every_kind_of_qt_import() -> None:
    found = qt_imports(SYNTHETIC)
    assert sorted(found) == [
        (3, "PySide6"),
        (4, "shiboken6"),
        (5, "PySide6.QtCore"),
        (6, "pyqtgraph"),
        (7, "pyqtgraph.exporters"),
        (14, "PySide6.QtGui"),
        (17, "PySide6"),
        (19, "shiboken6.Shiboken"),
        (26, "PySide6.QtSvg"),
        (27, "pyqtgraph"),
    ]


@pytest.mark.parametrize(
    "source",
    [
        "",
        "import os\nfrom sqlalchemy import select\n",
        "from . import PySide6\n",  # a relative module of kamdesk, not the Qt package
        "import PySide6_compat\n",
        "x = 'import PySide6'\n",  # a string, not an import
        "# import PySide6\n",
    ],
)
def test_scanner_ignores_non_qt_sources(source: str) -> None:
    assert qt_imports(source) == []


@pytest.mark.parametrize(
    ("relative", "allowed"),
    [
        ("ui/main_window.py", True),
        ("ui/widgets/kanban.py", True),
        ("reports/business_review.py", True),
        ("app.py", True),
        ("cli.py", True),
        ("__main__.py", True),
        ("__init__.py", False),
        ("hlc.py", False),
        ("db/database.py", False),
        ("services/accounts.py", False),
        ("sync/server.py", False),
        ("services/ui.py", False),  # named ui, but inside services
        ("models/app.py", False),
    ],
)
def test_allowed_locations(relative: str, allowed: bool) -> None:
    assert may_import_qt(PACKAGE_DIR / relative) is allowed
