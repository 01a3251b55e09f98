"""The Attachments tab: files kept with the account; add or drop (undoable), open, remove."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from kamdesk.db import UnitOfWork
from kamdesk.services.attachments import (
    AttachmentMissing,
    add_attachment,
    delete_attachment,
    export_copy,
    restore_attachment,
)
from kamdesk.ui.account_view.record_table import RecordTab
from kamdesk.ui.account_view.tables import AttachmentsModel
from kamdesk.ui.context import AppContext
from kamdesk.ui.messages import fill, service_error_text
from kamdesk.ui.undo import Step, create_steps, delete_steps, perform


def open_folder(attachment_id: str) -> Path:
    """Where a copy is made for the OS to open: blobs have no name, the copy has the original one."""
    return Path(tempfile.gettempdir()) / "kamdesk-attachments" / attachment_id


def open_copy(
    ctx: AppContext,
    attachment_id: str,
    parent: QWidget,
    on_error: Callable[[BaseException], None],
) -> None:
    """Open a copy of the attachment in the application the system has for its type.

    A copy, so the stored file stays as it was whatever that application does; the Attachments
    tab and the mail preview both open attachments this way.
    """
    blob_dir, folder = ctx.db.blob_dir, open_folder(attachment_id)
    ctx.read(
        lambda session: export_copy(session, blob_dir, attachment_id, folder),
        lambda path: _launch(parent, path),
        on_error,
    )


def _launch(parent: QWidget, path: Path) -> None:
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("AttachmentsTab", "Open attachment"),
            fill(
                QCoreApplication.translate(
                    "AttachmentsTab", "No application is set up to open “%1”."
                ),
                path.name,
            ),
        )


class AttachmentsTab(RecordTab):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            AttachmentsModel(),
            empty_text=QCoreApplication.translate(
                "AttachmentsTab",
                "No files yet. Attach contracts, presentations and specifications here.",
            ),
            parent=parent,
        )
        self._ctx = ctx
        self._account_id: str | None = None
        self.attach_button = self.add_button(self.tr("Add file…"), self.add_file, primary=True)
        self.open_button = self.add_button(self.tr("Open"), self.open_current, needs_selection=True)
        self.remove_button = self.add_button(
            self.tr("Remove"), self.remove_current, needs_selection=True
        )
        self.activated.connect(self.open_attachment)
        self.deletePressed.connect(self.remove_attachment)
        self.setAcceptDrops(True)  # files dragged from the desktop are attached

    def set_account(self, account_id: str | None) -> None:
        self._account_id = account_id
        self.attach_button.setEnabled(account_id is not None)

    # -- add ----------------------------------------------------------------------------------
    def add_file(self) -> None:
        if self._account_id is None:
            return
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Attach a file to the account"))
        if name:
            self.attach(Path(name))

    def attach(self, path: Path) -> None:
        """One undo step: the file is copied into the data folder and linked to the account."""
        ctx, account_id = self._ctx, self._account_id
        if account_id is None:
            return
        blob_dir = ctx.db.blob_dir
        perform(
            ctx,
            self.tr("Attach file"),
            # ctx.current_user_id reads a setting: evaluated here, on the worker thread.
            lambda uow: add_attachment(
                uow, blob_dir, path, account_id=account_id, added_by_id=ctx.current_user_id
            ),
            create_steps(delete_attachment, restore_attachment),
            on_error=self._attach_failed,
        )

    def attach_many(self, paths: Sequence[Path]) -> None:
        """Several files dropped at once: one transaction, one undo step for all of them."""
        ctx, account_id, paths = self._ctx, self._account_id, list(paths)
        if account_id is None or not paths:
            return
        if len(paths) == 1:
            self.attach(paths[0])
            return
        blob_dir = ctx.db.blob_dir

        def do(uow: UnitOfWork) -> list[str]:
            user_id = ctx.current_user_id
            return [
                add_attachment(uow, blob_dir, p, account_id=account_id, added_by_id=user_id)
                for p in paths
            ]

        def inverse(ids: list[str]) -> tuple[Step, Step]:
            def redo(uow: UnitOfWork) -> None:
                for attachment_id in ids:
                    restore_attachment(uow, attachment_id)

            def undo(uow: UnitOfWork) -> None:
                for attachment_id in ids:
                    delete_attachment(uow, attachment_id)

            return redo, undo

        perform(ctx, self.tr("Attach files"), do, inverse, on_error=self._attach_failed)

    def _attach_failed(self, error: BaseException) -> None:
        self._warn(self.tr("The file could not be attached."), service_error_text(error))

    # -- drop files from the desktop ----------------------------------------------------------
    @staticmethod
    def _local_files(event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> list[Path]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        files = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
        return [f for f in files if f.is_file()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._account_id is not None and self._local_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self.dragEnterEvent(event)  # type: ignore[arg-type]

    def dropEvent(self, event: QDropEvent) -> None:
        files = self._local_files(event)
        if self._account_id is None or not files:
            event.ignore()
            return
        event.acceptProposedAction()
        self.attach_many(files)

    # -- open ---------------------------------------------------------------------------------
    def open_current(self) -> None:
        if current := self.current_id():
            self.open_attachment(current)

    def open_attachment(self, attachment_id: str) -> None:
        open_copy(self._ctx, attachment_id, self, self._open_failed)

    def _open_failed(self, error: BaseException) -> None:
        if isinstance(error, AttachmentMissing):
            QMessageBox.warning(
                self,
                self.tr("Attachment missing"),
                fill(
                    self.tr(
                        "The file “%1” is no longer in the data folder.\n\n"
                        "Restore the data folder from a backup, or remove this attachment"
                        " and attach the file again."
                    ),
                    error.filename,
                ),
            )
        else:
            self._warn(self.tr("The attachment could not be opened."), str(error))

    # -- remove -------------------------------------------------------------------------------
    def remove_current(self) -> None:
        if current := self.current_id():
            self.remove_attachment(current)

    def remove_attachment(self, attachment_id: str) -> None:
        """Soft delete (the file stays in the data folder), one undo step."""
        perform(
            self._ctx,
            self.tr("Remove attachment"),
            lambda uow: delete_attachment(uow, attachment_id),
            delete_steps(attachment_id, delete_attachment, restore_attachment),
            on_error=lambda error: self._warn(
                self.tr("The attachment could not be removed."), service_error_text(error)
            ),
        )

    def _warn(self, text: str, detail: str) -> None:
        QMessageBox.warning(self, self.tr("Attachments"), f"{text}\n\n{detail}")
