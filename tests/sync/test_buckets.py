"""Every synced table has a bucket rule and its fields a merge class (no server needed)."""

from __future__ import annotations

import pytest

from kamdesk.db.database import synced_tables
from kamdesk.sync.buckets import SCOPES, UnknownParent, bucket_of
from kamdesk.sync.protocol import keep_both_fields


def test_every_synced_table_has_a_bucket_rule() -> None:
    # A new synced table must say whose it is before it can sync: add it to SCOPES.
    assert set(SCOPES) == set(synced_tables())


def no_parent(table: str, row_id: str) -> str | None:
    return None


@pytest.mark.parametrize(
    ("table", "data", "bucket"),
    [
        ("accounts", {}, "row"),
        ("contacts", {"account_id": "acc"}, "acc"),
        ("pipelines", {}, "global"),
        ("ignored_senders", {}, "user:me"),
        ("emails", {"account_id": None}, "user:me"),
        ("emails", {"account_id": "acc"}, "acc"),
        ("tasks", {"account_id": None}, "user:me"),
    ],
)
def test_buckets(table: str, data: dict[str, object], bucket: str) -> None:
    assert bucket_of(table, "row", data, owner="me", parent_bucket=no_parent) == bucket


def test_children_follow_their_parent() -> None:
    def parents(table: str, row_id: str) -> str | None:
        return {("opportunities", "opp"): "acc"}.get((table, row_id))

    data = {"opportunity_id": "opp"}
    assert bucket_of("opportunity_lines", "l", data, owner="me", parent_bucket=parents) == "acc"
    with pytest.raises(UnknownParent):
        bucket_of("stage_history", "h", {"opportunity_id": "x"}, owner="me", parent_bucket=parents)


def test_free_text_amounts_and_stages_keep_both() -> None:
    opportunity = keep_both_fields("opportunities")
    assert {"description", "next_step", "amount_cents", "stage_id", "status"} <= opportunity
    assert {"title", "probability", "expected_close"}.isdisjoint(opportunity)
    assert "interests" in keep_both_fields("contacts")
    assert "job_title" not in keep_both_fields("contacts")
    assert "body" in keep_both_fields("interactions")
