"""Threads: which conversation a message belongs to, from Message-ID / In-Reply-To / References.

A thread's id is derived from its *root* Message-ID (the first of References, which RFC 5322
asks every reply to carry), so it does not depend on the order messages arrive in, and two
installations that import the same conversation give it the same id. Mailers that drop
References and keep only In-Reply-To are caught by the importer, which looks the parent up and
takes its thread.
"""

from __future__ import annotations

import uuid

from kamdesk.mail.message import ParsedMessage

# Fixed forever: changing it would split every stored thread in two.
_NAMESPACE = uuid.UUID("6a0e3d8e-4b6f-5d8a-9c1e-2f7b0c4d5e6f")


def thread_id_for(key: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, key))


def root_key(message: ParsedMessage, raw_sha256: str) -> str:
    """The Message-ID the thread is named after (the raw hash for a message without ids)."""
    if message.references:
        return message.references[0]
    return message.in_reply_to or message.message_id or f"sha256:{raw_sha256}"


def parent_ids(message: ParsedMessage) -> list[str]:
    """Message-IDs this message answers, nearest first: a known one gives the thread."""
    ids = []
    if message.in_reply_to:
        ids.append(message.in_reply_to)
    ids.extend(reversed(message.references))
    return list(dict.fromkeys(ids))
