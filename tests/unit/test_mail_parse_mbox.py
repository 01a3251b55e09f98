"""Splitting mbox files (kamdesk.mail.mbox)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kamdesk.mail.mbox import iter_mbox, split_mbox
from kamdesk.mail.parse import parse_rfc822

DATA = Path(__file__).resolve().parents[1] / "data" / "mail"


def chunks(data: bytes, size: int) -> Iterator[bytes]:
    return (data[i : i + size] for i in range(0, len(data), size))


@pytest.mark.parametrize("name", ["three.mbox", "three_crlf.mbox"])
def test_three_messages_with_quoted_from_lines(name: str) -> None:
    raws = list(iter_mbox(DATA / name))
    assert len(raws) == 3
    messages = [parse_rfc822(raw) for raw in raws]
    assert [m.message_id for m in messages] == [
        "mbox-1@acme-industrie.fr",
        "mbox-2@client-sa.fr",
        "mbox-3@acme-industrie.fr",
    ]
    assert all(m.parse_error is None for m in messages)
    # The envelope line is not part of the message, and the writer's empty line neither.
    assert all(raw.startswith(b"From: ") for raw in raws)
    newline = b"\r\n" if "crlf" in name else b"\n"
    assert raws[2].endswith(b"Le planning suit." + newline)
    # mboxrd quoting undone, one ">" at a time.
    first = messages[0].text
    assert "\nFrom our side, everything is ready.\n>From the archive" in first
    # A body line starting with "From " but not an envelope line does not split a message.
    assert messages[1].text == "Merci Helene.\nFrom the team: thanks again."


def test_every_chunk_size_gives_the_same_messages() -> None:
    for name in ("three.mbox", "three_crlf.mbox"):
        data = (DATA / name).read_bytes()
        expected = list(split_mbox(iter([data])))
        for size in range(1, 80):
            assert list(split_mbox(chunks(data, size))) == expected, (name, size)


def test_from_line_without_blank_line_before_it() -> None:
    # Some writers forget the empty line; an envelope line followed by a header still splits.
    data = (
        b"From a@x.fr Mon Jan  8 10:00:00 2024\nFrom: a@x.fr\nSubject: one\n\nbody one\n"
        b"From b@x.fr Tue Jan  9 11:00:00 2024\nFrom: b@x.fr\nSubject: two\n\nbody two\n"
        b"From here on, we agree.\n"
    )
    raws = list(split_mbox(iter([data])))
    assert [parse_rfc822(r).subject for r in raws] == ["one", "two"]
    assert raws[1].endswith(b"body two\nFrom here on, we agree.\n")


def test_file_without_envelope_line_is_one_message() -> None:
    data = b"From: a@x.fr\nSubject: lone\n\nbody\n"
    assert list(split_mbox(iter([data]))) == [data]


def test_empty_and_blank_files() -> None:
    assert list(split_mbox(iter([]))) == []
    assert list(split_mbox(iter([b"\n\n\n"]))) == []
    assert list(split_mbox(iter([b"From a@x Mon Jan  8 10:00:00 2024\n"]))) == []


def test_big_message_across_many_chunks(tmp_path: Path) -> None:
    body = b"".join(b"line %d of a long attachment\n" % i for i in range(200_000))  # ~6 MB
    path = tmp_path / "big.mbox"
    path.write_bytes(
        b"From a Mon Jan  8 10:00:00 2024\nSubject: big\n\n" + body + b"\n"
        b"From b Mon Jan  8 10:00:00 2024\nSubject: small\n\nsmall\n"
    )
    sizes = [len(raw) for raw in iter_mbox(path)]
    assert sizes == [len(b"Subject: big\n\n" + body), len(b"Subject: small\n\nsmall\n")]
