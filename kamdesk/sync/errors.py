"""Sync failures, each with a message a user can act on. Unsent changes are always kept."""

from __future__ import annotations


class SyncError(Exception):
    """Sync could not finish; nothing typed is lost (the outbox keeps it for the next round)."""


class Offline(SyncError):
    def __init__(self, detail: str = "") -> None:
        super().__init__(
            "the sync server cannot be reached; you can keep working, your changes are kept "
            "and will be sent at the next sync" + (f" ({detail})" if detail else "")
        )


class SignInAgain(SyncError):
    def __init__(self, detail: str = "") -> None:
        super().__init__("please sign in again" + (f": {detail}" if detail else ""))


class UpdateRequired(SyncError):
    """The server speaks another protocol or schema: this kamdesk (or the server) is outdated."""

    def __init__(self, detail: str = "") -> None:
        super().__init__(detail or "please update kamdesk: the sync server runs another version")


class ServerProblem(SyncError):
    pass


class NotSignedIn(SyncError):
    def __init__(self) -> None:
        super().__init__(
            "not signed in to a sync server: run `kamdesk login --server URL --user NAME`"
        )


class ServerRestored(SyncError):
    """The server's store was restored from an older backup: it may have lost changes this
    device sent. The client re-sends what it wrote, then syncs as usual."""

    def __init__(self, version: int, epoch: int) -> None:
        super().__init__(
            "the sync server was restored from a backup: this device sends again what it wrote"
        )
        self.version = version
        self.epoch = epoch
