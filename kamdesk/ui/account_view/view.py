"""The account 360° view: one screen with everything a KAM knows about an account.

It loads in one background read (``load_account_360`` and ``qualify``), fills its parts, and
reloads itself when a write touches what it shows. It never edits records itself: it asks,
through signals, and the main window opens the dialogs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from kamdesk.db import Changes
from kamdesk.services.account_view import TIMELINE_PAGE, Account360, load_account_360
from kamdesk.services.coverage import account_warnings, contact_strengths
from kamdesk.services.errors import NotFound
from kamdesk.services.qualification import MAX_SCORE, Qualification, qualify
from kamdesk.ui.account_view.attachments import AttachmentsTab
from kamdesk.ui.account_view.badges import muted_colour, set_text_colour
from kamdesk.ui.account_view.header import AccountHeader
from kamdesk.ui.account_view.qualification_panel import QualificationPanel
from kamdesk.ui.account_view.record_table import RecordTab
from kamdesk.ui.account_view.tables import (
    ContactsModel,
    DocumentsModel,
    OpportunitiesModel,
    SitesModel,
    TicketsModel,
)
from kamdesk.ui.account_view.timeline import NotesTab, TimelineTab
from kamdesk.ui.context import AppContext
from kamdesk.ui.messages import fill
from kamdesk.ui.preferences import COLD_DAYS_KEY, preferences
from kamdesk.ui.stakeholder_map import StakeholderMapWidget
from kamdesk.ui.stakeholder_map.texts import warning_text

LOAD_KEY = "account-360"
COVERAGE_KEY = "account-360-coverage"
COVERAGE_DELAY_MS = 200

# Tables whose rows the view shows (or sums, or names); a write to any of them reloads it.
SHOWN_TABLES = frozenset(
    {
        "accounts",
        "contacts",
        "sites",
        "interactions",
        "interaction_contacts",
        "opportunities",
        "quotes",
        "invoices",
        "contracts",
        "tickets",
        "attachments",
        "stages",
        "users",
    }
)

# Flat tabs underlined when current, over a white card: calmer than the platform's raised tabs.
TABS_STYLE = """
QTabWidget#accountTabs::pane { background: palette(base); border: 1px solid palette(midlight);
    border-radius: 8px; top: -1px; }
QTabWidget#accountTabs > QTabBar::tab { background: transparent; border: none; color: MUTED;
    border-bottom: 2px solid transparent; padding: 7px 12px; margin-right: 2px; }
QTabWidget#accountTabs > QTabBar::tab:selected { color: palette(text); border-bottom-color: palette(highlight); }
QTabWidget#accountTabs > QTabBar::tab:hover:!selected { color: palette(text); }
"""


@dataclass(frozen=True)
class Loaded:
    account_id: str
    data: Account360
    qualification: Qualification


class Account360View(QWidget):
    loaded = Signal(str)  # the account id, once every part shows it
    coverageLoaded = Signal(str)  # relationship strengths and warnings, just after ``loaded``
    accountActivated = Signal(str)
    editAccountRequested = Signal(str)
    deleteAccountRequested = Signal(str)
    newContactRequested = Signal(str)  # account id
    newOpportunityRequested = Signal(str)  # account id
    editOpportunityRequested = Signal(str)
    editContactRequested = Signal(str)
    deleteContactRequested = Signal(str)
    newInteractionRequested = Signal(str, str)  # account id, kind
    editInteractionRequested = Signal(str)
    deleteInteractionRequested = Signal(str)
    newSiteRequested = Signal(str)  # account id
    editSiteRequested = Signal(str)
    deleteSiteRequested = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._account_id: str | None = None
        self._timeline_limit = TIMELINE_PAGE  # grows by a page each time "Show older" is clicked
        self._last: Loaded | None = None

        self.header = AccountHeader()
        self.header.groupActivated.connect(self.accountActivated)
        self.header.editRequested.connect(lambda: self._ask(self.editAccountRequested))
        self.header.deleteRequested.connect(lambda: self._ask(self.deleteAccountRequested))

        self.contacts = RecordTab(ContactsModel(), empty_text=self.tr("No contacts yet."))
        self.opportunities = RecordTab(
            OpportunitiesModel(), empty_text=self.tr("No opportunities yet.")
        )
        self.documents = RecordTab(
            DocumentsModel(), empty_text=self.tr("No quotes, invoices or contracts yet.")
        )
        self.tickets = RecordTab(TicketsModel(), empty_text=self.tr("No support tickets."))
        self.timeline = TimelineTab()
        self.notes = NotesTab()
        self.attachments = AttachmentsTab(ctx)
        # The account's mail loads itself (and reloads on mail changes); its count titles the tab.
        # Imported here: the mail package uses the 360° view's badges and attachment helpers.
        from kamdesk.ui.mail.panel import MailPanel

        self.mail = MailPanel(ctx)
        self.mail.countChanged.connect(lambda _count: self._retitle(self._last))
        self.sites = RecordTab(SitesModel(), empty_text=self.tr("No sites yet."))
        # The stakeholder map loads itself when shown; a double-click edits the contact.
        self.stakeholder_map = StakeholderMapWidget(ctx)
        self.stakeholder_map.contactActivated.connect(self.editContactRequested)
        self.qualification = QualificationPanel()
        self._build_toolbars()

        self.tabs = QTabWidget()
        self.tabs.setObjectName("accountTabs")
        self.tabs.setStyleSheet(TABS_STYLE.replace("MUTED", muted_colour(self).name()))
        for tab in self._tab_order():
            self.tabs.addTab(tab, "")
        self._retitle(None)

        self.placeholder = QLabel(self.tr("Choose an account to see everything about it here."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        set_text_colour(self.placeholder, muted_colour(self))
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(16, 16, 16, 8)
        content_layout.setSpacing(12)
        content_layout.addWidget(self.header)
        content_layout.addWidget(self.tabs, 1)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self._coverage_timer = QTimer(self)
        self._coverage_timer.setSingleShot(True)
        self._coverage_timer.setInterval(COVERAGE_DELAY_MS)
        self._coverage_timer.timeout.connect(self._load_coverage)
        preferences().changed.connect(self._on_preference)  # a bound slot: dropped with the view

        # Several writes in one event-loop turn (an undo macro, a sync page) → one reload.
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(0)
        self._reload_timer.timeout.connect(self.reload)
        ctx.bus.changed.connect(self._on_changes)
        self.timeline.kindsChanged.connect(self._on_kinds_changed)
        self.timeline.moreRequested.connect(self._show_older)

    # -- public -------------------------------------------------------------------------------
    def account_id(self) -> str | None:
        return self._account_id

    def show_account(self, account_id: str) -> None:
        """Show ``account_id``; ``loaded`` is emitted once everything is filled."""
        self._coverage_timer.stop()
        if account_id != self._account_id:
            self._timeline_limit = TIMELINE_PAGE
            # Another account's warnings and strengths must never show under this one's name.
            self.header.set_warnings([])
            self.contacts.model.set_strengths({})
        self._account_id = account_id
        self.attachments.set_account(account_id)
        self.mail.set_scope(account_id=account_id)
        self.stakeholder_map.set_account(account_id)  # loads when its tab is shown
        self._load()

    def reload(self) -> None:
        if self._account_id is not None:
            self._load()

    def _on_kinds_changed(self) -> None:
        self._timeline_limit = TIMELINE_PAGE
        self.reload()

    def _show_older(self) -> None:
        self._timeline_limit += TIMELINE_PAGE
        self.reload()

    def qualification_result(self) -> Qualification | None:
        return self._last.qualification if self._last else None

    # -- loading ------------------------------------------------------------------------------
    def _load(self) -> None:
        account_id, blob_dir = self._account_id, self._ctx.db.blob_dir
        assert account_id is not None
        kinds, limit = self.timeline.kinds(), self._timeline_limit

        def work(session: Any) -> Loaded:
            data = load_account_360(
                session, account_id, blob_dir, timeline_kinds=kinds, timeline_limit=limit
            )
            return Loaded(account_id, data, qualify(session, account_id))

        self._ctx.read(work, self._fill, self._failed, key=LOAD_KEY)

    def _fill(self, result: Loaded) -> None:
        if not shiboken6.isValid(self) or result.account_id != self._account_id:
            return  # closed meanwhile, or another account asked for since
        self._last = result
        data = result.data
        self.header.set_header(data.header)
        self.contacts.set_rows(data.contacts)
        self.opportunities.set_rows(data.opportunities)
        self.documents.set_rows(data.documents)
        self.tickets.set_rows(data.tickets)
        self.timeline.set_timeline(data.timeline, data.timeline_total)
        self.notes.set_rows(data.notes)
        self.attachments.set_rows(data.attachments)
        self.sites.set_rows(data.sites)
        self.qualification.set_qualification(result.qualification)
        self._retitle(result)
        self.stack.setCurrentIndex(1)
        self.loaded.emit(result.account_id)
        # Coverage waits until the user stays on the account: clicking through accounts must not
        # queue a strength computation per account on the single database worker.
        self._coverage_timer.start()

    def _on_preference(self, key: str) -> None:
        if key == COLD_DAYS_KEY and self._account_id is not None:
            self._coverage_timer.start()

    # -- coverage: relationship strengths and warnings, a second read after the view is up -----
    def _load_coverage(self) -> None:
        account_id = self._account_id
        if account_id is None:
            return

        cold_days = preferences().cold_days()

        def work(session: Any) -> tuple[str, dict[str, Any], list[Any]] | None:
            if account_id != self._account_id:
                return None  # the user moved on while this waited in the queue
            return (
                account_id,
                contact_strengths(session, account_id),
                account_warnings(session, account_id, cold_days=cold_days),
            )

        self._ctx.read(work, self._fill_coverage, self._failed, key=COVERAGE_KEY)

    def _fill_coverage(self, result: tuple[str, dict[str, Any], list[Any]] | None) -> None:
        if result is None:
            return
        account_id, strengths, warnings = result
        if not shiboken6.isValid(self) or account_id != self._account_id:
            return
        self.contacts.model.set_strengths(strengths)
        self.contacts.refit_columns()
        names = {row.id: row.name for row in self.contacts.model.rows()}
        self.header.set_warnings([warning_text(w, names) for w in warnings])
        self.coverageLoaded.emit(account_id)

    def _failed(self, error: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        if isinstance(error, NotFound):
            self.placeholder.setText(
                self.tr("This account no longer exists. It may have been deleted.")
            )
        else:
            self.placeholder.setText(fill(self.tr("The account could not be loaded.\n\n%1"), error))
            self._ctx.report_error(error)
        self._last = None
        self.stack.setCurrentIndex(0)

    def _on_changes(self, changes: Changes) -> None:
        # Revenue shares and subsidiary counts depend on other accounts' rows too, so any write
        # to a shown table reloads; the read is one transaction and stale requests are dropped.
        if self._account_id is not None and changes.touches(*SHOWN_TABLES):
            self._reload_timer.start()

    # -- tabs and requests --------------------------------------------------------------------
    def _tab_order(self) -> list[QWidget]:
        # What a KAM checks first comes first; the last tabs may scroll off a narrow window.
        return [
            self.contacts,
            self.stakeholder_map,
            self.opportunities,
            self.timeline,
            self.mail,
            self.qualification,
            self.documents,
            self.tickets,
            self.notes,
            self.attachments,
            self.sites,
        ]

    def _retitle(self, result: Loaded | None) -> None:
        d = result.data if result else None
        titles = [
            (self.contacts, self.tr("Contacts (%1)"), len(d.contacts) if d else 0),
            (self.opportunities, self.tr("Opportunities (%1)"), len(d.opportunities) if d else 0),
            (self.documents, self.tr("Quotes & invoices (%1)"), len(d.documents) if d else 0),
            (self.tickets, self.tr("Tickets (%1)"), len(d.tickets) if d else 0),
            (self.timeline, self.tr("Timeline (%1)"), d.timeline_total if d else 0),
            (self.mail, self.tr("Emails (%1)"), self.mail.count() if d else 0),
            (self.notes, self.tr("Notes (%1)"), d.notes_total if d else 0),
            (self.attachments, self.tr("Attachments (%1)"), len(d.attachments) if d else 0),
            (self.sites, self.tr("Sites (%1)"), len(d.sites) if d else 0),
        ]
        for tab, text, count in titles:
            self.tabs.setTabText(self.tabs.indexOf(tab), fill(text.replace("&", "&&"), count))

        self.tabs.setTabText(self.tabs.indexOf(self.stakeholder_map), self.tr("Stakeholder map"))
        q = result.qualification if result else None
        score = (
            fill(self.tr("Qualification (%1/%2)"), q.total, MAX_SCORE * len(q.criteria))
            if q
            else self.tr("Qualification")
        )
        self.tabs.setTabText(self.tabs.indexOf(self.qualification), score)

    def _ask(self, signal: Any, *extra: str) -> None:
        if self._account_id is not None:
            signal.emit(self._account_id, *extra)

    def _build_toolbars(self) -> None:
        c = self.contacts
        c.add_button(
            self.tr("New contact"), lambda: self._ask(self.newContactRequested), primary=True
        )
        c.add_button(
            self.tr("Edit"),
            lambda: self._on_current(c, self.editContactRequested),
            needs_selection=True,
        )
        c.add_button(
            self.tr("Delete"),
            lambda: self._on_current(c, self.deleteContactRequested),
            needs_selection=True,
        )
        c.activated.connect(self.editContactRequested)
        c.deletePressed.connect(self.deleteContactRequested)

        for tab in (self.timeline, self.notes):
            if tab is self.timeline:
                tab.add_button(
                    self.tr("Log a call"), lambda: self._ask(self.newInteractionRequested, "call")
                )
                tab.add_button(
                    self.tr("Log a meeting"),
                    lambda: self._ask(self.newInteractionRequested, "meeting"),
                )
            tab.add_button(
                self.tr("Add a note"), lambda: self._ask(self.newInteractionRequested, "note")
            )
            tab.add_button(
                self.tr("Edit"),
                lambda t=tab: self._on_current(t, self.editInteractionRequested),
                needs_selection=True,
            )
            tab.add_button(
                self.tr("Delete"),
                lambda t=tab: self._on_current(t, self.deleteInteractionRequested),
                needs_selection=True,
            )
            tab.activated.connect(self.editInteractionRequested)
            tab.deletePressed.connect(self.deleteInteractionRequested)

        o = self.opportunities
        o.add_button(
            self.tr("New opportunity"),
            lambda: self._ask(self.newOpportunityRequested),
            primary=True,
        )
        o.add_button(
            self.tr("Open"),
            lambda: self._on_current(o, self.editOpportunityRequested),
            needs_selection=True,
        )
        o.activated.connect(self.editOpportunityRequested)

        s = self.sites
        s.add_button(self.tr("New site"), lambda: self._ask(self.newSiteRequested), primary=True)
        s.add_button(
            self.tr("Edit"),
            lambda: self._on_current(s, self.editSiteRequested),
            needs_selection=True,
        )
        s.add_button(
            self.tr("Delete"),
            lambda: self._on_current(s, self.deleteSiteRequested),
            needs_selection=True,
        )
        s.activated.connect(self.editSiteRequested)
        s.deletePressed.connect(self.deleteSiteRequested)

    @staticmethod
    def _on_current(tab: RecordTab, signal: Any) -> None:
        if current := tab.current_id():
            signal.emit(current)
