"""Content-addressed blobs (attachment files): stored once, verified by their SHA-256.

A user may fetch a blob they uploaded, or one named by a row they may read — knowing a hash is
not enough to read someone else's file.
"""

from __future__ import annotations

import hashlib
import re

from sqlalchemy import exists, insert, select

from kamdesk.sync.server.access import load_access
from kamdesk.sync.server.auth import Principal
from kamdesk.sync.server.store import Store, now_iso
from kamdesk.sync.server.tables import blobs, records

SHA256 = re.compile(r"^[0-9a-f]{64}$")
MAX_BLOB_BYTES = 200 * 1024 * 1024


class BlobError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def check_name(sha256: str) -> None:
    if not SHA256.match(sha256):
        raise BlobError(400, "a blob is named by the lower-case hex SHA-256 of its content")


def put_blob(store: Store, principal: Principal, sha256: str, content: bytes) -> bool:
    """Store ``content``; True if it was new. Refuses content that does not match its name."""
    check_name(sha256)
    if principal.role == "read_only":
        raise BlobError(403, "read-only users cannot upload files")
    if hashlib.sha256(content).hexdigest() != sha256:
        raise BlobError(400, "the content does not match its SHA-256: upload it again")
    with store.write() as w:
        found = w.conn.execute(select(blobs.c.sha256).where(blobs.c.sha256 == sha256)).first()
        if found is not None:
            return False
        w.conn.execute(
            insert(blobs).values(
                sha256=sha256,
                size=len(content),
                data=content,
                uploaded_by=principal.user_id,
                created_at=now_iso(),
            )
        )
    return True


def get_blob(store: Store, principal: Principal, sha256: str) -> bytes:
    check_name(sha256)
    with store.read() as conn:
        access = load_access(conn, principal)
        row = conn.execute(
            select(blobs.c.data, blobs.c.uploaded_by).where(blobs.c.sha256 == sha256)
        ).first()
        if row is None:
            raise BlobError(404, "no such file on the server")
        if row.uploaded_by != principal.user_id:
            named = conn.execute(
                select(exists().where(records.c.blob == sha256, access.readable(records.c.bucket)))
            ).scalar()
            if not named:
                raise BlobError(404, "no such file on the server")
    return bytes(row.data)
