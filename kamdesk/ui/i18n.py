"""Language choice and Qt translators (.qm files built from resources/translations/*.ts)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

SUPPORTED = ("en", "fr")


def choose_language(requested: str | None) -> str:
    """``--lang`` wins; otherwise the system locale if we speak it; otherwise English."""
    if requested:
        return requested
    system = QLocale.system().name().split("_")[0]
    return system if system in SUPPORTED else "en"


def translations_dir() -> Path:
    return Path(str(resources.files("kamdesk") / "resources" / "translations"))


def install(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install kamdesk's and Qt's own translators; return them (they must stay referenced)."""
    locale = QLocale(
        QLocale.Language.French if language == "fr" else QLocale.Language.English,
        QLocale.Country.France if language == "fr" else QLocale.Country.UnitedKingdom,
    )
    QLocale.setDefault(locale)
    uninstall(app)  # choosing again replaces, never stacks, the previous choice
    installed = []
    # English loads its (plural-forms-only) file too: "1 day ago", not "1 day(s) ago".
    ours = QTranslator(app)
    if ours.load(str(translations_dir() / f"kamdesk_{language}.qm")):
        app.installTranslator(ours)
        installed.append(ours)
    if language != "en":
        qt = QTranslator(app)
        if qt.load(
            locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        ):
            app.installTranslator(qt)
            installed.append(qt)
    app.setProperty("kamdesk_language", language)
    _INSTALLED[id(app)] = installed
    return installed


_INSTALLED: dict[int, list[QTranslator]] = {}


def uninstall(app: QCoreApplication) -> None:
    for translator in _INSTALLED.pop(id(app), []):
        app.removeTranslator(translator)
