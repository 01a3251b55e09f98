"""Headless runs (screenshots, benchmarks): silence the one warning the offscreen platform
prints for every shown window; every other Qt message still reaches stderr."""

from __future__ import annotations

import sys

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

HARMLESS = "This plugin does not support propagateSizeHints()"


def _handler(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    if message != HARMLESS:
        print(message, file=sys.stderr)


def quiet_offscreen_warnings() -> None:
    qInstallMessageHandler(_handler)
