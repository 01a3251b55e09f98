"""One email, read: headers, where it is linked and why, the body, the attachments.

HTML mail is shown sanitised (``sanitise_html``: no scripts, no remote images) in a
``SafeTextBrowser`` that in addition refuses to load anything but inline ``data:`` images, so
a sender never learns that, when or where a message was read. Links open in the browser only
when clicked. The preview asks for actions through signals; it never writes.
"""

from __future__ import annotations

import base64
import html
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage, QTextDocument
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kamdesk.mail.html import sanitise_html
from kamdesk.mail.reads import AttachmentInfo, EmailDetail, email_detail
from kamdesk.services.attachments import attachment_file
from kamdesk.ui import formatting
from kamdesk.ui.account_view.attachments import open_copy
from kamdesk.ui.account_view.badges import bold, muted_colour, set_text_colour
from kamdesk.ui.context import AppContext
from kamdesk.ui.mail import texts
from kamdesk.ui.mail.delegates import paperclip_icon
from kamdesk.ui.messages import fill, service_error_text

translate = QCoreApplication.translate
LINK_SCHEMES = ("http", "https", "mailto", "tel")
_URL = re.compile(r"(https?://[^\s<>\"']+[^\s<>\"'.,;:!?)\]])")
MAX_PLAIN = 200_000  # characters shown; the stored original keeps everything


@dataclass(frozen=True)
class Shown:
    """An email ready to show: its detail and the body as safe HTML."""

    detail: EmailDetail
    body: str


def plain_to_html(text: str) -> str:
    """Plain text as HTML: wrapped, web addresses clickable, quoted lines ("> …") muted."""
    lines = []
    for line in text[:MAX_PLAIN].splitlines():
        escaped = _URL.sub(r'<a href="\1">\1</a>', html.escape(line, quote=True))
        if line.lstrip().startswith(">"):
            escaped = f'<span style="color:#7a7f85">{escaped}</span>'
        lines.append(escaped)
    return '<div style="white-space: pre-wrap">' + "<br>".join(lines) + "</div>"


def load_shown(session: Any, email_id: str) -> Shown:
    """Worker side: the detail, with the body sanitised (HTML) or escaped (text)."""
    detail = email_detail(session, email_id)
    if detail.html:
        return Shown(detail, sanitise_html(detail.html))
    return Shown(detail, plain_to_html(detail.text))


def _data_image(url: QUrl) -> QImage | None:
    header, _, payload = url.toString(QUrl.ComponentFormattingOption.FullyEncoded).partition(",")
    if not header.lower().startswith("data:image/") or ";base64" not in header.lower():
        return None
    try:
        data = base64.b64decode(QUrl.fromPercentEncoding(payload.encode()), validate=False)
    except ValueError:
        return None
    image = QImage.fromData(data)
    return None if image.isNull() else image


class SafeTextBrowser(QTextBrowser):
    """A mail body: never loads anything from outside; links open in the browser on click only."""

    BLANK = QImage(1, 1, QImage.Format.Format_ARGB32)
    BLANK.fill(0)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._open_link)
        self.refused: list[str] = []  # resources asked for and refused (tests, diagnostics)
        self.setFrameShape(QFrame.Shape.NoFrame)

    def loadResource(self, kind: int, url: QUrl | str) -> Any:  # noqa: N802 (Qt override)
        url = QUrl(url)
        is_image = kind == QTextDocument.ResourceType.ImageResource.value
        if url.scheme() == "data" and is_image:
            image = _data_image(url)
            if image is not None:
                return image
        # http(s), ftp, file, cid, relative paths, style sheets: nothing leaves the message.
        self.refused.append(url.toString()[:200])
        # A refused image is a transparent dot: given nothing, Qt would try a file of that name.
        return self.BLANK if is_image else None

    def _open_link(self, url: QUrl) -> None:
        if url.scheme().lower() in LINK_SCHEMES:
            QDesktopServices.openUrl(url)


class Banner(QFrame):
    """A tinted strip with a sentence and, maybe, a button."""

    def __init__(self, colour: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setStyleSheet(
            f"QFrame#banner {{ background: {colour}22; border: 1px solid {colour}66;"
            " border-radius: 6px; }"
        )
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.button = QPushButton()
        self.button.setAutoDefault(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.button.hide()


class MessagePreview(QWidget):
    """Headers, link line and actions, banners, body, attachments of one email."""

    linkRequested = Signal(object)  # EmailDetail
    unlinkRequested = Signal(object, bool)  # EmailDetail, the whole conversation
    createContactRequested = Signal(object)  # EmailDetail

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.detail: EmailDetail | None = None
        self._actions_visible = True
        muted = muted_colour(self)

        self.subject = QLabel()
        self.subject.setFont(bold(self.font(), 1.25))
        self.subject.setWordWrap(True)
        self.subject.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.date = QLabel()
        set_text_colour(self.date, muted)
        self.date.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.sender = QLabel()
        self.sender.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.recipients = QLabel()
        self.recipients.setWordWrap(True)
        self.recipients.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_text_colour(self.recipients, muted)

        self.link_label = QLabel()
        self.link_label.setWordWrap(True)
        self.link_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.link_button = QPushButton(self.tr("Link to…"))
        self.link_button.setToolTip(
            self.tr("Link this email to an account, contact or opportunity (Ctrl+L)")
        )
        self.unlink_button = QPushButton(self.tr("Unlink"))
        self.unlink_button.setToolTip(
            self.tr("Take this email off its records: it goes back to the review queue")
        )
        for button in (self.link_button, self.unlink_button):
            button.setAutoDefault(False)
        self.link_button.clicked.connect(lambda: self._ask(self.linkRequested))
        self.unlink_button.clicked.connect(self._unlink_clicked)
        self._thread_size = 1
        link_bar = QFrame()
        link_bar.setObjectName("linkBar")
        link_bar.setStyleSheet(
            "QFrame#linkBar { background: palette(alternate-base); border-radius: 6px; }"
        )
        link_row = QHBoxLayout(link_bar)
        link_row.setContentsMargins(10, 6, 6, 6)
        link_row.addWidget(self.link_label, 1)
        link_row.addWidget(self.link_button)
        link_row.addWidget(self.unlink_button)

        self.contact_banner = Banner("#6a5acd")
        self.contact_banner.button.setText(self.tr("Create contact…"))
        self.contact_banner.button.show()
        self.contact_banner.button.clicked.connect(lambda: self._ask(self.createContactRequested))
        self.parse_banner = Banner("#b86e00")

        self.body = SafeTextBrowser()
        self.body.setObjectName("mailBody")

        self.attachments_bar = QWidget()
        self.attachments_row = QHBoxLayout(self.attachments_bar)
        self.attachments_row.setContentsMargins(0, 0, 0, 0)
        self.attachments_row.setSpacing(6)

        self.placeholder = QLabel()
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        set_text_colour(self.placeholder, muted)

        top = QHBoxLayout()
        top.addWidget(self.subject, 1)
        top.addWidget(self.date)
        self.content = QWidget()
        column = QVBoxLayout(self.content)
        column.setContentsMargins(16, 12, 16, 12)
        column.setSpacing(6)
        column.addLayout(top)
        column.addWidget(self.sender)
        column.addWidget(self.recipients)
        column.addSpacing(4)
        column.addWidget(link_bar)
        column.addWidget(self.contact_banner)
        column.addWidget(self.parse_banner)
        column.addWidget(self.attachments_bar)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setStyleSheet("color: palette(midlight);")
        column.addWidget(line)
        column.addWidget(self.body, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.content, 1)
        layout.addWidget(self.placeholder, 1)
        self.clear(self.tr("Choose a conversation to read it here."))

    # -- content ------------------------------------------------------------------------------
    def clear(self, message: str) -> None:
        self.detail = None
        self.placeholder.setText(message)
        self.content.hide()
        self.placeholder.show()

    def show_email(self, shown: Shown) -> None:
        detail = shown.detail
        self.detail = detail
        message = detail.message
        self.subject.setText(message.subject or self.tr("(no subject)"))
        self.date.setText(texts.long_date(message.sent_at))
        self.sender.setText(
            fill(self.tr("From %1"), texts.person(message.from_name, message.from_address))
        )
        lines = []
        if message.to_addresses:
            lines.append(fill(self.tr("To: %1"), ", ".join(message.to_addresses)))
        if message.cc_addresses:
            lines.append(fill(self.tr("Cc: %1"), ", ".join(message.cc_addresses)))
        self.recipients.setText("\n".join(lines))
        self.recipients.setVisible(bool(lines))

        self.link_label.setText(texts.link_line(detail))
        linked = detail.account is not None
        self.unlink_button.setVisible(linked and self._actions_visible)
        self.link_button.setText(self.tr("Link elsewhere…") if linked else self.tr("Link to…"))

        offer = detail.create_contact
        if offer:
            who = texts.person(offer.get("name"), offer.get("address"))
            self.contact_banner.label.setText(fill(self.tr("%1 is not a contact yet."), who))
        self.contact_banner.setVisible(bool(offer))
        if message.parse_error:
            self.parse_banner.label.setText(
                fill(
                    self.tr(
                        "Part of this message could not be read (%1). It is kept exactly as "
                        "received; what could be read is shown below."
                    ),
                    message.parse_error,
                )
            )
        self.parse_banner.setVisible(bool(message.parse_error))

        self.body.refused.clear()
        self.body.setHtml(shown.body)
        self._fill_attachments(detail.attachments)
        self.placeholder.hide()
        self.content.show()

    def _fill_attachments(self, attachments: list[AttachmentInfo]) -> None:
        while self.attachments_row.count():
            item = self.attachments_row.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        for attachment in attachments:
            button = QToolButton()
            button.setText(f"{attachment.filename}  ·  {formatting.file_size(attachment.size)}")
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setIcon(paperclip_icon(muted_colour(self)))
            button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
            button.setToolTip(self.tr("Open (a read-only copy); the arrow offers Save as…"))
            button.setObjectName("attachment")
            menu = QMenu(button)
            menu.addAction(self.tr("Open"), lambda a=attachment: self.open_attachment(a))
            menu.addAction(self.tr("Save as…"), lambda a=attachment: self.save_attachment(a))
            button.setMenu(menu)
            button.clicked.connect(lambda _=False, a=attachment: self.open_attachment(a))
            self.attachments_row.addWidget(button)
        self.attachments_row.addStretch(1)
        self.attachments_bar.setVisible(bool(attachments))

    def set_thread_size(self, count: int) -> None:
        """With several messages, Unlink asks: this email, or the whole conversation?"""
        self._thread_size = count
        if count > 1:
            menu = QMenu(self.unlink_button)
            menu.addAction(self.tr("Unlink this email"), lambda: self._unlink(False))
            menu.addAction(
                fill(self.tr("Unlink the whole conversation (%1)"), texts.PLURALS.messages(count)),
                lambda: self._unlink(True),
            )
            self.unlink_button.setMenu(menu)
        else:
            self.unlink_button.setMenu(None)

    def set_actions_visible(self, visible: bool) -> None:
        """The review queue has its own action bar: the preview's buttons would repeat it."""
        self._actions_visible = visible
        self.link_button.setVisible(visible)
        self.unlink_button.setVisible(
            visible and self.detail is not None and self.detail.account is not None
        )
        self.contact_banner.button.setVisible(visible)

    def _unlink_clicked(self) -> None:
        if self._thread_size <= 1:
            self._unlink(False)

    def _unlink(self, whole: bool) -> None:
        if self.detail is not None:
            self.unlinkRequested.emit(self.detail, whole)

    def _ask(self, signal: Any) -> None:
        if self.detail is not None:
            signal.emit(self.detail)

    # -- attachments --------------------------------------------------------------------------
    def open_attachment(self, attachment: AttachmentInfo) -> None:
        open_copy(self._ctx, attachment.id, self, self._attachment_failed)

    def save_attachment(self, attachment: AttachmentInfo, target: str | None = None) -> None:
        if target is None:
            target, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save attachment"), attachment.filename
            )
        if not target:
            return
        blob_dir, path = self._ctx.db.blob_dir, Path(target)

        def copy(session: Any) -> Path:
            shutil.copyfile(attachment_file(session, blob_dir, attachment.id), path)
            return path

        self._ctx.read(copy, lambda _path: None, self._attachment_failed)

    def _attachment_failed(self, error: BaseException) -> None:
        if shiboken6.isValid(self):
            QMessageBox.warning(self, self.tr("Attachments"), service_error_text(error))
