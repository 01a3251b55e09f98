"""The HTTP API (FastAPI). Every endpoint but ``/health`` needs ``Authorization: Bearer``.

Errors are JSON ``{"detail": "…"}`` in words a user can act on: 401 "please sign in again",
426 "please update kamdesk", 403/404/409 for refusals. Handlers are plain ``def``: FastAPI runs
them on its thread pool, and the store's connections are synchronous.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any, Literal

from fastapi import (
    APIRouter,
    Depends,
    FastAPI,
    Header,
    HTTPException,
    Path,
    Query,
    Request,
    Response,
)
from fastapi.concurrency import run_in_threadpool

from kamdesk import __version__
from kamdesk.sync import protocol as p
from kamdesk.sync.server import admin, auth, blobs, conflicts
from kamdesk.sync.server.pull import pull_page
from kamdesk.sync.server.push import push
from kamdesk.sync.server.store import Store, history

SIGN_IN_AGAIN = "please sign in again: this sign-in is unknown, expired or revoked"
ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": p.ErrorBody, "description": "missing, unknown or revoked token"},
    426: {"model": p.ErrorBody, "description": "protocol or schema mismatch"},
}


def _check_versions(
    protocol: Annotated[str | None, Header(alias=p.PROTOCOL_HEADER)] = None,
    schema: Annotated[str | None, Header(alias=p.SCHEMA_HEADER)] = None,
) -> None:
    if protocol != str(p.PROTOCOL_VERSION) or schema != p.schema_version():
        detail = (
            f"please update kamdesk: this server speaks protocol {p.PROTOCOL_VERSION} with "
            f"schema {p.schema_version()} (kamdesk {__version__}); this client sent protocol "
            f"{protocol or 'none'}, schema {schema or 'none'}"
        )
        raise HTTPException(426, detail, headers={"Upgrade": f"kamdesk/{__version__}"})


RESTORED: dict[int | str, dict[str, Any]] = {
    409: {"model": p.ErrorBody, "description": p.RESTORED_DETAIL},
}


def _check_history(store: Store, cursor: int | None, epoch: int | None) -> None:
    """Refuse a client that knows versions this store does not: the store was restored from an
    older backup (its epoch was bumped by the admin, or the client is past its last version).
    Applying its changes over a history it never saw could lose them; it re-sends first."""
    with store.read() as conn:
        top, current, went_back_to = history(conn)
    known_to_client = epoch is None or epoch == current
    if known_to_client and (cursor is None or cursor <= top):
        return
    if known_to_client:
        # Nobody told the store: it says so to every client from now on (a new epoch), not
        # knowing how much was written since the restore.
        current, went_back_to = admin.mark_restored(store, known=False), 0
    raise HTTPException(
        409, p.RESTORED_DETAIL, headers={p.RESTORED_HEADER: f"{went_back_to},{current}"}
    )


def _store(request: Request) -> Store:
    return request.app.state.store  # type: ignore[no-any-return]


def _principal(
    request: Request, authorization: Annotated[str | None, Header()] = None
) -> auth.Principal:
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise HTTPException(401, SIGN_IN_AGAIN, headers={"WWW-Authenticate": "Bearer"})
    with _store(request).read() as conn:
        found = auth.authenticate(conn, token.strip())
    if found is None:
        raise HTTPException(401, SIGN_IN_AGAIN, headers={"WWW-Authenticate": "Bearer"})
    return found


Caller = Annotated[auth.Principal, Depends(_principal)]
# The store lives on the app (``app.state.store``), not in the handlers' closures: one place
# to open and close it.
Db = Annotated[Store, Depends(_store)]


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    yield
    app.state.store.close()


def create_app(store_url: str | None = None, *, store: Store | None = None) -> FastAPI:
    app = FastAPI(title="kamdesk sync server", version=__version__, lifespan=_lifespan)
    app.state.store = store or Store.open(store_url)
    if store is None:  # a server starting on a store restored from a dump, never analysed
        app.state.store.refresh_statistics(only_if_never=True)
    api = APIRouter(prefix="/v1", dependencies=[Depends(_check_versions)], responses=ERRORS)

    @app.get("/health", response_model=p.Health)
    def health() -> p.Health:
        return p.Health(schema=p.schema_version())

    @api.post("/enrol", response_model=p.EnrolResponse)
    def enrol(body: p.EnrolRequest, store: Db) -> p.EnrolResponse:
        try:
            token, role = auth.enrol(store, body.user, body.secret, body.client_id)
        except auth.AuthError as exc:
            raise HTTPException(401, str(exc)) from None
        return p.EnrolResponse(token=token, user=body.user, role=role)  # type: ignore[arg-type]

    @api.post("/push", response_model=p.PushResponse, responses=RESTORED)
    def push_mutations(body: p.PushRequest, who: Caller, store: Db) -> p.PushResponse:
        _check_history(store, body.cursor, body.epoch)
        return p.PushResponse(results=push(store, who, body.mutations))

    @api.post("/pull", response_model=p.PullResponse, responses=RESTORED)
    def pull(body: p.PullRequest, who: Caller, store: Db) -> Response:
        _check_history(store, body.cursor, body.epoch)
        # Validated on the way in; on the way out the page is already JSON (see pull.py).
        return Response(
            pull_page(store, who, body.cursor, body.limit), media_type="application/json"
        )

    @api.put("/blobs/{sha256}", response_model=p.BlobStored, status_code=201)
    async def put_blob(sha256: str, request: Request, who: Caller, store: Db) -> p.BlobStored:
        content = await request.body()
        if len(content) > blobs.MAX_BLOB_BYTES:
            raise HTTPException(413, "this file is too large for the sync server")
        try:
            await run_in_threadpool(blobs.put_blob, store, who, sha256, content)
        except blobs.BlobError as exc:
            raise HTTPException(exc.status, str(exc)) from None
        return p.BlobStored(sha256=sha256, size=len(content))

    @api.get("/blobs/{sha256}", response_class=Response)
    def get_blob(sha256: str, who: Caller, store: Db) -> Response:
        try:
            content = blobs.get_blob(store, who, sha256)
        except blobs.BlobError as exc:
            raise HTTPException(exc.status, str(exc)) from None
        return Response(content, media_type="application/octet-stream")

    @api.get("/conflicts", response_model=p.ConflictList)
    def list_conflicts(
        who: Caller,
        store: Db,
        status: Literal["open", "auto", "resolved", "all"] = "open",
        limit: Annotated[int, Query(ge=1, le=1000)] = 200,
    ) -> p.ConflictList:
        found = conflicts.list_conflicts(store, who, status=status, limit=limit)
        return p.ConflictList(conflicts=found)

    @api.post("/conflicts/{conflict_id}/resolve", status_code=204)
    def resolve(
        conflict_id: Annotated[int, Path(ge=1, le=2**31 - 1)],
        body: p.ResolveRequest,
        who: Caller,
        store: Db,
    ) -> Response:
        try:
            conflicts.resolve(store, who, conflict_id, body)
        except conflicts.ConflictError as exc:
            raise HTTPException(exc.status, str(exc)) from None
        return Response(status_code=204)

    @api.post("/logout", status_code=204)
    def logout(who: Caller, store: Db) -> Response:
        auth.revoke_token(store, who)
        return Response(status_code=204)

    app.include_router(api)
    return app
