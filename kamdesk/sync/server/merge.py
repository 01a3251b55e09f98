"""Per-field merge of one mutation into the stored row: pure, no I/O.

Each stored field has a write record ``[hlc, version, client]`` (``"*"``: the insert's, for
fields not written since). A field the mutation's client had seen — its last write is at or
below the mutation's ``seen`` version, or was this client's own — simply takes the new value.
Otherwise the two writes were concurrent:

- equal values: nothing to do;
- keep-both fields (free text, amounts, stages): the stored value stays, an *open* conflict
  keeps the other one until a person chooses;
- ordinary fields: the newer HLC wins, the loser is logged (*auto*-resolved).

A delete wins over concurrent edits: the edits still land on the (deleted) row, so a restore
brings them back, and a conflict says what happened.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from kamdesk.sync.protocol import is_keep_both

# Set by the server from the mutation itself, never merged field by field.
BOOKKEEPING = frozenset({"id", "hlc", "updated_at", "created_at"})
DELETED = "deleted_at"

FieldWrite = tuple[str, int, str]  # hlc, server version, client id


@dataclass(frozen=True)
class FieldConflict:
    field: str
    kind: Literal["field", "delete"]
    status: Literal["auto", "open"]
    kept: Literal["server", "client"]
    server_value: Any
    server_hlc: str | None
    server_client: str | None
    client_value: Any


@dataclass
class Merged:
    data: dict[str, Any]
    meta: dict[str, list[Any]]
    applied: list[str] = field(default_factory=list)
    conflicts: list[FieldConflict] = field(default_factory=list)


def last_write(meta: dict[str, list[Any]], name: str) -> FieldWrite:
    hlc, version, client = meta.get(name) or meta["*"]
    return hlc, version, client


def new_meta(hlc: str, version: int, client: str) -> dict[str, list[Any]]:
    return {"*": [hlc, version, client]}


def merge(
    table: str,
    data: dict[str, Any],
    meta: dict[str, list[Any]],
    *,
    op: str,
    fields: dict[str, Any],
    hlc: str,
    seen: int,
    client: str,
    version: int,
    at: str | None,
    resend: bool = False,
) -> Merged:
    """Merge ``fields`` (written at ``hlc`` by ``client``, who had seen ``seen``) into a copy.

    ``resend``: the whole row as a client holds it, sent again to a store restored from a
    backup. A field the store holds from a write newer than the row's ``hlc`` (the client's
    last write to it) cannot be one the client changed since: its value there is just older
    state, and the store's stays, with no conflict."""
    out = Merged(dict(data), {k: list(v) for k, v in meta.items()})

    def saw(name: str) -> bool:
        _, written, by = last_write(meta, name)
        return by == client or written <= seen

    def take(name: str, value: Any) -> None:
        out.data[name] = value
        out.meta[name] = [hlc, version, client]
        out.applied.append(name)

    was_deleted = data.get(DELETED) is not None
    for name, value in fields.items():
        if name in BOOKKEEPING:
            continue
        current = data.get(name)
        if current == value:
            continue
        if name == DELETED and op == "delete":
            if not was_deleted:  # already deleted: the first deletion's date stays
                take(name, value)
            continue
        if saw(name):
            take(name, value)
            continue
        stored_hlc, _, stored_by = last_write(meta, name)
        if resend and stored_hlc > hlc:
            continue
        if is_keep_both(table, name):
            out.conflicts.append(
                FieldConflict(
                    name, "field", "open", "server", current, stored_hlc, stored_by, value
                )
            )
        elif hlc > stored_hlc:
            take(name, value)
            out.conflicts.append(
                FieldConflict(
                    name, "field", "auto", "client", current, stored_hlc, stored_by, value
                )
            )
        else:
            out.conflicts.append(
                FieldConflict(
                    name, "field", "auto", "server", current, stored_hlc, stored_by, value
                )
            )

    if op == "delete" and not was_deleted:
        # Edits the deleting client never saw (a restore included) stay on the row; say so.
        unseen = {
            name: data.get(name)
            for name in data
            if name not in BOOKKEEPING and name in meta and not saw(name)
        }
        if unseen:
            stored_hlc, _, stored_by = max(last_write(meta, n) for n in unseen)
            out.conflicts.append(
                FieldConflict(
                    "*",
                    "delete",
                    "auto",
                    "client",
                    unseen,
                    stored_hlc,
                    stored_by,
                    fields.get(DELETED),
                )  # fmt: skip
            )
    elif op == "update" and was_deleted and not saw(DELETED):
        stored_hlc, _, stored_by = last_write(meta, DELETED)
        edit = {k: v for k, v in fields.items() if k not in BOOKKEEPING}
        out.conflicts.append(
            FieldConflict(
                "*", "delete", "auto", "server", data.get(DELETED), stored_hlc, stored_by, edit
            )
        )

    if out.applied:
        out.data["hlc"] = max(str(data.get("hlc") or ""), hlc)
        if at:
            out.data["updated_at"] = at
    return out
