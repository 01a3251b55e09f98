"""Global search as a user meets it: Ctrl+K, type, pick a result, land on the record."""

from __future__ import annotations

import threading
import time
import unicodedata
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from kamdesk.models import Account, Contact, Interaction, Opportunity
from kamdesk.services.search import (
    ACCOUNT,
    ACTIVITY,
    CONTACT,
    OPPORTUNITY,
    KindResults,
    SearchHit,
    SearchResults,
    SearchSession,
)
from kamdesk.ui.main_window import MainWindow
from kamdesk.ui.search.delegate import marked_segments
from kamdesk.ui.search.model import DETAIL_ROLE, HEADER_ROLE, HIT_ROLE, SearchResultsModel
from kamdesk.ui.search.worker import SearchThread


def plain(text: str) -> str:
    """``Rivière — Brest`` → ``riviere brest``: what a hurried user types.

    (QTest.keyClicks can only type ASCII: any other character aborts the process.)
    """
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_only = "".join(
        ch if ch.isascii() else " " for ch in decomposed if not unicodedata.combining(ch)
    )
    return " ".join(ascii_only.lower().split())


@pytest.fixture
def window(qtbot, ctx, wait_worker) -> MainWindow:
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    wait_worker()
    return win


def wait_results(qtbot, window: MainWindow, text: str) -> SearchResults:
    model = window.search.popup.model
    qtbot.waitUntil(
        lambda: model.results is not None and model.results.text == text, timeout=10_000
    )
    assert model.results is not None
    return model.results


def type_search(qtbot, window: MainWindow, text: str) -> SearchResults:
    qtbot.keyClick(window.accounts.view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.search.popup.field, text)
    return wait_results(qtbot, window, text)


def accented_contact(ctx) -> Contact:
    """A live contact whose last name carries an accent (the demo has several)."""
    with ctx.db.read() as session:
        for contact in session.scalars(
            select(Contact).where(Contact.deleted_at.is_(None)).order_by(Contact.last_name)
        ):
            if (
                plain(contact.last_name) != contact.last_name.lower()
                and " " not in contact.last_name
            ):
                session.expunge(contact)
                return contact
    raise AssertionError("the demo has no accented last name")


def move_to(qtbot, window: MainWindow, kind: str, record_id: str) -> None:
    """Press Down until the palette's current result is ``record_id``."""
    popup = window.search.popup
    for _ in range(popup.model.rowCount()):
        hit = popup.current_hit()
        if hit is not None and (hit.kind, hit.id) == (kind, record_id):
            return
        qtbot.keyClick(popup.field, Qt.Key.Key_Down)
    raise AssertionError(f"{kind} {record_id} is not in the results")


# -- opening and closing ----------------------------------------------------------------------


def test_ctrl_k_opens_the_palette_with_focus_in_the_field(qtbot, window) -> None:
    popup = window.search.popup
    assert not popup.isVisible()
    window.accounts.view.setFocus()
    qtbot.keyClick(window.accounts.view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert popup.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is popup.field)
    assert popup.field.text() == ""
    assert popup.message.isVisible() and not popup.list.isVisible()  # the prompt, no results yet

    qtbot.keyClick(popup.field, Qt.Key.Key_Escape)
    assert not popup.isVisible()
    assert QApplication.focusWidget() is window.accounts.view  # back where the user was


def test_the_toolbar_box_opens_the_palette_with_what_was_typed(qtbot, window) -> None:
    box = window.search.box
    assert "(Ctrl+K)" in box.placeholderText()
    assert box.width() >= box.fontMetrics().horizontalAdvance(box.placeholderText())
    qtbot.keyClicks(box, "v")
    popup = window.search.popup
    assert popup.isVisible() and popup.field.text() == "v" and box.text() == ""
    qtbot.keyClicks(popup.field, "allo")
    results = wait_results(qtbot, window, "vallo")
    assert results.group(ACCOUNT).hits


def test_a_click_outside_closes_the_palette(qtbot, window) -> None:
    type_search(qtbot, window, "vallorex")
    popup = window.search.popup
    qtbot.mouseClick(window.accounts.view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert not popup.isVisible()


# -- finding and opening ----------------------------------------------------------------------


def test_a_contact_is_found_without_accents_and_opened_on_the_contacts_tab(
    qtbot, ctx, window
) -> None:
    contact = accented_contact(ctx)
    typed = plain(contact.last_name)
    results = type_search(qtbot, window, typed)
    assert contact.id in [h.id for h in results.group(CONTACT).hits]
    assert results.group(CONTACT).hits[0].match == 0  # the exact last name comes first

    # The list shows it under the "Contacts" header, with its job and account beneath.
    model = window.search.popup.model
    rows = [model.index(r, 0) for r in range(model.rowCount())]
    headers = [i.data() for i in rows if i.data(HEADER_ROLE) is not None]
    assert "Contacts" in headers
    row = next(i for i in rows if (hit := i.data(HIT_ROLE)) is not None and hit.id == contact.id)
    assert row.data(DETAIL_ROLE).endswith(row.data(HIT_ROLE).account_name)

    move_to(qtbot, window, CONTACT, contact.id)
    view = window.account_view
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        qtbot.keyClick(window.search.popup.field, Qt.Key.Key_Return)
    assert not window.search.popup.isVisible()
    assert window.right.currentWidget() is view
    assert view.account_id() == contact.account_id
    assert view.tabs.currentWidget() is view.contacts
    qtbot.waitUntil(lambda: view.contacts.current_id() == contact.id)


def test_a_click_opens_an_opportunity_on_its_tab(qtbot, ctx, window) -> None:
    with ctx.db.read() as session:
        opp = session.scalars(
            select(Opportunity).where(Opportunity.deleted_at.is_(None)).order_by(Opportunity.title)
        ).first()
        title, opp_id, account_id = opp.title, opp.id, opp.account_id
    type_search(qtbot, window, plain(title))
    model = window.search.popup.model
    row = next(
        r
        for r in range(model.rowCount())
        if (hit := model.hit_at(r)) is not None and hit.kind == OPPORTUNITY and hit.id == opp_id
    )
    list_view = window.search.popup.list
    list_view.scrollTo(model.index(row, 0))
    centre = list_view.visualRect(model.index(row, 0)).center()
    with qtbot.waitSignal(window.account_view.loaded, timeout=10_000):
        qtbot.mouseClick(list_view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    view = window.account_view
    assert view.account_id() == account_id
    assert view.tabs.currentWidget() is view.opportunities
    qtbot.waitUntil(lambda: view.opportunities.current_id() == opp_id)


def test_an_activity_opens_on_the_timeline(qtbot, ctx, window) -> None:
    with ctx.db.read() as session:
        newest = session.scalars(
            select(Interaction)
            .where(Interaction.deleted_at.is_(None))
            .order_by(Interaction.occurred_at.desc())
        ).first()
        subject, activity_id, account_id = newest.subject, newest.id, newest.account_id
        other = session.scalars(select(Account.id).where(Account.id != account_id)).first()
    # Show another account first, so that opening the hit has to load its account.
    if window.account_view.account_id() == account_id:
        with qtbot.waitSignal(window.account_view.loaded, timeout=10_000):
            window.open_account(other)
    results = type_search(qtbot, window, plain(subject))
    assert activity_id in [h.id for h in results.group(ACTIVITY).hits]
    move_to(qtbot, window, ACTIVITY, activity_id)
    with qtbot.waitSignal(window.account_view.loaded, timeout=10_000):
        qtbot.keyClick(window.search.popup.field, Qt.Key.Key_Enter)
    view = window.account_view
    assert view.account_id() == account_id
    assert view.tabs.currentWidget() is view.timeline
    qtbot.waitUntil(lambda: view.timeline.current_id() == activity_id)


def test_an_account_opens_in_the_360_view(qtbot, window) -> None:
    results = type_search(qtbot, window, "vallorex sante")
    hit = results.group(ACCOUNT).hits[0]
    assert hit.title == "Vallorex Santé"
    with qtbot.waitSignal(window.account_view.loaded, timeout=10_000):
        qtbot.keyClick(window.search.popup.field, Qt.Key.Key_Return)  # the first result is current
    assert window.account_view.account_id() == hit.id
    assert window.accounts.current_account_id() == hit.id


def test_up_and_down_skip_the_group_headers(qtbot, window) -> None:
    type_search(qtbot, window, "vallorex")
    popup = window.search.popup
    seen = [popup.current_hit()]
    for _ in range(popup.model.hit_count() + 2):  # past the end: stays on the last
        qtbot.keyClick(popup.field, Qt.Key.Key_Down)
        seen.append(popup.current_hit())
    assert None not in seen
    assert len({h.id for h in seen}) == popup.model.hit_count()
    assert seen[-1] == seen[-2]
    for _ in range(popup.model.hit_count() + 2):
        qtbot.keyClick(popup.field, Qt.Key.Key_Up)
    assert popup.current_hit() == seen[0]


# -- typing fast ------------------------------------------------------------------------------


def test_typing_fast_ends_with_the_results_of_the_final_text(qtbot, ctx, window) -> None:
    contact = accented_contact(ctx)
    shown: list[str] = []
    popup = window.search.popup
    original = popup.set_results
    popup.set_results = lambda results: (shown.append(results.text), original(results))  # type: ignore[method-assign]
    qtbot.keyClick(window.accounts.view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    for chunk in ("a", "b", "c", " ", "x"):  # a first word, then another…
        qtbot.keyClicks(popup.field, chunk)
    popup.field.clear()
    final = plain(contact.last_name)
    qtbot.keyClicks(popup.field, final)
    results = wait_results(qtbot, window, final)
    qtbot.wait(100)  # let any late answer to an older text arrive: it must be dropped
    assert popup.model.results is results and shown[-1] == final
    assert contact.id in [h.id for h in results.group(CONTACT).hits]
    # Only answers to the text in the field at the time were ever shown.
    assert all(
        final.startswith(text) or text in ("a", "ab", "abc", "abc ", "abc x", "") for text in shown
    )


def test_an_answer_to_an_older_text_is_ignored(qtbot, window) -> None:
    type_search(qtbot, window, "vallorex")
    before = window.search.popup.model.results
    stale = SearchResults("vallo", tuple(KindResults(k, (), False) for k in (ACCOUNT, CONTACT)))
    window.search.thread.resultsReady.emit(stale)
    qtbot.wait(20)
    assert window.search.popup.model.results is before


def test_a_search_that_finds_nothing_says_so(qtbot, window) -> None:
    type_search(qtbot, window, "zzqxw")
    popup = window.search.popup
    assert popup.model.rowCount() == 0
    assert "zzqxw" in popup.message.text() and popup.message.isVisible()


def test_a_rename_shows_in_open_results(qtbot, ctx, window, wait_worker) -> None:
    from kamdesk.services import accounts

    results = type_search(qtbot, window, "vallorex sante")
    account_id = results.group(ACCOUNT).hits[0].id
    ctx.write(
        lambda uow: accounts.update_account(uow, account_id, {"name": "Vallorex Santé Groupe"})
    )
    wait_worker()
    model = window.search.popup.model
    qtbot.waitUntil(
        lambda: (
            model.results is not None
            and "Vallorex Santé Groupe" in [h.title for h in model.results.group(ACCOUNT).hits]
        )
    )


# -- the thread -------------------------------------------------------------------------------


class Received(QObject):
    """Collects results on the GUI thread (a lambda would run on the search thread)."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []

    def add(self, results: SearchResults) -> None:
        self.texts.append(results.text)


def test_a_newer_request_interrupts_the_running_query(qtbot, ctx, monkeypatch) -> None:
    entered = threading.Event()
    original_init = SearchSession.__init__

    def init(session: SearchSession, path, **kwargs) -> None:  # noqa: ANN001
        original_init(session, path, **kwargs)
        held = []

        def hold_first_query_until_cancelled() -> int:
            if not held:  # the first query stops here, inside SQLite, until cancel() runs
                held.append(True)
                entered.set()
                while not session._cancelled:
                    time.sleep(0.001)
            return 0

        session.connection.set_progress_handler(hold_first_query_until_cancelled, 50)

    monkeypatch.setattr(SearchSession, "__init__", init)
    thread = SearchThread(ctx.db.path)
    received = Received()
    thread.resultsReady.connect(received.add)
    try:
        thread.request("vallorex")
        assert entered.wait(10)
        with qtbot.waitSignal(thread.resultsReady, timeout=10_000) as answered:
            thread.request("roux")
        assert answered.args[0].text == "roux"
        qtbot.wait(50)
        assert received.texts == ["roux"]  # the interrupted search never answered
        assert thread.searches_run == 2
    finally:
        assert thread.stop()
    assert not thread.isRunning()


def test_closing_the_window_stops_the_search_thread(qtbot, window) -> None:
    type_search(qtbot, window, "vallorex")
    thread = window.search.thread
    assert thread.isRunning()
    window.close()
    assert not thread.isRunning()
    window.show()  # shown again, it searches again
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    results = type_search(qtbot, window, "roux")
    assert results.group(CONTACT).hits and thread.isRunning()


def test_the_thread_survives_a_query_it_cannot_run(qtbot, window, monkeypatch) -> None:
    def broken(self, text, per_kind=8):  # noqa: ANN001, ANN202
        raise OSError("disk gone")

    monkeypatch.setattr(SearchSession, "search", broken)
    qtbot.keyClick(window.accounts.view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.search.popup.field, "vallorex")
    popup = window.search.popup
    qtbot.waitUntil(lambda: "disk gone" in popup.message.text())
    assert window.search.thread.isRunning()


# -- the parts --------------------------------------------------------------------------------


def sample_results() -> SearchResults:
    def hit(kind: str, n: int) -> SearchHit:
        return SearchHit(kind, f"{kind}-{n}", "acc-1", f"Vallorex {n}", "Vallorex", "Santé")

    return SearchResults(
        "vallo",
        (
            KindResults(ACCOUNT, (hit(ACCOUNT, 1), hit(ACCOUNT, 2)), False),
            KindResults(CONTACT, (), False),
            KindResults(OPPORTUNITY, (hit(OPPORTUNITY, 1),), True),
            KindResults(ACTIVITY, (), False),
        ),
    )


def test_the_results_model_groups_hits_under_headers(qtmodeltester) -> None:
    model = SearchResultsModel()
    model.set_results(sample_results())
    qtmodeltester.check(model)
    texts = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert texts == ["Accounts", "Vallorex 1", "Vallorex 2", "Opportunities", "Vallorex 1"]
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsSelectable
    assert model.index(3, 0).data(DETAIL_ROLE)  # the cut group says there is more
    assert not model.index(0, 0).data(DETAIL_ROLE)
    assert model.next_hit_row(2, 1) == 4 and model.next_hit_row(4, 1) == -1
    model.set_results(None)
    qtmodeltester.check(model)
    assert model.rowCount() == 0


@pytest.mark.parametrize(
    ("title", "typed", "expected"),
    [
        ("Lefèvre", ["lefe"], [("Lefè", True), ("vre", False)]),
        (
            "Société Générale",
            ["societe", "gen"],
            [("Société", True), (" ", False), ("Gén", True), ("érale", False)],
        ),
        ("Marc-Antoine Roux", ["ant"], [("Marc-", False), ("Ant", True), ("oine Roux", False)]),
        ("Vallorex", [], [("Vallorex", False)]),
        ("", ["x"], []),
    ],
)
def test_the_typed_words_are_marked_in_titles(title: str, typed: list[str], expected) -> None:
    assert marked_segments(title, typed) == expected


def test_the_palette_renders_to_png(qtbot, window, tmp_path: Path) -> None:
    type_search(qtbot, window, "vallo")
    qtbot.keyClick(window.search.popup.field, Qt.Key.Key_Down)
    image = window.search.popup.grab().toImage()
    path = tmp_path / "search_popup.png"
    assert image.save(str(path))
    assert image.width() >= 400 and image.height() >= 300


def test_an_activity_of_the_account_already_shown_is_selected_at_once(qtbot, ctx, window) -> None:
    account_id = window.account_view.account_id()
    assert account_id is not None  # a launch opens an account
    with ctx.db.read() as session:
        newest = session.scalars(
            select(Interaction)
            .where(Interaction.deleted_at.is_(None), Interaction.account_id == account_id)
            .order_by(Interaction.occurred_at.desc())
        ).first()
        subject, activity_id = newest.subject, newest.id
    results = type_search(qtbot, window, plain(subject))
    assert activity_id in [h.id for h in results.group(ACTIVITY).hits]
    move_to(qtbot, window, ACTIVITY, activity_id)
    qtbot.keyClick(window.search.popup.field, Qt.Key.Key_Enter)
    view = window.account_view
    assert view.tabs.currentWidget() is view.timeline
    qtbot.waitUntil(lambda: view.timeline.current_id() == activity_id)
