"""Attachment files travel as content-addressed blobs, checked against their SHA-256."""

from __future__ import annotations

import hashlib
from pathlib import Path

from kamdesk.services.attachments import add_attachment, blob_path
from tests.sync.conftest import Team, World, auth_headers


def test_upload_is_verified_and_reading_needs_a_readable_row(team: Team, world: World) -> None:
    kim, lea = team.device("kim"), team.device("lea")
    content = b"%PDF-1.7 proposition commerciale"
    sha = hashlib.sha256(content).hexdigest()
    url = f"/v1/blobs/{sha}"
    wrong = team.http.put(url, content=b"something else", headers=auth_headers(kim.token))
    assert wrong.status_code == 400 and "does not match" in wrong.json()["detail"]
    stored = team.http.put(url, content=content, headers=auth_headers(kim.token))
    assert stored.status_code == 201 and stored.json() == {"sha256": sha, "size": len(content)}
    assert team.http.put(url, content=content, headers=auth_headers(kim.token)).status_code == 201
    assert team.http.get(url, headers=auth_headers(kim.token)).content == content
    # Knowing a hash is not enough to read someone else's file.
    assert team.http.get(url, headers=auth_headers(lea.token)).status_code == 404
    bad = team.http.get("/v1/blobs/NOT-A-HASH", headers=auth_headers(kim.token))
    assert bad.status_code == 400


def test_attachments_reach_the_team_with_their_files(
    team: Team, world: World, tmp_path: Path
) -> None:
    kim, lea, outsider = team.device("kim"), team.device("lea"), team.device("olga")
    team.grant("kim", world.accounts[0])
    team.grant("lea", world.accounts[0])
    kim.client.sync()
    source = tmp_path / "compte-rendu.txt"
    source.write_bytes("Réunion du 3 mars : budget validé.".encode())
    with kim.db.unit_of_work() as uow:
        add_attachment(uow, kim.db.blob_dir, source, account_id=world.accounts[0])
        uow.commit()
    assert kim.client.sync().files_sent == 1
    summary = lea.client.sync()
    assert summary.files_received == 1
    sha = hashlib.sha256(source.read_bytes()).hexdigest()
    assert blob_path(lea.db.blob_dir, sha).read_bytes() == source.read_bytes()
    answer = team.http.get(f"/v1/blobs/{sha}", headers=auth_headers(outsider.token))
    assert answer.status_code == 404
    assert lea.client.sync().files_received == 0  # already here
