"""Enrolment, tokens, protocol versions: who may talk to the server, and what they are told."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy import select

from kamdesk.db import Database
from kamdesk.models import Account
from kamdesk.sync import errors
from kamdesk.sync.client import SyncClient, enrol
from kamdesk.sync.protocol import PROTOCOL_HEADER, SCHEMA_HEADER, version_headers
from kamdesk.sync.server import admin
from kamdesk.sync.server.tables import tokens, users
from tests.sync.conftest import SERVER, Team, auth_headers, sqlite_store_only


def test_health_needs_no_token(team: Team) -> None:
    answer = team.http.get("/health")
    assert answer.status_code == 200
    assert answer.json()["status"] == "ok"


def test_enrolment_secret_works_once_and_is_stored_hashed(team: Team) -> None:
    secret = team.user("kim", "kam")
    with team.store.read() as conn:
        stored = conn.execute(select(users.c.secret_hash)).scalar()
    assert stored.startswith("$argon2") and secret not in stored
    token, role = enrol(SERVER, "kim", secret, "node-1", team.http)
    assert role == "kam"
    with team.store.read() as conn:
        assert conn.execute(select(users.c.secret_hash)).scalar() is None
        hashed = conn.execute(select(tokens.c.token_hash)).scalar()
    assert hashed != token and len(hashed) == 64
    with pytest.raises(errors.SignInAgain, match="wrong enrolment secret"):
        enrol(SERVER, "kim", secret, "node-2", team.http)


@sqlite_store_only
def test_secret_is_forgiving_about_case_and_spaces(team: Team) -> None:
    secret = team.user("kim", "kam")
    token, _ = enrol(SERVER, "kim", "  " + secret.lower() + " ", "node-1", team.http)
    assert token


@pytest.mark.parametrize("who", ["kim", "nobody"])
def test_wrong_user_or_secret_get_the_same_answer(team: Team, who: str) -> None:
    team.user("kim", "kam")
    answer = team.http.post(
        "/v1/enrol",
        json={"user": who, "secret": "AAAAA-BBBBB-CCCCC-DDDDD", "client_id": "n1"},
        headers=version_headers(),
    )
    assert answer.status_code == 401
    assert answer.json() == {"detail": "unknown user or wrong enrolment secret"}


@pytest.mark.parametrize(
    "authorization", [None, "", "Bearer", "Bearer nope", "Basic a2ltOnB3", "bearer  "]
)
def test_every_endpoint_needs_a_valid_token(team: Team, authorization: str | None) -> None:
    headers = dict(version_headers())
    if authorization is not None:
        headers["Authorization"] = authorization
    calls = [
        ("POST", "/v1/push", {"mutations": []}),
        ("POST", "/v1/pull", {"cursor": 0}),
        ("GET", "/v1/conflicts", None),
        ("POST", "/v1/conflicts/1/resolve", {"choice": "server"}),
        ("GET", "/v1/blobs/" + "0" * 64, None),
        ("POST", "/v1/logout", None),
    ]
    for method, path, body in calls:
        answer = team.http.request(method, path, json=body, headers=headers)
        assert answer.status_code == 401, (path, answer.text)
        assert "please sign in again" in answer.json()["detail"]
    answer = team.http.put("/v1/blobs/" + "0" * 64, content=b"x", headers=headers)
    assert answer.status_code == 401


def test_logout_revokes_the_token(team: Team) -> None:
    kim = team.device("kim")
    kim.client.sync()
    kim.client.logout()
    with pytest.raises(errors.SignInAgain, match="please sign in again"):
        kim.client.sync()


def test_revoked_user_is_signed_out_everywhere(team: Team) -> None:
    kim = team.device("kim")
    admin.revoke_user(team.store, "kim")
    kim.create(Account, name="Michelin")
    with pytest.raises(errors.SignInAgain):
        kim.client.sync()
    assert kim.outbox_size() == 1  # nothing typed is lost
    with pytest.raises(admin.AdminError, match="revoked"):
        admin.new_enrolment_secret(team.store, "kim")


@sqlite_store_only
def test_an_outdated_client_is_told_to_update_and_keeps_its_changes(
    team: Team, monkeypatch
) -> None:
    kim = team.device("kim")
    kim.create(Account, name="Michelin")
    monkeypatch.setattr(
        "kamdesk.sync.client.version_headers",
        lambda: {PROTOCOL_HEADER: "1", SCHEMA_HEADER: "0002_search_and_scale_indexes"},
    )
    with pytest.raises(errors.UpdateRequired, match="please update kamdesk"):
        kim.client.sync()
    assert kim.outbox_size() == 1


@sqlite_store_only
@pytest.mark.parametrize(
    "headers",
    [
        {},
        {PROTOCOL_HEADER: "0"},
        {PROTOCOL_HEADER: "99", SCHEMA_HEADER: "x"},
    ],
)
def test_protocol_mismatch_is_426(team: Team, headers: dict[str, str]) -> None:
    kim = team.device("kim")
    answer = team.http.post(
        "/v1/pull",
        json={"cursor": 0},
        headers={"Authorization": f"Bearer {kim.token}", **headers},
    )
    assert answer.status_code == 426
    assert answer.json()["detail"].startswith("please update kamdesk")


def test_unreachable_server_means_offline_and_nothing_is_lost(tmp_path) -> None:
    db = Database.open(tmp_path / "plane.sqlite", create=True)
    try:
        with db.unit_of_work() as uow:
            uow.session.add(Account(name="Airbus"))
            uow.commit()

        def refuse(request: httpx.Request) -> httpx.Response:
            raise httpx.ConnectError("no route to host", request=request)

        http = httpx.Client(transport=httpx.MockTransport(refuse))
        client = SyncClient(db, "http://crm.example", "token", http)
        with pytest.raises(errors.Offline, match="your changes are kept"):
            client.sync()
        assert client.pending() == 1
    finally:
        db.close()


@sqlite_store_only
def test_tokens_work_with_an_auth_header_only(team: Team) -> None:
    kim = team.device("kim")
    answer = team.http.post("/v1/pull", json={}, headers=auth_headers(kim.token))
    assert answer.status_code == 200
    assert answer.json()["more"] is False
