"""The headless command line: exit codes, JSON shapes, and writes through the services."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kamdesk import __version__
from kamdesk.cli import main
from kamdesk.db import Database
from kamdesk.models import Account, OutboxEntry


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "demo.sqlite"
    assert main(["--db", str(path), "demo", "--seed", "7"]) == 0
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_version_in_a_real_process() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "kamdesk", "--version"], capture_output=True, text=True
    )
    assert proc.returncode == 0
    assert proc.stdout.strip() == f"kamdesk {__version__}"


def test_missing_database_is_an_error_and_is_not_created(tmp_path: Path, capsys) -> None:
    target = tmp_path / "typo.sqlite"
    code, _, err = run(capsys, "--db", str(target), "accounts", "list")
    assert code == 1
    assert err.strip() == f"kamdesk: error: database file not found: {target}"
    assert not target.exists()


def test_corrupt_database_says_so(tmp_path: Path, capsys) -> None:
    target = tmp_path / "notes.sqlite"
    target.write_text("these are my notes, not a database\n")
    code, _, err = run(capsys, "--db", str(target), "accounts", "list")
    assert code == 1
    assert "not an SQLite file" in err
    assert len(err.strip().splitlines()) == 1
    assert target.read_text() == "these are my notes, not a database\n"


def test_usage_errors_exit_2(demo_file: Path, capsys) -> None:
    with pytest.raises(SystemExit) as excinfo:
        main(["--db", str(demo_file), "accounts", "frobnicate"])
    assert excinfo.value.code == 2
    code, _, err = run(
        capsys, "--db", str(demo_file), "accounts", "update", "x", "--set", "no-equals-sign"
    )
    assert code == 2
    assert "FIELD=VALUE" in err


def test_accounts_list_json(demo_file: Path, capsys) -> None:
    code, out, _ = run(capsys, "--db", str(demo_file), "accounts", "list", "--json")
    assert code == 0
    rows = json.loads(out)
    assert len(rows) >= 12
    for row in rows:
        assert {"id", "name", "tier", "owner"} <= row.keys()
        assert row["tier"] in ("large_account", "key_account", "standard")
    assert any(r["tier"] == "large_account" and r["owner"] for r in rows)


def test_accounts_show_by_name_and_id(demo_file: Path, capsys) -> None:
    _, out, _ = run(capsys, "--db", str(demo_file), "accounts", "list", "--json")
    first = json.loads(out)[0]
    code, out, _ = run(capsys, "--db", str(demo_file), "accounts", "show", first["name"], "--json")
    assert code == 0
    shown = json.loads(out)
    assert shown["id"] == first["id"]
    assert set(shown["qualification"]["criteria"]) == {
        "revenue",
        "growth",
        "complexity",
        "strategic",
        "relationship",
    }
    code, out, _ = run(capsys, "--db", str(demo_file), "accounts", "show", first["id"])
    assert code == 0
    assert first["name"] in out
    code, _, err = run(capsys, "--db", str(demo_file), "accounts", "show", "No Such Company")
    assert code == 1
    assert "no account" in err


def test_update_goes_through_validation_and_the_outbox(
    tmp_path: Path, demo_file: Path, capsys
) -> None:
    path = tmp_path / "copy.sqlite"
    path.write_bytes(demo_file.read_bytes())
    _, out, _ = run(capsys, "--db", str(path), "accounts", "list", "--json")
    account_id = json.loads(out)[0]["id"]

    code, out, _ = run(
        capsys,
        "--db",
        str(path),
        "accounts",
        "update",
        account_id,
        "--set",
        "sector=Aéronautique",
        "--set",
        "renewal_date=30/06/2027",
    )
    assert code == 0, out
    db = Database.open(path)
    with db.read() as s:
        account = s.get(Account, account_id)
        assert account.sector == "Aéronautique"
        assert account.renewal_date.isoformat() == "2027-06-30"
        entries = s.scalars(select(OutboxEntry).where(OutboxEntry.row_id == account_id)).all()
        assert [e.op for e in entries] == ["update"]
        assert entries[0].fields == {"sector": "Aéronautique", "renewal_date": "2027-06-30"}
        outbox_before = s.scalar(select(func.count()).select_from(OutboxEntry))
    db.close()

    code, _, err = run(
        capsys,
        "--db",
        str(path),
        "accounts",
        "update",
        account_id,
        "--set",
        "tier=huge",
        "--set",
        "siren=12",
    )
    assert code == 1
    assert "tier" in err and "siren" in err
    code, _, err = run(
        capsys, "--db", str(path), "accounts", "update", account_id, "--set", "colour=blue"
    )
    assert code == 1
    assert "colour" in err
    db = Database.open(path)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(OutboxEntry)) == outbox_before
        assert s.get(Account, account_id).tier != "huge"
    db.close()


def test_delete_and_restore(tmp_path: Path, demo_file: Path, capsys) -> None:
    path = tmp_path / "copy.sqlite"
    path.write_bytes(demo_file.read_bytes())
    _, out, _ = run(capsys, "--db", str(path), "accounts", "list", "--json")
    leaf = next(r for r in json.loads(out) if r["parent_id"])  # a subsidiary: no children
    assert run(capsys, "--db", str(path), "accounts", "delete", leaf["id"])[0] == 0
    _, out, _ = run(capsys, "--db", str(path), "accounts", "list", "--json")
    assert leaf["id"] not in {r["id"] for r in json.loads(out)}
    assert run(capsys, "--db", str(path), "accounts", "restore", leaf["id"])[0] == 0
    _, out, _ = run(capsys, "--db", str(path), "accounts", "list", "--json")
    assert leaf["id"] in {r["id"] for r in json.loads(out)}


def test_demo_refuses_a_non_empty_database(demo_file: Path, capsys) -> None:
    code, _, err = run(capsys, "--db", str(demo_file), "demo")
    assert code == 1
    assert "not empty" in err


def test_amounts_round_trip_in_cents(tmp_path: Path, demo_file: Path, capsys) -> None:
    path = tmp_path / "copy.sqlite"
    path.write_bytes(demo_file.read_bytes())
    _, out, _ = run(capsys, "--db", str(path), "accounts", "list", "--json")
    account_id = json.loads(out)[0]["id"]
    code, _, err = run(
        capsys,
        "--db",
        str(path),
        "accounts",
        "update",
        account_id,
        "--set",
        "potential_revenue_cents=15000050",
    )
    assert code == 0, err
    _, out, _ = run(capsys, "--db", str(path), "accounts", "show", account_id, "--json")
    shown = json.loads(out)
    assert shown["potential_revenue_cents"] == 15_000_050
    code, out, _ = run(
        capsys,
        "--db",
        str(path),
        "accounts",
        "update",
        account_id,
        "--set",
        f"potential_revenue_cents={shown['potential_revenue_cents']}",
    )
    assert code == 0 and "nothing changed" in out
    code, _, err = run(
        capsys,
        "--db",
        str(path),
        "accounts",
        "update",
        account_id,
        "--set",
        "potential_revenue_cents=150 000,50",
    )
    assert code == 1 and "whole cents" in err


def test_accounts_are_found_by_name_whatever_the_case_and_accents(tmp_path: Path, capsys) -> None:
    path = tmp_path / "names.sqlite"
    db = Database.open(path, create=True)
    from kamdesk.services.accounts import create_account

    with db.unit_of_work() as uow:
        account_id = create_account(uow, {"name": "Armanthe Énergie"})
        uow.commit()
    db.close()
    for typed in ("Armanthe Énergie", "ARMANTHE ÉNERGIE", "armanthe énergie"):
        code, out, _ = run(capsys, "--db", str(path), "accounts", "show", typed, "--json")
        assert code == 0 and json.loads(out)["id"] == account_id
