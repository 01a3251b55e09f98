"""The ``kamdesk`` command: the GUI, and headless sub-commands sharing the GUI's services.

Exit status: 0 success, 2 usage error (argparse), 1 any other error with a one-line message.
Heavy imports (Qt, SQLAlchemy) happen inside the commands so that ``--help`` stays instant.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kamdesk import __version__


class CliError(Exception):
    """An error to print as one line and exit 1."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kamdesk",
        description="Desktop CRM for key account managers. Without a command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"kamdesk {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="database file (default: $KAMDESK_DB, else the user data folder)",
    )
    parser.add_argument(
        "--lang", choices=("fr", "en"), help="user interface language (default: system locale)"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = sub.add_parser(
        "demo",
        help="fill a new database with the demo portfolio, or with data at scale",
        description="Fill an empty database with demo data. Without --scale (or with "
        "--scale demo): a small realistic portfolio. --scale kam: 10 accounts, 150 contacts, "
        "50 opportunities, 20 000 interactions (one KAM's replica). --scale manager: 2 000 "
        "accounts, 40 000 contacts, 20 000 opportunities, 1 000 000 interactions (a sales "
        "manager's replica; about a minute, some 1.4 GB).",
    )
    demo.add_argument("--seed", type=int, default=42, help="random seed (same seed, same data)")
    demo.add_argument(
        "--scale",
        choices=("demo", "kam", "manager"),
        default="demo",
        help="how much data: demo (default), kam or manager",
    )

    accounts = sub.add_parser("accounts", help="list, show and update accounts")
    acc_sub = accounts.add_subparsers(dest="accounts_command", metavar="ACTION", required=True)
    acc_list = acc_sub.add_parser("list", help="list the accounts")
    acc_list.add_argument("--json", action="store_true", help="print JSON")
    acc_list.add_argument(
        "--include-deleted", action="store_true", help="also list deleted accounts"
    )
    acc_show = acc_sub.add_parser("show", help="show one account (id or exact name)")
    acc_show.add_argument("account")
    acc_show.add_argument("--json", action="store_true", help="print JSON")
    acc_update = acc_sub.add_parser("update", help="change fields of an account")
    acc_update.add_argument("account")
    acc_update.add_argument(
        "--set",
        dest="assignments",
        metavar="FIELD=VALUE",
        action="append",
        required=True,
        help="a field to change (repeatable); an empty VALUE clears the field",
    )
    acc_delete = acc_sub.add_parser("delete", help="delete an account (restorable)")
    acc_delete.add_argument("account")
    acc_restore = acc_sub.add_parser("restore", help="restore a deleted account")
    acc_restore.add_argument("account")

    shots = sub.add_parser(
        "screenshots", help="render every main screen with this database to PNG files"
    )
    shots.add_argument("outdir", type=Path)

    # -- export map: the stakeholder map or org chart as PNG or PDF --
    export = sub.add_parser("export", help="export views to files")
    exp_sub = export.add_subparsers(dest="export_command", metavar="WHAT", required=True)
    exp_map = exp_sub.add_parser(
        "map", help="the stakeholder map (or org chart) of an account as PNG and/or PDF"
    )
    exp_map.add_argument("account", help="account id or exact name")
    exp_map.add_argument("--png", type=Path, metavar="FILE", help="write a PNG image")
    exp_map.add_argument("--pdf", type=Path, metavar="FILE", help="write a PDF page")
    exp_map.add_argument(
        "--org-chart", action="store_true", help="the org chart instead of the map"
    )
    exp_map.add_argument(
        "--opportunity", metavar="ID", help="only this opportunity's buying committee"
    )

    mail = sub.add_parser("mail", help="import mail and see how it was linked")
    mail_sub = mail.add_subparsers(dest="mail_command", metavar="ACTION", required=True)
    mail_import = mail_sub.add_parser(
        "import",
        help="import .eml, .mbox and .msg files or whole folders, and link them",
        description="Import mail files (.eml, .mbox, Outlook .msg; folders are read "
        "recursively), store each message once, and link it to contacts, accounts and "
        "opportunities; what no rule links waits in the review queue. A malformed message "
        "is kept with its parse error and never stops the import. Exit status 0 whenever the "
        "import ran, even if some files could not be read.",
    )
    mail_import.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    mail_import.add_argument("--json", action="store_true", help="print the summary as JSON")
    mail_import.add_argument(
        "--me",
        action="append",
        default=[],
        metavar="ADDRESS",
        help="an address of yours (repeatable), besides the users' addresses: gives direction",
    )
    mail_stats = mail_sub.add_parser("stats", help="how many emails each rule linked")
    mail_stats.add_argument("--json", action="store_true", help="print JSON")
    mail_queue = mail_sub.add_parser("queue", help="list the mail waiting in the review queue")
    mail_queue.add_argument("--json", action="store_true", help="print JSON")
    mail_sub.add_parser(
        "relink",
        help="run the linking rules again over the review queue (after adding contacts/domains)",
    )

    backup = sub.add_parser("backup", help="copy the database to a backup file")
    backup.add_argument(
        "--to",
        type=Path,
        metavar="FILE",
        help="target file (default: backups/ beside the database)",
    )
    _sync_parsers(sub)
    return parser


def _sync_parsers(sub: Any) -> None:  # argparse's _SubParsersAction
    """``serve``, ``server …`` (the team server and its users), ``login``, ``sync``, ``logout``."""
    store_help = (
        "server store: sqlite:///FILE or postgresql+psycopg://USER@HOST/DB "
        "(default: $KAMDESK_STORE, else a file in the server's data folder)"
    )
    serve = sub.add_parser("serve", help="run the team sync server")
    serve.add_argument("--store", metavar="URL", help=store_help)
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on")
    serve.add_argument("--port", type=int, default=8765, help="port (default 8765)")
    serve.add_argument("--tls-cert", type=Path, metavar="FILE", help="TLS certificate (PEM)")
    serve.add_argument("--tls-key", type=Path, metavar="FILE", help="TLS private key (PEM)")

    server = sub.add_parser("server", help="manage the sync server's users and account teams")
    server.add_argument("--store", metavar="URL", help=store_help)
    what = server.add_subparsers(dest="server_command", metavar="WHAT", required=True)
    user = what.add_parser("user", help="server users")
    user_sub = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    user_add = user_sub.add_parser(
        "add", help="add a user; prints a one-time enrolment secret as the last line"
    )
    user_add.add_argument("name")
    user_add.add_argument("--role", required=True, choices=("admin", "manager", "kam", "read_only"))
    user_list = user_sub.add_parser("list", help="list the users")
    user_list.add_argument("--json", action="store_true", help="print JSON")
    user_sub.add_parser("revoke", help="revoke a user and all their sign-ins").add_argument("name")
    user_sub.add_parser(
        "secret", help="a new one-time enrolment secret (new device, after a sign-out)"
    ).add_argument("name")
    team = what.add_parser("team", help="account teams: who reads and writes which account")
    team_sub = team.add_subparsers(dest="team_command", metavar="ACTION", required=True)
    for action, text in (("grant", "add a user to"), ("revoke", "remove a user from")):
        cmd = team_sub.add_parser(action, help=f"{text} the team of an account")
        cmd.add_argument("name")
        cmd.add_argument("account_id", metavar="ACCOUNT_ID")
    what.add_parser(
        "restored",
        help="after restoring the store from a backup: every client re-sends what it wrote",
    )

    login = sub.add_parser(
        "login",
        help="sign this database in to a sync server",
        description="Sign in with the one-time enrolment secret your admin gave you. The secret "
        "is read from standard input when it is not a terminal, else prompted for. The token "
        "goes to the system keyring; without a usable keyring nothing is stored and the secret "
        "stays valid.",
    )
    login.add_argument("--server", required=True, metavar="URL", help="e.g. https://crm.example")
    login.add_argument("--user", required=True, metavar="NAME")
    sync = sub.add_parser("sync", help="one sync round: send local changes, receive the team's")
    sync.add_argument("--json", action="store_true", help="print the summary as JSON")
    sub.add_parser("logout", help="sign out: revoke the token and forget it (changes are kept)")


def _open(path: Path, *, create: bool = False):  # -> Database
    from kamdesk.db import Database, DatabaseError

    try:
        return Database.open(path, create=create)
    except DatabaseError as exc:
        raise CliError(str(exc)) from exc


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def _print_json(data: Any) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False, default=_json_default))


def _resolve_account(session, text: str) -> str:  # noqa: ANN001
    from kamdesk.services.accounts import find_account

    account_id = find_account(session, text)
    if account_id is None:
        raise CliError(f"no account with id or exact name {text!r}")
    return account_id


def cmd_demo(args: argparse.Namespace, path: Path) -> int:
    from kamdesk.demo.generator import generate_demo

    scaled = args.scale != "demo"
    db = _open(path, create=True)
    try:
        if scaled:
            from kamdesk.demo.scale import generate_scaled

            def progress(line: str) -> None:
                print(line, file=sys.stderr, flush=True)

            summary = generate_scaled(db, args.scale, seed=args.seed, progress=progress)
        else:
            from kamdesk.demo.mailbox import import_demo_mail

            summary = generate_demo(db, seed=args.seed)
            mail = import_demo_mail(db, seed=args.seed)
            summary_mail = (
                f", {mail.imported} emails ({mail.linked} linked, {mail.queued} to review)"
            )
    except ValueError as exc:
        raise CliError(f"{path}: {exc}") from exc
    finally:
        db.close()
    what = f"{args.scale} scale data" if scaled else "demo portfolio"
    counts = ", ".join(f"{v} {k}" for k, v in vars(summary).items())
    print(f"{what} written to {path}: {counts}" + ("" if scaled else summary_mail))
    return 0


def cmd_accounts(args: argparse.Namespace, path: Path) -> int:
    from kamdesk.services import accounts as svc
    from kamdesk.services.money import format_money

    db = _open(path)
    try:
        if args.accounts_command == "list":
            with db.read() as session:
                rows = svc.list_accounts(session, include_deleted=args.include_deleted)
            if args.json:
                _print_json(
                    [
                        {
                            "id": r.id,
                            "name": r.name,
                            "tier": r.tier,
                            "owner": r.owner,
                            "owner_id": r.owner_id,
                            "sector": r.sector,
                            "parent_id": r.parent_id,
                            "parent": r.parent,
                            "revenue_year_cents": r.revenue_year_cents,
                            "open_pipeline_cents": r.open_pipeline_cents,
                            "last_contact_at": r.last_contact_at,
                            "renewal_date": r.renewal_date,
                        }
                        for r in rows
                    ]
                )
            else:
                for r in rows:
                    print(
                        f"{r.id}  {r.name:<40.40}  {r.tier:<13}  {r.owner or '-':<22.22}  {format_money(r.revenue_year_cents)}"
                    )
            return 0
        if args.accounts_command == "show":
            return _show_account(db, args)
        if args.accounts_command == "update":
            return _update_account(db, args)
        if args.accounts_command in ("delete", "restore"):
            with db.read() as session:
                account_id = _resolve_account(session, args.account)
            with db.unit_of_work() as uow:
                (svc.delete_account if args.accounts_command == "delete" else svc.restore_account)(
                    uow, account_id
                )
                uow.commit()
            print(f"{args.accounts_command}d {account_id}")
            return 0
    finally:
        db.close()
    raise AssertionError(args.accounts_command)


def _show_account(db, args: argparse.Namespace) -> int:  # noqa: ANN001
    from kamdesk.services.account_view import load_account_360
    from kamdesk.services.accounts import account_values
    from kamdesk.services.money import format_money
    from kamdesk.services.qualification import qualify

    with db.read() as session:
        account_id = _resolve_account(session, args.account)
        values = account_values(session, account_id)
        view = load_account_360(session, account_id, db.blob_dir)
        qualification = qualify(session, account_id)
    h = view.header
    data = {
        "id": account_id,
        **values,
        "owner": h.owner,
        "parent": h.parent,
        "revenue_year_cents": h.revenue_year_cents,
        "revenue_share": round(h.revenue_share, 4),
        "open_pipeline_cents": h.open_pipeline_cents,
        "weighted_pipeline_cents": h.weighted_pipeline_cents,
        "last_contact_at": h.last_contact_at,
        "next_renewal": h.renewal_date,  # the stored renewal date, else the next contract end
        "counts": {
            "contacts": len(view.contacts),
            "opportunities": len(view.opportunities),
            "sites": len(view.sites),
            "documents": len(view.documents),
            "tickets": len(view.tickets),
            "interactions": view.timeline_total,
            "attachments": len(view.attachments),
            "subsidiaries": h.subsidiaries,
        },
        "qualification": {
            "suggested_tier": qualification.suggested_tier,
            "total": qualification.total,
            "criteria": {
                c.key: {"score": c.score, "reasons": [r.message for r in c.reasons]}
                for c in qualification.criteria
            },
        },
    }
    if args.json:
        _print_json(data)
        return 0
    print(f"{h.name}  ({h.tier})  owner: {h.owner or '-'}  group: {h.parent or '-'}")
    print(
        f"  revenue this year {format_money(h.revenue_year_cents)} ({h.revenue_share:.1%} of total)"
    )
    print(
        f"  open pipeline {format_money(h.open_pipeline_cents)}, weighted {format_money(h.weighted_pipeline_cents)}"
    )
    print(f"  last contact {h.last_contact_at or 'never'}, renewal {h.renewal_date or '-'}")
    print("  " + ", ".join(f"{v} {k}" for k, v in data["counts"].items()))
    print(
        f"  qualification {qualification.total}/20 → suggested tier {qualification.suggested_tier}"
    )
    for c in qualification.criteria:
        print(f"    {c.key:<13} {c.score}/4  " + "; ".join(r.message for r in c.reasons))
    return 0


def _cli_value(field: str, value: str) -> str | int:
    """Amount fields are named and shown in cents (``accounts show --json``); --set takes cents too,
    so that a value read back from ``show`` round-trips unchanged."""
    from kamdesk.services.fields import ACCOUNT_FIELDS

    spec = ACCOUNT_FIELDS.get(field)
    if spec is None or spec.kind != "money" or value.strip() == "":
        return value
    if not value.strip().lstrip("-").isdigit():
        raise CliError(
            f"{field} takes whole cents (e.g. 15000000 for 150 000.00 EUR), got {value!r}"
        )
    return int(value)


def _update_account(db, args: argparse.Namespace) -> int:  # noqa: ANN001
    from kamdesk.services.accounts import update_account
    from kamdesk.services.errors import ServiceError

    values: dict[str, str] = {}
    for assignment in args.assignments:
        field, sep, value = assignment.partition("=")
        if not sep or not field.strip():
            raise UsageError(f"--set expects FIELD=VALUE, got {assignment!r}")
        values[field.strip()] = _cli_value(field.strip(), value)
    with db.read() as session:
        account_id = _resolve_account(session, args.account)
    with db.unit_of_work() as uow:
        try:
            edit = update_account(uow, account_id, values)
        except ServiceError as exc:
            raise CliError(str(exc)) from exc
        uow.commit()
    if not edit.changed:
        print("nothing changed")
    for field in edit.after:
        print(f"{field}: {edit.before[field]!r} -> {edit.after[field]!r}")
    return 0


def cmd_screenshots(args: argparse.Namespace, path: Path) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no window needed, nor a display
    from kamdesk.ui.offscreen import quiet_offscreen_warnings
    from kamdesk.ui.screenshots import render_all

    quiet_offscreen_warnings()

    db = _open(path)
    try:
        files = render_all(db, args.outdir, language=args.lang)
    finally:
        db.close()
    for file in files:
        print(file)
    return 0


def cmd_export(args: argparse.Namespace, path: Path) -> int:
    """``export map``: the stakeholder map of an account, rendered headless."""
    if not (args.png or args.pdf):
        raise UsageError("export map needs --png FILE and/or --pdf FILE")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kamdesk.app import create_application
    from kamdesk.ui.offscreen import quiet_offscreen_warnings

    quiet_offscreen_warnings()
    create_application(args.lang)
    from kamdesk.models import Opportunity
    from kamdesk.services.accounts import account_values
    from kamdesk.services.stakeholders import load_map
    from kamdesk.ui.stakeholder_map.export import export_pdf, export_png
    from kamdesk.ui.stakeholder_map.scene import MAP, ORG, StakeholderScene

    db = _open(path)
    try:
        with db.read() as session:
            account_id = _resolve_account(session, args.account)
            if args.opportunity:
                opportunity = session.get(Opportunity, args.opportunity)
                if opportunity is None or opportunity.account_id != account_id:
                    raise CliError(f"no opportunity {args.opportunity!r} at this account")
            data = load_map(session, account_id, opportunity_id=args.opportunity)
            name = account_values(session, account_id)["name"]
    finally:
        db.close()
    scene = StakeholderScene()
    scene.title = name
    scene.mode = ORG if args.org_chart else MAP
    scene.set_data(data)
    for target, write in ((args.png, export_png), (args.pdf, export_pdf)):
        if target:
            try:
                print(write(scene, str(target), scene.mode))
            except OSError as exc:
                raise CliError(str(exc)) from exc
    return 0


def cmd_backup(args: argparse.Namespace, path: Path) -> int:
    from kamdesk.db.migrate import backup

    db = _open(path)
    db.close()
    if args.to:
        import sqlite3

        src, dst = sqlite3.connect(path), sqlite3.connect(args.to)
        try:
            src.backup(dst)
        finally:
            dst.close()
            src.close()
        print(args.to)
    else:
        print(backup(path, "manual"))
    return 0


def cmd_mail(args: argparse.Namespace, path: Path) -> int:
    db = _open(path)
    try:
        if args.mail_command == "import":
            return _mail_import(db, args)
        if args.mail_command == "relink":
            from kamdesk.mail import review

            with db.unit_of_work() as uow:
                linked = review.reapply_rules(uow)
                uow.commit()
            print(f"{len(linked)} emails linked")
            return 0
        from kamdesk.mail import reads

        with db.read() as session:
            if args.mail_command == "stats":
                stats = reads.stats(session)
                data = {"total": stats.total, "by_state": stats.by_state, "by_rule": stats.by_rule}
                if args.json:
                    _print_json(data)
                else:
                    print(f"{stats.total} emails")
                    for key, value in sorted(stats.by_state.items()):
                        print(f"  {key}: {value}")
                    print("linked by rule:")
                    for key, value in sorted(stats.by_rule.items()):
                        print(f"  {key}: {value}")
                return 0
            rows = reads.queue(session)
        if args.json:
            _print_json(
                [
                    {
                        "id": r.message.id,
                        "sent_at": r.message.sent_at,
                        "from": r.message.from_address,
                        "subject": r.message.subject,
                        "account": r.account.name if r.account else None,
                        "suggested_opportunities": [o.name for o in r.suggested_opportunities],
                        "suggested_accounts": [a.name for a in r.suggested_accounts],
                        "create_contact": r.create_contact,
                    }
                    for r in rows
                ]
            )
        else:
            for r in rows:
                when = r.message.sent_at.date().isoformat() if r.message.sent_at else "----------"
                print(f"{when}  {r.message.from_address or '?':40}  {r.message.subject}")
        return 0
    finally:
        db.close()


def _mail_import(db, args: argparse.Namespace) -> int:  # noqa: ANN001
    from kamdesk.mail.importer import MailImporter
    from kamdesk.mail.sources import iter_sources

    missing = [str(p) for p in args.paths if not p.exists()]
    if missing:
        raise CliError("no such file or folder: " + ", ".join(missing))
    interactive = not args.json and sys.stderr.isatty()

    def progress(summary) -> None:  # noqa: ANN001
        if interactive:
            print(f"\r{summary.seen} messages read…", end="", file=sys.stderr, flush=True)

    importer = MailImporter(db, my_addresses=tuple(a.lower() for a in args.me))
    summary = importer.run(iter_sources(list(args.paths)), progress=progress)
    if interactive:
        print(file=sys.stderr)
    if args.json:
        _print_json(summary.to_json())
        return 0
    print(
        f"{summary.imported} imported, {summary.duplicates} duplicates, {summary.linked} linked, "
        f"{summary.queued} to review, {summary.ignored} ignored, {len(summary.errors)} errors"
    )
    for rule, count in sorted(summary.by_rule.items()):
        print(f"  {rule}: {count}")
    for problem in summary.kept_with_errors:
        print(f"kept with a parse error: {problem.file}: {problem.reason}")
    for problem in summary.errors:
        print(f"not imported: {problem.file}: {problem.reason}")
    return 0


def _store_url(args: argparse.Namespace) -> str:
    from kamdesk.sync.server.store import default_store_url

    return args.store or os.environ.get("KAMDESK_STORE") or default_store_url()


def _open_store(args: argparse.Namespace):  # -> Store
    from kamdesk.sync.server.store import Store, StoreError

    try:
        return Store.open(_store_url(args))
    except StoreError as exc:
        raise CliError(str(exc)) from exc


def cmd_serve(args: argparse.Namespace, path: Path) -> int:
    if bool(args.tls_cert) != bool(args.tls_key):
        raise UsageError("--tls-cert and --tls-key go together")
    import uvicorn

    from kamdesk.sync.server.app import create_app

    app = create_app(store=_open_store(args))
    scheme = "https" if args.tls_cert else "http"
    print(f"kamdesk sync server on {scheme}://{args.host}:{args.port}", flush=True)
    uvicorn.run(
        app,
        host=args.host,
        port=args.port,
        ssl_certfile=str(args.tls_cert) if args.tls_cert else None,
        ssl_keyfile=str(args.tls_key) if args.tls_key else None,
        log_level="warning",
    )
    return 0


def cmd_server(args: argparse.Namespace, path: Path) -> int:
    from kamdesk.sync.server import admin

    store = _open_store(args)
    try:
        if args.server_command == "user":
            if args.user_command == "add":
                secret = admin.add_user(store, args.name, args.role)
                print(f"added {args.name} ({args.role}); one-time enrolment secret:")
                print(secret)
            elif args.user_command == "secret":
                print(f"new one-time enrolment secret for {args.name}:")
                print(admin.new_enrolment_secret(store, args.name))
            elif args.user_command == "revoke":
                admin.revoke_user(store, args.name)
                print(f"revoked {args.name}")
            else:
                users = admin.list_users(store)
                if args.json:
                    _print_json([vars(u) for u in users])
                for u in [] if args.json else users:
                    state = "revoked" if u.revoked else f"{u.devices} device(s)"
                    waiting = ", enrolment secret unused" if u.waiting_enrolment else ""
                    print(f"{u.name:<24} {u.role:<10} {state}{waiting}  teams: {len(u.teams)}")
            return 0
        if args.server_command == "restored":
            epoch = admin.mark_restored(store)
            print(
                f"store marked as restored (epoch {epoch}): at their next sync, clients re-send "
                "what they wrote before they send or receive anything else"
            )
            return 0
        if args.team_command == "grant":
            rows = admin.grant_team(store, args.name, args.account_id)
            known = "" if admin.account_is_known(store, args.account_id) else " (not synced yet)"
            print(f"{args.name} joins account {args.account_id}{known}: {rows} rows to sync")
        else:
            rows = admin.revoke_team(store, args.name, args.account_id)
            print(f"{args.name} leaves account {args.account_id}: {rows} rows to remove")
        return 0
    except admin.AdminError as exc:
        raise CliError(str(exc)) from exc
    finally:
        store.close()


def _read_secret() -> str:
    if sys.stdin is not None and not sys.stdin.isatty():
        return sys.stdin.readline().strip()
    import getpass

    return getpass.getpass("enrolment secret: ").strip()


def cmd_login(args: argparse.Namespace, path: Path) -> int:
    from kamdesk.mail.credentials import KeyringUnavailable
    from kamdesk.sync import sign_in
    from kamdesk.sync.client import SyncClient, enrol
    from kamdesk.sync.errors import SyncError

    # Checked before the secret is spent: with no keyring to keep the token, the user fixes
    # the keyring and signs in again with the same secret.
    refusal = sign_in.keyring_refusal()
    if refusal:
        raise CliError(
            f"cannot keep the sync token: {refusal}; set up a system keyring (or choose a "
            "backend in keyring's configuration) and sign in again — your secret is still valid"
        )
    secret = _read_secret()
    if not secret:
        raise CliError("no enrolment secret given")
    db = _open(path, create=True)
    try:
        where = sign_in.SignIn(args.server.rstrip("/"), args.user)
        try:
            token, role = enrol(where.server_url, args.user, secret, db.node_id)
        except SyncError as exc:
            raise CliError(str(exc)) from exc
        try:
            sign_in.remember(db, where, token)
        except KeyringUnavailable as exc:
            try:  # the token cannot be kept: do not leave it valid on the server
                with SyncClient(db, where.server_url, token) as client:
                    client.logout()
            except SyncError:
                pass
            raise CliError(str(exc)) from exc
    finally:
        db.close()
    print(f"signed in to {where.server_url} as {args.user} ({role})")
    return 0


def _signed_in_client(db):  # noqa: ANN001 -> SyncClient
    from kamdesk.mail.credentials import KeyringUnavailable
    from kamdesk.sync import sign_in
    from kamdesk.sync.client import SyncClient
    from kamdesk.sync.errors import NotSignedIn

    where = sign_in.current(db)
    if where is None:
        raise CliError(str(NotSignedIn()))
    try:
        token = sign_in.token_for(where)
    except KeyringUnavailable as exc:
        raise CliError(str(exc)) from exc
    if token is None:
        raise CliError(
            f"please sign in again: no sync token for {where.user} in the keyring "
            f"(kamdesk login --server {where.server_url} --user {where.user})"
        )
    return where, SyncClient(db, where.server_url, token)


def cmd_sync(args: argparse.Namespace, path: Path) -> int:
    from kamdesk.sync.errors import SyncError

    db = _open(path)
    try:
        _, client = _signed_in_client(db)
        with client:
            try:
                summary = client.sync()
            except SyncError as exc:
                raise CliError(f"{exc} ({client.pending()} changes waiting)") from exc
    finally:
        db.close()
    if args.json:
        _print_json(summary.to_json())
    else:
        print(
            f"sent {summary.pushed} changes ({summary.conflicts} conflicts, "
            f"{summary.rejected} refused), received {summary.pulled}, removed {summary.removed}"
        )
    return 0


def cmd_logout(args: argparse.Namespace, path: Path) -> int:
    from kamdesk.sync import sign_in
    from kamdesk.sync.errors import SyncError

    db = _open(path)
    try:
        where, client = _signed_in_client(db)
        with client:
            try:
                client.logout()
            except SyncError as exc:
                # Signing out of this computer must work offline too; say what was not done.
                print(f"kamdesk: warning: the server was not told ({exc})", file=sys.stderr)
        sign_in.forget(db, where)
        waiting = client.pending()
    finally:
        db.close()
    print(f"signed out of {where.server_url}" + (f"; {waiting} changes kept" if waiting else ""))
    return 0


class UsageError(Exception):
    """Bad command-line usage found after parsing: exit 2 like argparse."""


def main(argv: Sequence[str] | None = None) -> int:
    import multiprocessing

    # A frozen (PyInstaller) kamdesk runs the mail parser's worker processes through this entry
    # point; freeze_support() turns them into workers. A no-op everywhere else.
    multiprocessing.freeze_support()
    parser = _parser()
    args = parser.parse_args(argv)
    from kamdesk.paths import resolve_db_path

    path, explicit = resolve_db_path(args.db)
    try:
        if args.command is None:
            from kamdesk.app import run_gui

            # The default profile database is created on first launch; a path the user named
            # must exist, so that a typo never opens a blank database silently.
            return run_gui(path, language=args.lang, create=not explicit)
        handler = {
            "demo": cmd_demo,
            "accounts": cmd_accounts,
            "screenshots": cmd_screenshots,
            "backup": cmd_backup,
            "export": cmd_export,
            "mail": cmd_mail,
            "serve": cmd_serve,
            "server": cmd_server,
            "login": cmd_login,
            "sync": cmd_sync,
            "logout": cmd_logout,
        }[args.command]
        return handler(args, path)
    except UsageError as exc:
        parser.print_usage(sys.stderr)
        print(f"kamdesk: error: {exc}", file=sys.stderr)
        return 2
    except CliError as exc:
        print(f"kamdesk: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # unexpected: one line for the user, the traceback on request
        if os.environ.get("KAMDESK_DEBUG"):
            raise
        detail = (
            str(getattr(exc, "orig", None) or exc).splitlines()[0]
            if str(exc)
            else type(exc).__name__
        )
        print(f"kamdesk: error: {detail} (set KAMDESK_DEBUG=1 for details)", file=sys.stderr)
        return 1
