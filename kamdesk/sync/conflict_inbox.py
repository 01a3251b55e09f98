"""The conflict inbox seen from one client: what waits for a person, what was settled alone.

Thin functions over a ``SyncClient``: its HTTP connection for the server's conflict log
(``GET /v1/conflicts``, ``POST /v1/conflicts/{id}/resolve``) and its local database to name
what a conflict is about — the record ("Claire Martin"), its account, the stage behind a
``stage_id`` — so that a person can choose without knowing ids. Plain Python, no Qt.

A resolution is a write on the server; the client sees it at its next pull (the caller pulls
right after, so the screen shows the chosen value at once).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

import httpx
from sqlalchemy import Connection, String, Table, Text, select

from kamdesk.hlc import Timestamp
from kamdesk.sync import errors
from kamdesk.sync.client import SyncClient, check_response
from kamdesk.sync.protocol import ConflictList, ConflictOut, is_keep_both, version_headers

RECENT_DAYS = 7
Choice = Literal["server", "client", "value"]
ValueKind = Literal["text", "money", "stage", "pipeline", "status", "reference", "other"]

# The column that names a row of each table, in the order tried.
_LABEL_COLUMNS = ("name", "title", "subject", "number", "filename", "code", "message")


class AlreadySettled(errors.SyncError):
    """Someone settled this conflict meanwhile (or it left this user's accounts)."""

    def __init__(self, detail: str = "") -> None:
        super().__init__("this conflict was settled meanwhile" + (f" ({detail})" if detail else ""))


class NotAllowed(errors.SyncError):
    """This user may read the record but not change it (read-only role or team)."""

    def __init__(self, detail: str = "") -> None:
        super().__init__(detail or "you may not change this record")


@dataclass(frozen=True)
class Side:
    """One of the two values of a conflict: what, by whom, when it was typed."""

    value: Any
    user: str | None
    at: dt.datetime | None


@dataclass(frozen=True)
class InboxEntry:
    id: int
    table: str
    row_id: str
    field: str  # "*" for a delete that met an edit
    kind: Literal["field", "delete"]
    status: Literal["auto", "open", "resolved"]
    kept: Literal["server", "client"]  # whose value the record holds
    server: Side  # the value the server had
    client: Side  # the value a device sent that met it
    logged_at: dt.datetime | None
    value_kind: ValueKind
    record: str | None = None  # how this computer names the record (None: not here)
    account: str | None = None
    account_id: str | None = None
    currency: str | None = None  # for amounts
    names: Mapping[str, str] = dataclasses.field(default_factory=dict)  # ids in the values → names

    @property
    def kept_side(self) -> Side:
        return self.server if self.kept == "server" else self.client

    @property
    def other_side(self) -> Side:
        """The value the record does not hold: waiting (open) or replaced (auto)."""
        return self.client if self.kept == "server" else self.server

    @property
    def other_choice(self) -> Choice:
        return "client" if self.kept == "server" else "server"

    @property
    def mergeable(self) -> bool:
        """Free text, where a person may write a value of their own from both."""
        return self.kind == "field" and self.value_kind == "text"


# -- reading ------------------------------------------------------------------------------------


def _get(client: SyncClient, status: str, limit: int) -> list[ConflictOut]:
    response = client.request("GET", "/v1/conflicts", params={"status": status, "limit": limit})
    try:
        return ConflictList.model_validate_json(response.content).conflicts
    except ValueError as exc:
        raise errors.ServerProblem("the sync server sent an unreadable answer") from exc


def open_conflicts(client: SyncClient, *, limit: int = 200) -> list[InboxEntry]:
    """Conflicts waiting for a person, newest first, named from the local database."""
    return describe(client, _get(client, "open", limit))


def open_count(client: SyncClient) -> int:
    return len(_get(client, "open", 1000))


def recently_settled(
    client: SyncClient,
    *,
    days: int = RECENT_DAYS,
    now: dt.datetime | None = None,
    limit: int = 200,
) -> list[InboxEntry]:
    """Conflicts the server settled alone (newer value kept) in the last ``days`` days."""
    since = (now or dt.datetime.now(dt.UTC)) - dt.timedelta(days=days)
    found = _get(client, "auto", limit)
    return describe(
        client, [c for c in found if (logged := _parse_time(c.created_at)) and logged >= since]
    )


# -- resolving ----------------------------------------------------------------------------------


def resolve(client: SyncClient, conflict_id: int, choice: Choice, value: Any = None) -> None:
    """Send a person's choice: keep the server's value, the client's, or ``value`` (merged).

    Raises ``AlreadySettled`` when someone was quicker, ``NotAllowed`` for a read-only user;
    the other ``SyncError``s as every request does (offline, sign in again, update…).
    """
    body = {"choice": choice, "value": value if choice == "value" else None}
    headers = {
        "Authorization": f"Bearer {client.token}",
        "Content-Type": "application/json",
        **version_headers(),
    }
    try:
        response = client.http.post(
            f"{client.server_url}/v1/conflicts/{conflict_id}/resolve",
            content=json.dumps(body, ensure_ascii=False).encode(),
            headers=headers,
        )
    except httpx.TransportError as exc:
        raise errors.Offline(type(exc).__name__) from exc
    detail = _detail(response)
    if response.status_code in (404, 409):
        raise AlreadySettled(detail)
    if response.status_code == 403:
        raise NotAllowed(detail)
    check_response(response)


def _detail(response: httpx.Response) -> str:
    if response.status_code < 400:
        return ""
    try:
        return str(response.json().get("detail") or "")
    except (ValueError, AttributeError):
        return ""


def merged_text(first: str | None, second: str | None) -> str:
    """A starting point for a merged text: both, unless one already holds the other."""
    a, b = (first or "").strip(), (second or "").strip()
    if not a or b.find(a) >= 0:
        return b
    if not b or a.find(b) >= 0:
        return a
    return f"{a}\n\n{b}"


# -- naming what a conflict is about ------------------------------------------------------------


def _parse_time(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def hlc_time(hlc: str | None) -> dt.datetime | None:
    """When a value was typed: the wall clock part of its HLC."""
    if not hlc:
        return None
    try:
        wall_ms = Timestamp.parse(hlc).wall_ms
    except ValueError:
        return None
    return dt.datetime.fromtimestamp(wall_ms / 1000, dt.UTC)


def _table(name: str) -> Table | None:
    from kamdesk.models import Base

    return Base.metadata.tables.get(name)


def value_kind(table_name: str, column: str) -> ValueKind:
    table = _table(table_name)
    if table is None or column not in table.c:
        return "other"
    col = table.c[column]
    if column.endswith("_cents"):
        return "money"
    if column == "stage_id":
        return "stage"
    if column == "pipeline_id":
        return "pipeline"
    if column == "status":
        return "status"
    if col.foreign_keys:
        return "reference"
    if isinstance(col.type, Text) or (
        isinstance(col.type, String) and is_keep_both(table_name, column)
    ):
        return "text"
    return "other"


def _label(conn: Connection, table_name: str, row_id: str) -> str | None:
    table = _table(table_name)
    if table is None or "id" not in table.c:
        return None
    if table_name == "contacts":
        row = conn.execute(
            select(table.c.first_name, table.c.last_name).where(table.c.id == row_id)
        ).first()
        return " ".join(p for p in row if p) if row is not None else None
    column = next((c for c in _LABEL_COLUMNS if c in table.c), None)
    if column is None:
        return None
    found = conn.execute(select(table.c[column]).where(table.c.id == row_id)).scalar()
    return str(found) if found is not None else None


def _referenced(table_name: str, column: str) -> str | None:
    table = _table(table_name)
    if table is None or column not in table.c:
        return None
    keys = list(table.c[column].foreign_keys)
    return keys[0].column.table.name if keys else None


def _context(conn: Connection, c: ConflictOut) -> tuple[str | None, str | None, str | None]:
    """The record's account (id, name) and currency, when the record is on this computer."""
    table = _table(c.table)
    if table is None:
        return None, None, None
    wanted = [table.c[n] for n in ("account_id", "currency") if n in table.c]
    row = conn.execute(select(*wanted).where(table.c.id == c.row_id)).first() if wanted else None
    values = dict(zip([w.name for w in wanted], row or (), strict=False))
    account_id = c.row_id if c.table == "accounts" else values.get("account_id")
    account = _label(conn, "accounts", account_id) if account_id else None
    return account_id, account, values.get("currency")


def _names(conn: Connection, c: ConflictOut) -> dict[str, str]:
    """Names of the records a reference field's two values point at (stages, owners…)."""
    target = _referenced(c.table, c.field) if c.kind == "field" else None
    names: dict[str, str] = {}
    if target is None:
        return names
    for value in (c.server_value, c.client_value):
        if isinstance(value, str) and (label := _label(conn, target, value)):
            names[value] = label
    return names


def describe(client: SyncClient, found: list[ConflictOut]) -> list[InboxEntry]:
    """Name each conflict's record, account and referenced ids from the local database."""
    entries = []
    with client.db.engine.connect() as conn:
        for c in found:
            account_id, account, currency = _context(conn, c)
            entries.append(
                InboxEntry(
                    id=c.id,
                    table=c.table,
                    row_id=c.row_id,
                    field=c.field,
                    kind=c.kind,
                    status=c.status,
                    kept=c.kept,
                    server=Side(c.server_value, c.server_user, hlc_time(c.server_hlc)),
                    client=Side(c.client_value, c.client_user, hlc_time(c.client_hlc)),
                    logged_at=_parse_time(c.created_at),
                    value_kind=value_kind(c.table, c.field) if c.kind == "field" else "other",
                    record=_label(conn, c.table, c.row_id),
                    account=None if c.table == "accounts" else account,
                    account_id=account_id,
                    currency=currency,
                    names=_names(conn, c),
                )
            )
    return entries
