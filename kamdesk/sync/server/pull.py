"""``POST /v1/pull``: what changed in the caller's buckets after a cursor, one page at a time.

Versions are unique and committed in order (see store.py), so a page is "the next ``limit``
items after the cursor, up to the counter read at the start": nothing at or below the counter
can still appear later. Items are rows (their whole current state) and departures (rows that
left the caller's buckets: the client drops them), merged in version order.

The page is built as text: stored row JSON is pasted in, never parsed and re-encoded.
"""

from __future__ import annotations

import json

from sqlalchemy import and_, or_, select

from kamdesk.sync.server.access import Access, load_access
from kamdesk.sync.server.auth import Principal
from kamdesk.sync.server.store import Store, history
from kamdesk.sync.server.tables import departures, records


def pull_page(store: Store, principal: Principal, cursor: int, limit: int) -> str:
    """The JSON text of a ``PullResponse``."""
    with store.read() as conn:
        access = load_access(conn, principal)
        # A cursor past ``top`` (a store restored from a backup) is refused before this.
        top, epoch, _ = history(conn)
        rows = conn.execute(
            select(records.c.version, records.c.table_name, records.c.row_id, records.c.data)
            .where(
                records.c.version > cursor,
                records.c.version <= top,
                access.readable(records.c.bucket),
            )
            .order_by(records.c.version)
            .limit(limit)
        ).all()
        gone = conn.execute(
            select(departures.c.version, departures.c.table_name, departures.c.row_id)
            .where(departures.c.version > cursor, departures.c.version <= top, _departed(access))
            .order_by(departures.c.version)
            .limit(limit)
        ).all()
    items: list[tuple[int, str, str, str]] = [(r[0], r[1], r[2], r[3]) for r in rows]
    if gone:
        items += [(d[0], d[1], d[2], "null") for d in gone]
        items.sort(key=lambda item: item[0])
        del items[limit:]
    more = len(items) == limit
    next_cursor = items[-1][0] if more else top
    dumps = json.dumps
    body = ",".join(
        f'{{"v":{v},"t":{dumps(t)},"id":{dumps(row_id)},"d":{data}}}'
        for v, t, row_id, data in items
    )
    return (
        f'{{"cursor":{next_cursor},"more":{"true" if more else "false"},"epoch":{epoch},'
        f'"changes":[{body}]}}'
    )


def _departed(access: Access):  # -> ColumnElement[bool]
    """Departures for this user: meant for them alone, or moves out of what they read into
    what they do not (only from buckets whose rows they may hold)."""
    c = departures.c
    moved_away = and_(
        c.user_id.is_(None),
        c.to_bucket.is_not(None),
        ~access.readable(c.to_bucket),
        access.may_have_held(c.from_bucket),
    )
    return or_(c.user_id == access.user_id, moved_away)
