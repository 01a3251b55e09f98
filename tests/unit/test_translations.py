"""Every UI string has a French translation, and the committed .ts matches the code."""

from __future__ import annotations

import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import update_translations  # noqa: E402

FOLDER = ROOT / "kamdesk" / "resources" / "translations"
FR_TS = FOLDER / "kamdesk_fr.ts"
EN_TS = FOLDER / "kamdesk_en.ts"  # English is the source language: only plural forms


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


@pytest.mark.parametrize(("ts", "plural_only"), [(FR_TS, False), (EN_TS, True)], ids=["fr", "en"])
def test_committed_ts_is_in_sync_with_the_code(tmp_path: Path, ts: Path, plural_only: bool) -> None:
    fresh = tmp_path / ts.name
    shutil.copyfile(ts, fresh)
    update_translations.lupdate([fresh], plural_only=plural_only)
    missing = set(messages(fresh)) - set(messages(ts))
    stale = set(messages(ts)) - set(messages(fresh))
    assert not missing, (
        f"strings not in {ts.name} — run scripts/update_translations.py: {sorted(missing)[:10]}"
    )
    assert not stale, f"{ts.name} holds strings the code no longer has: {sorted(stale)[:10]}"


@pytest.mark.parametrize("ts", [FR_TS, EN_TS], ids=["fr", "en"])
def test_every_string_is_translated(ts: Path) -> None:
    untranslated = []
    for key, message in messages(ts).items():
        translation = message.find("translation")
        assert translation is not None
        forms = [f.text for f in translation.iter("numerusform")] or [translation.text]
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(forms):
            untranslated.append(key)
    assert not untranslated, f"{len(untranslated)} untranslated, e.g. {untranslated[:10]}"


@pytest.mark.parametrize("placeholder", ["%1", "%2", "%n"])
def test_placeholders_survive_translation(placeholder: str) -> None:
    for (context, source), message in messages(FR_TS).items():
        translation = message.find("translation")
        texts = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        if placeholder in source:
            assert all(placeholder in t for t in texts), f"{context}: {source!r} lost {placeholder}"
