"""Attachment files travel as content-addressed blobs: sent before the rows that name them,
fetched after the rows arrive, checked against their SHA-256 both ways."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any

from kamdesk.sync import errors

if TYPE_CHECKING:
    from kamdesk.sync.client import SyncClient


def upload_for(client: SyncClient, mutations: list[dict[str, Any]]) -> int:
    """Upload the files named by attachments in ``mutations`` (the server stores each once)."""
    from kamdesk.services.attachments import blob_path

    hashes = {
        m["fields"]["sha256"]
        for m in mutations
        if m["table"] == "attachments" and isinstance(m["fields"].get("sha256"), str)
    }
    sent = 0
    for sha256 in sorted(hashes):
        path = blob_path(client.db.blob_dir, sha256)
        if not path.is_file():
            continue  # nothing to send from here; the row still syncs
        client.request("PUT", f"/v1/blobs/{sha256}", content=path.read_bytes())
        sent += 1
    return sent


def download_missing(client: SyncClient) -> int:
    """Fetch the files of attachments this replica has rows for but no file."""
    from kamdesk.services.attachments import blob_path, store_bytes

    with client.db.engine.connect() as conn:
        hashes = [
            r[0]
            for r in conn.exec_driver_sql(
                "SELECT DISTINCT sha256 FROM attachments WHERE deleted_at IS NULL"
            )
        ]
    received = 0
    for sha256 in hashes:
        if blob_path(client.db.blob_dir, sha256).is_file():
            continue
        try:
            response = client.request("GET", f"/v1/blobs/{sha256}")
        except errors.ServerProblem:
            continue  # not on the server (yet): its author has not synced it
        if hashlib.sha256(response.content).hexdigest() != sha256:
            continue  # corrupted on the way: ask again next time
        store_bytes(client.db.blob_dir, response.content)
        received += 1
    return received
