"""Compile the Qt Linguist sources (kamdesk/resources/translations/*.ts) into .qm files.

Run by scripts/setup.sh; .qm files are build products and never committed or hand-edited.
To refresh the .ts sources after changing UI strings: scripts/update_translations.py.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "kamdesk" / "resources" / "translations"


def lrelease() -> str:
    found = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent)) or shutil.which(
        "pyside6-lrelease"
    )
    if not found:
        sys.exit(
            "build_translations: pyside6-lrelease not found (is PySide6-Essentials installed?)"
        )
    return found


def main() -> int:
    tool = lrelease()
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True)
        print(f"build_translations: {qm.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
