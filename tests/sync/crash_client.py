"""A kamdesk client in its own process, for ``test_crash.py`` to kill with SIGKILL.

    python crash_client.py DB SERVER_URL [--create N] [--tag T] [--push-batch B] [--pull-limit L]

The sync token comes from the environment (``KAMDESK_CRASH_TOKEN``): no keyring here. With
``--create N`` it first makes 2·N local changes, one unit of work each: account ``T-i`` is
created, then its sector set to ``T-sector-i``. Then one ``SyncClient.sync()``; the summary is
printed as one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os

from kamdesk.db import Database
from kamdesk.models import Account
from kamdesk.sync.client import SyncClient


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("server")
    parser.add_argument("--create", type=int, default=0)
    parser.add_argument("--tag", default="crash")
    parser.add_argument("--push-batch", type=int, default=5)
    parser.add_argument("--pull-limit", type=int, default=5)
    args = parser.parse_args()

    db = Database.open(args.db)
    for i in range(args.create):
        with db.unit_of_work() as uow:
            account = Account(name=f"{args.tag}-{i}")
            uow.session.add(account)
            uow.commit()
            row_id = account.id
        with db.unit_of_work() as uow:
            uow.session.get(Account, row_id).sector = f"{args.tag}-sector-{i}"
            uow.commit()
    client = SyncClient(
        db,
        args.server,
        os.environ["KAMDESK_CRASH_TOKEN"],
        push_batch=args.push_batch,
        pull_limit=args.pull_limit,
    )
    with client:
        summary = client.sync()
    print(json.dumps({**summary.to_json(), "pending": client.pending()}), flush=True)
    db.close()


if __name__ == "__main__":
    main()
