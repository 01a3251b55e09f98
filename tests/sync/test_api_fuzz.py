"""The API fuzzed from its own OpenAPI schema (schemathesis): no 5xx, nothing without a token.

On the SQLite store only: the handlers are the same on both, and PostgreSQL-specific refusals
(NUL in text, integer ranges) are kept out by the request models, which this test exercises.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from kamdesk.sync.protocol import version_headers
from kamdesk.sync.server import admin
from kamdesk.sync.server.app import create_app
from kamdesk.sync.server.auth import enrol
from kamdesk.sync.server.store import Store

EXAMPLES = int(os.environ.get("KAMDESK_SYNC_FUZZ_EXAMPLES", 8))  # per operation
OPEN = {"/health", "/v1/enrol", "/openapi.json", "/docs", "/redoc"}


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[object, str]]:
    folder: Path = tmp_path_factory.mktemp("fuzz")
    store = Store.open(f"sqlite:///{folder / 'store.sqlite'}")
    secret = admin.add_user(store, "fuzzer", "manager")
    token, _ = enrol(store, "fuzzer", secret, "fuzz-node")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        app = create_app(store=store)
    yield app, token
    store.close()


def operations(app: object) -> list:  # -> list[APIOperation]
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    return [result.ok() for result in schema.get_all_operations()]


def fuzz(app: object, headers: dict[str, str], examples: int, check) -> int:  # noqa: ANN001
    """Run ``check(case, response)`` on generated requests to every operation, sent through
    one in-process client (``case.call`` would start the app anew for every request)."""
    calls = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        from fastapi.testclient import TestClient
    with TestClient(app, raise_server_exceptions=False) as http:  # type: ignore[arg-type]
        for operation in operations(app):

            @given(case=operation.as_strategy())
            @settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck))
            def one(case) -> None:  # noqa: ANN001
                nonlocal calls
                calls += 1
                kwargs = case.as_transport_kwargs(base_url="http://testserver", headers=headers)
                kwargs.pop("cookies", None)
                check(case, http.request(**kwargs))

            one()
    return calls


def test_no_server_error_with_a_token(served: tuple[object, str]) -> None:
    app, token = served

    def check(case, response) -> None:  # noqa: ANN001
        assert response.status_code < 500, (case.path, response.status_code, response.text[:300])

    headers = {"Authorization": f"Bearer {token}", **version_headers()}
    assert fuzz(app, headers, EXAMPLES, check) > 40


def test_nothing_without_a_token(served: tuple[object, str]) -> None:
    app, _ = served

    def check(case, response) -> None:  # noqa: ANN001
        assert response.status_code < 500
        if case.path not in OPEN:
            assert response.status_code in (401, 422), (case.path, response.status_code)

    fuzz(app, version_headers(), 4, check)
