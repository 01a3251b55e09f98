"""Passwords in the OS keyring, and only there.

keyring falls back silently to whatever backend it finds: on a bare Linux session that can be
its fail backend, or a plaintext file from keyrings.alt. kamdesk refuses to store a password
there — the caller then asks for it each time — unless the user chose that backend explicitly
through keyring's own configuration (``PYTHON_KEYRING_BACKEND`` or ``keyringrc.cfg``).

The service name is a parameter so the sync token can use the same rules ("kamdesk-sync").
"""

from __future__ import annotations

import configparser
import os
from dataclasses import dataclass

import keyring
import keyring.backend
import keyring.errors
from keyring.backends import chainer, fail, null
from keyring.util import platform_

from kamdesk.services.errors import ServiceError

IMAP_SERVICE = "kamdesk-imap"


class KeyringUnavailable(ServiceError):
    """The keyring is secure but cannot be used right now (locked, no D-Bus session...)."""


@dataclass(frozen=True)
class KeyringStatus:
    backend: str  # "module.Class", as keyring's configuration names it
    secure: bool
    explicit: bool  # chosen by the user through keyring's configuration
    reason: str | None = None  # why it is refused, in plain English; None when usable


def _backend_name(backend: keyring.backend.KeyringBackend) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def _configured_backend() -> str | None:
    """The backend the user named in keyring's own configuration, as keyring reads it."""
    from_env = os.environ.get("PYTHON_KEYRING_BACKEND", "").strip()
    if from_env:
        return from_env
    config = configparser.RawConfigParser()
    try:
        config.read(platform_.config_root() / "keyringrc.cfg", encoding="utf-8")
        name = config.get("backend", "default-keyring").strip()
    except (OSError, configparser.Error):
        return None
    return name or None


def _refusal(backend: keyring.backend.KeyringBackend) -> str | None:
    """Why ``backend`` may not hold passwords, or None when it may."""
    if isinstance(backend, fail.Keyring):
        return "no system keyring was found"
    if isinstance(backend, null.Keyring):
        return "the keyring is disabled in keyring's configuration"
    if type(backend).__module__.startswith("keyrings.alt"):
        # keyrings.alt holds the file, registry and other "not recommended" stores.
        return "the keyring backend stores passwords in a file, not in a system keyring"
    if isinstance(backend, chainer.ChainerBackend):
        # The chainer writes into its first backend; refuse when that one would be refused.
        chained = list(backend.backends)
        if not chained:
            return "no system keyring was found"
        return _refusal(chained[0])
    try:
        priority = float(backend.priority)
    except Exception:  # keyring signals a non-viable backend by raising from priority
        return "the keyring backend is not usable on this system"
    if priority < 1:
        return "the keyring backend is not one keyring recommends for passwords"
    return None


def keyring_status() -> KeyringStatus:
    """Which backend keyring uses, and whether kamdesk will keep passwords in it."""
    backend = keyring.get_keyring()
    name = _backend_name(backend)
    explicit = _configured_backend() == name
    reason = _refusal(backend)
    if explicit and not isinstance(backend, (fail.Keyring, null.Keyring)):
        reason = None  # the user's own choice wins, even a plaintext file
    return KeyringStatus(backend=name, secure=reason is None, explicit=explicit, reason=reason)


def backend_is_secure() -> bool:
    return keyring_status().secure


def _unavailable(action: str, exc: Exception, secret: str | None = None) -> KeyringUnavailable:
    if isinstance(exc, keyring.errors.KeyringLocked):
        return KeyringUnavailable(f"the system keyring is locked: unlock it to {action}")
    detail = str(exc) or type(exc).__name__
    if secret and secret in detail:
        detail = type(exc).__name__  # a backend echoing what it was given: keep the cause only
    return KeyringUnavailable(f"the system keyring could not be used to {action} ({detail})")


def save_password(key: str, password: str, *, service: str = IMAP_SERVICE) -> bool:
    """Keep ``password`` for ``key`` in the keyring; False, and nothing stored, if insecure."""
    if not backend_is_secure():
        return False
    try:
        keyring.set_password(service, key, password)
    except Exception as exc:  # backends raise their own types (D-Bus, Secret Service...)
        error = _unavailable("save the password", exc, password)
        # Drop the cause too if it quotes the password, so no traceback can show it.
        raise error from (None if password in str(exc) else exc)
    return True


def load_password(key: str, *, service: str = IMAP_SERVICE) -> str | None:
    """The saved password, or None when there is none or the keyring is not trusted."""
    if not backend_is_secure():
        return None
    try:
        return keyring.get_password(service, key)
    except Exception as exc:
        raise _unavailable("read the password", exc) from exc


def forget_password(key: str, *, service: str = IMAP_SERVICE) -> None:
    """Remove the saved password; nothing happens if there was none."""
    if not backend_is_secure():
        return  # kamdesk never wrote there
    try:
        keyring.delete_password(service, key)
    except keyring.errors.PasswordDeleteError:
        pass  # nothing saved: already forgotten
    except Exception as exc:
        raise _unavailable("remove the password", exc) from exc
