"""A database whose rows never went through an outbox (the demo writes in bulk, without one)
signs in: its first sync sends them, so that the server knows them and their first edit is
applied — not refused and the row dropped from the device."""

from __future__ import annotations

from kamdesk.models import Account, Contact
from kamdesk.sync import local_state
from tests.sync.conftest import Team, table_rows


def test_rows_written_without_an_outbox_reach_the_server_at_the_first_sync(team: Team) -> None:
    claire = team.device("claire", "manager")
    with claire.db.unit_of_work(record_outbox=False) as uow:  # as `kamdesk demo` writes
        account = Account(name="Groupe Hélio")
        uow.session.add(account)
        uow.session.flush()
        uow.session.add(Contact(account_id=account.id, first_name="Loïc", last_name="Picard"))
        uow.commit()
        account_id = account.id
    claire.edit(Account, account_id, sector="Industrie")  # waits in the outbox

    first = claire.client.sync()
    assert first.rejected == 0 and first.removed == 0 and first.resent == 0
    assert first.pushed == 2 + 1  # the two bulk rows, then the edit
    claire.edit(Account, account_id, website="https://helio.example")
    second = claire.client.sync()
    assert (second.pushed, second.rejected, second.removed) == (1, 0, 0)

    other = team.device("boss", "manager")
    other.client.sync()
    assert other.get(Account, account_id).website == "https://helio.example"
    assert other.get(Account, account_id).sector == "Industrie"
    for table in ("accounts", "contacts"):
        assert table_rows(other.db, table) == table_rows(claire.db, table)
    with claire.db.engine.connect() as conn:
        assert local_state.get_setting(conn, local_state.ADOPTED_KEY) == "1"
