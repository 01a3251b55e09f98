"""When the next automatic sync round runs. Plain Python, tested with a fake clock.

- All is well: every 5 minutes.
- A round failed (server unreachable, server error): again soon, then less and less often
  (30 s, 1 min, 2 min…), up to 5 minutes while offline and 15 minutes for a server problem.
- A stuck queue — changes waiting, the server answering, nothing sent for 10 minutes — only
  happens through failed rounds, so it retries on that backoff; ``stuck`` lets the status bar
  say so.
- Only the user can help (sign in again, update kamdesk): no automatic round until they do.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

PERIOD_S = 5 * 60
STUCK_AFTER_S = 10 * 60
FIRST_RETRY_S = 30
OFFLINE_MAX_S = PERIOD_S
SERVER_MAX_S = 15 * 60

# Why a round failed, as the status bar says it.
Problem = Literal["offline", "sign_in", "update", "keyring", "server", "local"]
BLOCKING: frozenset[str] = frozenset({"sign_in", "update"})


@dataclass
class SyncSchedule:
    last_attempt: float | None = None
    last_push_ok: float | None = None  # the outbox was emptied (or was empty) at this time
    watched_since: float | None = None  # the first round: no push is known before it
    failures: int = 0  # rounds failed in a row
    problem: Problem | None = None

    def record(self, now: float, *, pushed: bool, problem: Problem | None) -> None:
        """A round ended at ``now``: ``pushed`` if its push went through."""
        self.last_attempt = now
        if self.watched_since is None:
            self.watched_since = now
        if pushed:
            self.last_push_ok = now
        self.problem = problem
        self.failures = 0 if problem is None else self.failures + 1

    def reset(self) -> None:
        """Signed in again (or out): start afresh."""
        self.last_attempt = self.last_push_ok = self.watched_since = None
        self.failures, self.problem = 0, None

    @property
    def blocked(self) -> bool:
        return self.problem in BLOCKING

    @property
    def offline(self) -> bool:
        return self.problem == "offline"

    def stuck(self, now: float, pending: int) -> bool:
        """Changes wait, the server answers, and none went through for ``STUCK_AFTER_S``."""
        if pending <= 0 or self.offline or self.blocked or self.last_attempt is None:
            return False
        since = self.last_push_ok if self.last_push_ok is not None else self.watched_since
        return since is not None and now - since >= STUCK_AFTER_S

    def backoff(self) -> float:
        cap = OFFLINE_MAX_S if self.offline else SERVER_MAX_S
        return float(min(FIRST_RETRY_S * 2 ** max(self.failures - 1, 0), cap))

    def next_round(self, now: float) -> float | None:
        """When the next automatic round is due (``now`` or later), or None: the user must act."""
        if self.blocked:
            return None
        if self.last_attempt is None:
            return now
        due = self.last_attempt + (self.backoff() if self.failures else PERIOD_S)
        return max(due, now)
