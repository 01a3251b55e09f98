"""``POST /v1/push``: a client's mutations, applied in order in one transaction.

Idempotent by (client, mutation id): a mutation seen before gets its first answer again, and its
row is re-sent, since the client may have replayed it locally over a newer server state.
A refused mutation changes nothing; its row is re-sent as the server has it (or dropped from
the client when the user may not see it), so the client's replica never drifts from the server.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import insert, select

from kamdesk.sync.buckets import SCOPES, UnknownParent, bucket_of, parent_key
from kamdesk.sync.protocol import Mutation, MutationResult
from kamdesk.sync.server import records as rec
from kamdesk.sync.server.access import Access, load_access
from kamdesk.sync.server.auth import Principal
from kamdesk.sync.server.merge import FieldConflict, Merged, merge, new_meta
from kamdesk.sync.server.store import Store, Writer, now_iso
from kamdesk.sync.server.tables import applied_mutations, conflicts, teams, tokens, users


class Refused(Exception):
    """The mutation may not be applied; the message is shown to the user."""


def push(store: Store, principal: Principal, mutations: list[Mutation]) -> list[MutationResult]:
    with store.write() as w:
        return _Push(w, principal, load_access(w.conn, principal)).run(mutations)


class _Push:
    def __init__(self, w: Writer, principal: Principal, access: Access) -> None:
        self.w = w
        self.me = principal
        self.access = access
        self._names: dict[str, str | None] = {principal.client_id: principal.name}
        self._row_version = 0

    def run(self, mutations: list[Mutation]) -> list[MutationResult]:
        done = self._already_applied([m.mutation_id for m in mutations])
        results = []
        for m in mutations:
            earlier = done.get(m.mutation_id)
            if earlier is not None:
                self._resend(m.table, m.row_id)
                results.append(earlier.model_copy(update={"duplicate": True}))
                continue
            self._row_version = self.w.version
            try:
                result = self._apply(m)
            except Refused as exc:
                self._resend(m.table, m.row_id)
                result = MutationResult(
                    mutation_id=m.mutation_id, status="rejected", reason=str(exc)
                )
            self._record(m, result)
            done[m.mutation_id] = result
            results.append(result)
        return results

    # -- one mutation --------------------------------------------------------------------------
    def _apply(self, m: Mutation) -> MutationResult:
        problem = rec.check_fields(m.table, m.op, m.fields)
        if problem is None and m.fields.get("id", m.row_id) != m.row_id:
            problem = "a record's id cannot change"
        if problem:
            raise Refused(problem)
        if self.access.role == "read_only":
            raise Refused("read-only users cannot change anything")
        record = rec.load(self.w.conn, m.table, m.row_id)
        if record is None:
            if m.op != "insert":
                raise Refused(f"this {m.table} record is not on the server")
            return self._insert(m)
        return self._update(m, record)

    def _insert(self, m: Mutation) -> MutationResult:
        data = dict(m.fields, id=m.row_id)
        data.setdefault("hlc", m.hlc)
        bucket = self._bucket(m.table, m.row_id, data, owner=self.me.user_id)
        self._check_writable(bucket, m.table, creating=True)
        record = rec.Record(
            m.table, m.row_id, bucket, self.me.user_id, parent_key(m.table, data), 0, data, {}
        )
        record.meta = new_meta(m.hlc, self.w.version + 1, self.me.client_id)
        rec.insert_record(self.w, record)
        self._row_version = record.version
        return MutationResult(mutation_id=m.mutation_id, status="applied")

    def _update(self, m: Mutation, record: rec.Record) -> MutationResult:
        self._check_writable(record.bucket, m.table)
        version = self.w.version + 1  # the version update_record will give the row
        merged = merge(
            m.table,
            record.data,
            record.meta,
            op=m.op,
            fields=m.fields,
            hlc=m.hlc,
            seen=m.seen,
            client=self.me.client_id,
            version=version,
            at=m.at,
            resend=m.resend,
        )
        old_bucket = record.bucket
        new_bucket = self._bucket(m.table, m.row_id, merged.data, owner=record.owner_id)
        if new_bucket != old_bucket:
            self._check_writable(new_bucket, m.table)
        record.data, record.meta, record.bucket = merged.data, merged.meta, new_bucket
        # Written even when nothing changed: the new version sends the server's state back to
        # the client, whose replica holds its own (losing or equal) values meanwhile.
        rec.update_record(self.w, record, old_bucket=old_bucket)
        assert record.version == version
        self._row_version = version
        self._log_conflicts(m, merged, record)
        return MutationResult(
            mutation_id=m.mutation_id, status="applied", conflicts=len(merged.conflicts)
        )

    # -- helpers -------------------------------------------------------------------------------
    def _bucket(self, table: str, row_id: str, data: dict[str, Any], *, owner: str) -> str:
        try:
            return bucket_of(
                table, row_id, data, owner=owner, parent_bucket=rec.bucket_lookup(self.w.conn)
            )
        except UnknownParent as exc:
            raise Refused(str(exc)) from None

    def _check_writable(self, bucket: str, table: str, *, creating: bool = False) -> None:
        if self.access.can_write(bucket):
            return
        if creating and SCOPES[table].kind == "self" and self._grant_creator(bucket):
            return  # a KAM who creates an account joins its team
        if bucket == "global":
            raise Refused(f"only managers and admins may change {table} (shared settings)")
        raise Refused(f"you are not in the team of this account, so you may not change its {table}")

    def _grant_creator(self, bucket: str) -> bool:
        if self.access.role != "kam":
            return False
        existing = self.w.conn.execute(
            select(teams.c.granted).where(
                teams.c.user_id == self.me.user_id, teams.c.bucket == bucket
            )
        ).first()
        if existing is not None:
            return False  # an admin decided about this account already
        self.w.conn.execute(
            insert(teams).values(
                user_id=self.me.user_id, bucket=bucket, granted=True, version=self.w.next_version()
            )
        )
        self.access = Access(
            self.access.user_id,
            self.access.role,
            self.access.teams | {bucket},
            self.access.ever | {bucket},
        )
        return True

    def _resend(self, table: str, row_id: str) -> None:
        if table not in SCOPES:
            return
        record = rec.load(self.w.conn, table, row_id)
        readable = record is not None and self.access.can_read(record.bucket)
        rec.resend(self.w, table, row_id, user_id=self.me.user_id, readable=readable)

    def _already_applied(self, ids: list[str]) -> dict[str, MutationResult]:
        rows = self.w.conn.execute(
            select(applied_mutations.c.mutation_id, applied_mutations.c.result).where(
                applied_mutations.c.client_id == self.me.client_id,
                applied_mutations.c.mutation_id.in_(ids),
            )
        ).all()
        return {r.mutation_id: MutationResult.model_validate_json(r.result) for r in rows}

    def _record(self, m: Mutation, result: MutationResult) -> None:
        self.w.conn.execute(
            insert(applied_mutations).values(
                client_id=self.me.client_id,
                mutation_id=m.mutation_id,
                table_name=m.table[:64],
                row_id=m.row_id,
                version=self._row_version,  # the version of the row this mutation wrote
                seen=m.seen,
                result=result.model_dump_json(),
                created_at=now_iso(),
            )
        )

    def _user_of(self, client_id: str | None) -> str | None:
        if not client_id:
            return None
        if client_id not in self._names:
            self._names[client_id] = self.w.conn.execute(
                select(users.c.name)
                .join(tokens, tokens.c.user_id == users.c.id)
                .where(tokens.c.client_id == client_id)
                .limit(1)
            ).scalar()
        return self._names[client_id]

    def _log_conflicts(self, m: Mutation, merged: Merged, record: rec.Record) -> None:
        if not merged.conflicts:
            return
        now = now_iso()
        self.w.conn.execute(
            insert(conflicts),
            [self._conflict_row(m, c, record, now) for c in merged.conflicts],
        )

    def _conflict_row(
        self, m: Mutation, c: FieldConflict, record: rec.Record, now: str
    ) -> dict[str, Any]:
        return {
            "table_name": m.table,
            "row_id": m.row_id,
            "field": c.field,
            "kind": c.kind,
            "status": c.status,
            "kept": c.kept,
            "server_value": _json(c.server_value),
            "server_hlc": c.server_hlc,
            "server_user": self._user_of(c.server_client),
            "client_value": _json(c.client_value),
            "client_hlc": m.hlc,
            "client_user": self.me.name,
            "client_id": self.me.client_id,
            "mutation_id": m.mutation_id,
            "version": record.version,
            "created_at": now,
        }


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
