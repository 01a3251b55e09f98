"""Lint and type checks run with the tests, so main stays clean (STYLE.md §15)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_ruff_check() -> None:
    proc = run(str(BIN / "ruff"), "check", ".")
    assert proc.returncode == 0, proc.stdout[-3000:]


def test_ruff_format() -> None:
    proc = run(str(BIN / "ruff"), "format", "--check", ".")
    assert proc.returncode == 0, proc.stdout[-3000:]


def test_mypy_on_the_domain_packages() -> None:
    proc = run(str(BIN / "mypy"))  # packages listed in pyproject.toml [tool.mypy]
    assert proc.returncode == 0, proc.stdout[-3000:]
