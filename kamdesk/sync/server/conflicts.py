"""The conflict log: listing what a user may see, and a person's resolution of an open one."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select, update

from kamdesk.hlc import HybridLogicalClock
from kamdesk.sync.protocol import ConflictOut, ResolveRequest
from kamdesk.sync.server import records as rec
from kamdesk.sync.server.access import load_access
from kamdesk.sync.server.auth import Principal
from kamdesk.sync.server.store import Store, now_iso
from kamdesk.sync.server.tables import conflicts, records

RESOLUTION_CLIENT = "resolution"  # the writer of a resolved value: no device saw it yet


class ConflictError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def list_conflicts(
    store: Store, principal: Principal, *, status: str = "open", limit: int = 200
) -> list[ConflictOut]:
    with store.read() as conn:
        access = load_access(conn, principal)
        query = (
            select(conflicts)
            .join(
                records,
                (records.c.table_name == conflicts.c.table_name)
                & (records.c.row_id == conflicts.c.row_id),
            )
            .where(access.readable(records.c.bucket))
            .order_by(conflicts.c.id.desc())
            .limit(limit)
        )
        if status != "all":
            query = query.where(conflicts.c.status == status)
        return [_out(row) for row in conn.execute(query).mappings()]


def resolve(store: Store, principal: Principal, conflict_id: int, request: ResolveRequest) -> None:
    """Apply a person's choice to the row as a new write (which every client then pulls)."""
    with store.write() as w:
        access = load_access(w.conn, principal)
        row = w.conn.execute(select(conflicts).where(conflicts.c.id == conflict_id)).first()
        record = rec.load(w.conn, row.table_name, row.row_id) if row is not None else None
        if row is None or record is None or not access.can_read(record.bucket):
            raise ConflictError(404, "no such conflict")
        if not access.can_write(record.bucket):
            raise ConflictError(403, "you may not change this record")
        if row.status == "resolved":
            raise ConflictError(409, "this conflict is already resolved")
        if row.kind == "field":
            chosen = {
                "server": lambda: json.loads(row.server_value),
                "client": lambda: json.loads(row.client_value),
                "value": lambda: request.value,
            }[request.choice]()
            problem = rec.check_fields(row.table_name, "update", {row.field: chosen})
            if problem:
                raise ConflictError(422, problem)
            if record.data.get(row.field) != chosen:
                clock = HybridLogicalClock("server")
                clock.observe(str(record.data.get("hlc") or "") or None)
                hlc = clock.now()
                version = w.version + 1
                record.data[row.field] = chosen
                record.data["hlc"] = hlc
                record.data["updated_at"] = now_iso()
                record.meta[row.field] = [hlc, version, RESOLUTION_CLIENT]
                rec.update_record(w, record, old_bucket=record.bucket)
        w.conn.execute(
            update(conflicts)
            .where(conflicts.c.id == conflict_id)
            .values(
                status="resolved",
                resolution=json.dumps({"choice": request.choice, "value": request.value}),
                resolved_by=principal.name,
                resolved_at=now_iso(),
            )
        )


def _out(row: Any) -> ConflictOut:
    def value(text: str | None) -> Any:
        return json.loads(text) if text is not None else None

    return ConflictOut(
        id=row["id"],
        table=row["table_name"],
        row_id=row["row_id"],
        field=row["field"],
        kind=row["kind"],
        status=row["status"],
        kept=row["kept"],
        server_value=value(row["server_value"]),
        server_hlc=row["server_hlc"],
        server_user=row["server_user"],
        client_value=value(row["client_value"]),
        client_hlc=row["client_hlc"],
        client_user=row["client_user"],
        created_at=row["created_at"],
        resolution=value(row["resolution"]),
        resolved_by=row["resolved_by"],
    )
