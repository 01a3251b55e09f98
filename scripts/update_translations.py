"""Refresh the .ts sources from the UI code with pyside6-lupdate (keeps existing translations).

Then translate the new entries (Qt Linguist: `pyside6-linguist kamdesk/resources/translations/kamdesk_fr.ts`)
and run scripts/build_translations.py. tests/unit/test_translations.py fails while any UI string
has no French translation.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("fr",)  # English is the source language


def sources() -> list[str]:
    files = sorted((ROOT / "kamdesk" / "ui").rglob("*.py")) + [ROOT / "kamdesk" / "app.py"]
    return [str(f.relative_to(ROOT)) for f in files]


def lupdate(ts_files: list[Path], *, plural_only: bool = False) -> None:
    tool = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent)) or shutil.which(
        "pyside6-lupdate"
    )
    if not tool:
        sys.exit("update_translations: pyside6-lupdate not found")
    options = ["-no-obsolete", "-silent", "-locations", "none"] + (
        ["-pluralonly"] if plural_only else []
    )
    subprocess.run([tool, *options, *sources(), "-ts", *map(str, ts_files)], check=True, cwd=ROOT)


def main() -> int:
    folder = ROOT / "kamdesk" / "resources" / "translations"
    lupdate([folder / f"kamdesk_{lang}.ts" for lang in LANGUAGES])
    # English needs a translation file too, but only for plural forms ("1 day ago", "3 days ago").
    lupdate([folder / "kamdesk_en.ts"], plural_only=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
