"""The sync commands: ``serve``, ``server user/team …``, ``login``, ``sync``, ``logout``."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import keyring
import pytest
from keyring.backends import fail

from kamdesk.cli import main
from kamdesk.db import Database
from kamdesk.models import Account
from kamdesk.sync.server.app import create_app
from kamdesk.sync.server.store import Store
from tests.sync.conftest import free_port, on_a_socket


@pytest.fixture
def store_file(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'server.sqlite'}"


@pytest.fixture
def live_server(store_file: str) -> Iterator[str]:
    """The real app on a real socket (uvicorn in a thread), as ``kamdesk serve`` runs it."""
    with on_a_socket(create_app(store=Store.open(store_file))) as url:
        yield url


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def add_user(capsys, store: str, name: str, role: str = "kam") -> str:  # noqa: ANN001
    code, out, err = run(capsys, "server", "--store", store, "user", "add", name, "--role", role)
    assert code == 0, err
    return out.strip().splitlines()[-1]


@pytest.fixture
def db_path(tmp_path: Path, template_db: Path) -> Path:
    """Where kim's database lives: a copy of a migrated one (login would create it, slowly)."""
    path = tmp_path / "kim.sqlite"
    shutil.copyfile(template_db, path)
    return path


def login(capsys, monkeypatch, db: Path, url: str, user: str, secret: str):  # noqa: ANN001
    monkeypatch.setattr(sys, "stdin", io.StringIO(secret + "\n"))
    return run(capsys, "--db", str(db), "login", "--server", url, "--user", user)


def test_user_and_team_administration(capsys, store_file: str) -> None:
    secret = add_user(capsys, store_file, "kim")
    assert len(secret) == 23 and secret.count("-") == 3
    code, out, _ = run(capsys, "server", "--store", store_file, "user", "list", "--json")
    assert code == 0
    [kim] = json.loads(out)
    assert kim["name"] == "kim" and kim["role"] == "kam" and kim["waiting_enrolment"] is True
    code, out, _ = run(capsys, "server", "--store", store_file, "team", "grant", "kim", "acc-1")
    assert code == 0 and "(not synced yet)" in out
    code, out, _ = run(capsys, "server", "--store", store_file, "user", "list")
    assert "teams: 1" in out
    code, _, err = run(capsys, "server", "--store", store_file, "team", "grant", "zoe", "acc-1")
    assert code == 1 and err == "kamdesk: error: no user named 'zoe'\n"
    code, _, err = run(
        capsys, "server", "--store", store_file, "user", "add", "kim", "--role", "kam"
    )
    assert code == 1 and "exists already" in err
    code, _, err = run(capsys, "server", "--store", store_file, "team", "revoke", "kim", "acc-2")
    assert code == 1 and len(err.splitlines()) == 1
    with pytest.raises(SystemExit) as exc:
        main(["server", "--store", store_file, "user", "add", "x", "--role", "boss"])
    assert exc.value.code == 2


def test_login_sync_logout(capsys, monkeypatch, db_path: Path, store_file, live_server) -> None:
    secret = add_user(capsys, store_file, "kim")
    code, out, err = login(capsys, monkeypatch, db_path, live_server, "kim", secret)
    assert code == 0, err
    assert out.strip() == f"signed in to {live_server} as kim (kam)"
    db = Database.open(db_path)
    with db.unit_of_work() as uow:
        uow.session.add(Account(name="Safran"))
        uow.commit()
    db.close()
    code, out, err = run(capsys, "--db", str(db_path), "sync", "--json")
    assert code == 0, err
    summary = json.loads(out)
    assert {"pushed", "pulled", "conflicts"} <= summary.keys()
    assert summary["pushed"] == 1 and summary["pulled"] == 1
    code, out, _ = run(capsys, "--db", str(db_path), "sync")
    assert code == 0 and out.startswith("sent 0 changes")
    code, out, _ = run(capsys, "--db", str(db_path), "logout")
    assert code == 0 and out.strip() == f"signed out of {live_server}"
    code, _, err = run(capsys, "--db", str(db_path), "sync")
    assert code == 1 and "please sign in again" in err and len(err.splitlines()) == 1


def test_a_revoked_token_asks_to_sign_in_again(
    capsys, monkeypatch, db_path: Path, store_file, live_server
) -> None:
    secret = add_user(capsys, store_file, "kim")
    assert login(capsys, monkeypatch, db_path, live_server, "kim", secret)[0] == 0
    assert run(capsys, "server", "--store", store_file, "user", "revoke", "kim")[0] == 0
    code, _, err = run(capsys, "--db", str(db_path), "sync")
    assert code == 1
    assert err.startswith("kamdesk: error: please sign in again")


def test_no_secure_keyring_means_no_login_and_the_secret_stays_valid(
    capsys, monkeypatch, db_path: Path, store_file, live_server
) -> None:
    secret = add_user(capsys, store_file, "kim")
    secure = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        code, _, err = login(capsys, monkeypatch, db_path, live_server, "kim", secret)
    finally:
        keyring.set_keyring(secure)
    assert code == 1
    assert "cannot keep the sync token: no system keyring was found" in err
    assert "your secret is still valid" in err
    code, _, err = login(capsys, monkeypatch, db_path, live_server, "kim", secret)
    assert code == 0, err


def test_wrong_secret_and_unreachable_server(
    capsys, monkeypatch, db_path: Path, store_file, live_server
) -> None:
    add_user(capsys, store_file, "kim")
    code, _, err = login(capsys, monkeypatch, db_path, live_server, "kim", "WRONG-SECRET")
    assert code == 1 and "wrong enrolment secret" in err
    dead = f"http://127.0.0.1:{free_port()}"
    code, _, err = login(capsys, monkeypatch, db_path, dead, "kim", "x")
    assert code == 1 and "cannot be reached" in err


def test_sync_offline_keeps_the_changes(
    capsys, monkeypatch, db_path: Path, store_file, live_server, memory_keyring
) -> None:
    secret = add_user(capsys, store_file, "kim")
    assert login(capsys, monkeypatch, db_path, live_server, "kim", secret)[0] == 0
    db = Database.open(db_path)
    with db.unit_of_work() as uow:
        uow.session.add(Account(name="Thales"))
        uow.commit()
    db.set_setting("sync.server_url", f"http://127.0.0.1:{free_port()}")  # the server moved
    [(key, token)] = [(k, v) for k, v in memory_keyring.secrets.items()]
    memory_keyring.secrets[(key[0], f"kim@{db.get_setting('sync.server_url')}")] = token
    db.close()
    code, _, err = run(capsys, "--db", str(db_path), "sync")
    assert code == 1
    assert "cannot be reached" in err and "(1 changes waiting)" in err


def test_sync_without_login(capsys, tmp_path: Path, db) -> None:  # noqa: ANN001
    code, _, err = run(capsys, "--db", str(db.path), "sync")
    assert code == 1 and "not signed in" in err


def test_serve_checks_its_options(capsys, tmp_path: Path, store_file: str) -> None:
    code, _, err = run(capsys, "serve", "--store", store_file, "--tls-cert", "c.pem")
    assert code == 2 and "go together" in err
    code, _, err = run(capsys, "serve", "--store", "mysql://nope")
    assert code == 1 and "unsupported store URL" in err


def test_serve_runs_the_server(tmp_path: Path, store_file: str) -> None:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "kamdesk", "serve", "--store", store_file, "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/health", timeout=1)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.communicate()[1]
                assert time.monotonic() < deadline, "kamdesk serve did not answer"
                time.sleep(0.1)
        assert answer.json()["status"] == "ok"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_server_restored_starts_a_new_epoch(capsys, store_file: str) -> None:  # noqa: ANN001
    from kamdesk.sync.server import admin

    add_user(capsys, store_file, "kim")  # creates the store
    code, out, err = run(capsys, "server", "--store", store_file, "restored")
    assert code == 0, err
    assert "epoch 1" in out and "re-send" in out
    code, out, _ = run(capsys, "server", "--store", store_file, "restored")
    assert "epoch 2" in out
    store = Store.open(store_file)
    try:
        assert admin.restored_version(store) == 0  # nothing written yet: version 0
    finally:
        store.close()
