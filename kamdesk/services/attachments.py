"""Attachments: files copied content-addressed (SHA-256) into the data folder.

The same bytes attached twice are stored once; the database row holds the name the user knew.
Copies go through a temporary file and an atomic rename, so a crash never leaves a half blob
under a valid hash.
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import shutil
import stat
import tempfile
from pathlib import Path

from sqlalchemy.orm import Session

from kamdesk.db.unit_of_work import UnitOfWork
from kamdesk.models import Account, Attachment
from kamdesk.services import records
from kamdesk.services.errors import ServiceError

KIND = "attachment"
_CHUNK = 1 << 20


class AttachmentMissing(ServiceError):
    def __init__(self, filename: str, path: Path) -> None:
        super().__init__(
            f"the file of attachment '{filename}' is missing from the data folder ({path}); "
            "restore it from a backup or attach it again"
        )
        self.filename = filename
        self.path = path


def blob_path(blob_dir: Path, sha256: str) -> Path:
    return blob_dir / sha256[:2] / sha256


def store_blob(blob_dir: Path, source: Path) -> tuple[str, int]:
    """Copy ``source`` into the blob store; return (sha256, size). Idempotent."""
    digest = hashlib.sha256()
    blob_dir.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=blob_dir, prefix=".incoming-")
    size = 0
    try:
        with source.open("rb") as src, os.fdopen(fd, "wb") as dst:
            while chunk := src.read(_CHUNK):
                digest.update(chunk)
                dst.write(chunk)
                size += len(chunk)
            dst.flush()
            os.fsync(dst.fileno())
        target = blob_path(blob_dir, digest.hexdigest())
        target.parent.mkdir(exist_ok=True)
        if target.exists():
            os.unlink(tmp_name)
        else:
            os.replace(tmp_name, target)
    except BaseException:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)
        raise
    return digest.hexdigest(), size


def store_bytes(blob_dir: Path, data: bytes, *, durable: bool = True) -> str:
    """Store ``data`` in the blob store; return its sha256. Idempotent.

    ``durable=False`` skips the per-file fsync, for a batch whose caller calls ``sync_blobs``
    once before committing the rows that point at the blobs (one fsync per file would cap a
    mail import at a few hundred attachments a second).
    """
    sha256 = hashlib.sha256(data).hexdigest()
    target = blob_path(blob_dir, sha256)
    if target.exists():
        return sha256
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
    try:
        with os.fdopen(fd, "wb") as dst:
            dst.write(data)
            if durable:
                dst.flush()
                os.fsync(dst.fileno())
        os.replace(tmp_name, target)
    except BaseException:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)
        raise
    return sha256


def sync_blobs() -> None:
    """Make blobs written with ``durable=False`` durable before rows that name them commit."""
    if hasattr(os, "sync"):
        os.sync()


def add_attachment(
    uow: UnitOfWork,
    blob_dir: Path,
    source: Path,
    *,
    account_id: str,
    contact_id: str | None = None,
    opportunity_id: str | None = None,
    interaction_id: str | None = None,
    added_by_id: str | None = None,
) -> str:
    records.get_live(uow, Account, account_id, "account")
    if not source.is_file():
        raise ServiceError(f"not a file: {source}")
    sha256, size = store_blob(blob_dir, source)
    attachment = Attachment(
        sha256=sha256,
        filename=source.name,
        mime_type=mimetypes.guess_type(source.name)[0],
        size=size,
        account_id=account_id,
        contact_id=contact_id,
        opportunity_id=opportunity_id,
        interaction_id=interaction_id,
        added_by_id=added_by_id,
    )
    uow.session.add(attachment)
    uow.session.flush()
    return attachment.id


def attachment_file(session: Session, blob_dir: Path, attachment_id: str) -> Path:
    """The file to open for an attachment, or AttachmentMissing if it vanished from disk."""
    attachment = records.get_live(session, Attachment, attachment_id, KIND)
    path = blob_path(blob_dir, attachment.sha256)
    if not path.is_file():
        raise AttachmentMissing(attachment.filename, path)
    return path


def export_copy(session: Session, blob_dir: Path, attachment_id: str, folder: Path) -> Path:
    """A read-only copy under the original file name, for the OS handler (blobs have no extension).

    The copy is read-only so that nobody edits a temporary file believing it is the attachment;
    and a copy that was changed anyway is never overwritten: the next open uses a new folder.
    """
    attachment = records.get_live(session, Attachment, attachment_id, KIND)
    source = attachment_file(session, blob_dir, attachment_id)
    name = Path(attachment.filename).name
    target = folder / name
    if target.exists():
        if _sha256(target) == attachment.sha256:
            return target  # the same bytes are already there
        folder = Path(tempfile.mkdtemp(prefix="copy-", dir=folder))
        target = folder / name
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    target.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    return target


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def delete_attachment(uow: UnitOfWork, attachment_id: str) -> None:
    # The blob stays: another row may share it, and a restore must find it.
    records.soft_delete(uow, Attachment, KIND, attachment_id)


def restore_attachment(uow: UnitOfWork, attachment_id: str) -> None:
    records.restore(uow, Attachment, KIND, attachment_id)
