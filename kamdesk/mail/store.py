"""The original bytes of every message, kept losslessly: content-addressed and compressed.

zlib from the standard library rather than zstandard: mail is text that level 6 shrinks to about
a third, fast enough (≈ 40 µs for a 4 KB message) not to matter next to parsing, and one
dependency fewer for the installers. The SHA-256 is of the *original* bytes, so the same message
imported twice (from a file and from IMAP) is recognised as a duplicate.
"""

from __future__ import annotations

import hashlib
import zlib

from sqlalchemy import select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from kamdesk.models.emails import MailRaw
from kamdesk.services.errors import ServiceError

LEVEL = 6


class RawMissing(ServiceError):
    def __init__(self, sha256: str) -> None:
        super().__init__(
            f"the original of this message ({sha256[:12]}…) is not in the database; "
            "restore the database from a backup or import the message again"
        )


def sha256_of(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def compress(raw: bytes) -> bytes:
    return zlib.compress(raw, LEVEL)


def put_many(session: Session, rows: list[dict[str, object]]) -> None:
    """Store ``{"sha256", "size", "data"(compressed)}`` rows; a hash already stored is kept."""
    if rows:
        statement = sqlite_insert(MailRaw).on_conflict_do_nothing(index_elements=["sha256"])
        session.execute(statement, rows)


def get(session: Session, sha256: str) -> bytes:
    """The original bytes, verified against their hash."""
    data = session.scalar(select(MailRaw.data).where(MailRaw.sha256 == sha256))
    if data is None:
        raise RawMissing(sha256)
    raw = zlib.decompress(data)
    if sha256_of(raw) != sha256:
        raise ServiceError(
            f"the stored original of this message ({sha256[:12]}…) is damaged "
            "(its hash does not match); restore the database from a backup"
        )
    return raw
