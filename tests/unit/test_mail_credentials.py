"""Passwords go to a real keyring or nowhere: kamdesk.mail.credentials' rules."""

from __future__ import annotations

from pathlib import Path

import keyring
import keyring.backend
import keyring.errors
import pytest
from keyring.backends import chainer, fail, null

from kamdesk.mail import credentials
from kamdesk.mail.credentials import (
    IMAP_SERVICE,
    KeyringUnavailable,
    backend_is_secure,
    forget_password,
    keyring_status,
    load_password,
    save_password,
)

KEY = "anna@mail.example.com:993"


class DictKeyring(keyring.backend.KeyringBackend):
    """Stores in a dict; subclasses change how keyring rates it."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.secrets.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError("not found")


class PlaintextLikeKeyring(DictKeyring):
    """Rated like keyrings.alt's plaintext file: usable, not recommended."""

    priority = 0.5  # type: ignore[assignment]


class AltFileKeyring(DictKeyring):
    """Claims a good priority but comes from keyrings.alt."""


AltFileKeyring.__module__ = "keyrings.alt.file"


class LockedKeyring(DictKeyring):
    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("collection is locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.KeyringLocked("collection is locked")


class NoDbusKeyring(DictKeyring):
    def set_password(self, service: str, username: str, password: str) -> None:
        raise RuntimeError(f"org.freedesktop.DBus.Error.ServiceUnknown while storing {password}")

    def get_password(self, service: str, username: str) -> str | None:
        raise RuntimeError("org.freedesktop.DBus.Error.ServiceUnknown")


def full_name(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


@pytest.fixture(autouse=True)
def no_user_configuration(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No keyring configuration unless a test writes one; returns keyring's config folder."""
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    # keyring derives the folder from XDG_CONFIG_HOME on Linux; patched for the other systems.
    root = tmp_path / "config" / "python_keyring"
    monkeypatch.setattr(credentials.platform_, "config_root", lambda: root)
    return root


def test_the_test_suites_memory_keyring_is_usable(memory_keyring: DictKeyring) -> None:
    assert backend_is_secure()

    assert save_password(KEY, "s3cret") is True
    assert memory_keyring.secrets == {(IMAP_SERVICE, KEY): "s3cret"}
    assert load_password(KEY) == "s3cret"

    forget_password(KEY)
    assert load_password(KEY) is None
    forget_password(KEY)  # forgetting twice is not an error


def test_services_are_kept_apart(memory_keyring: DictKeyring) -> None:
    save_password(KEY, "imap-pw")
    save_password(KEY, "sync-token", service="kamdesk-sync")

    assert load_password(KEY) == "imap-pw"
    assert load_password(KEY, service="kamdesk-sync") == "sync-token"


def test_no_keyring_at_all_is_refused() -> None:
    keyring.set_keyring(fail.Keyring())

    status = keyring_status()
    assert not status.secure and status.reason == "no system keyring was found"
    assert save_password(KEY, "s3cret") is False
    assert load_password(KEY) is None
    forget_password(KEY)  # nothing to do, and no NoKeyringError either


@pytest.mark.parametrize("backend_class", [PlaintextLikeKeyring, AltFileKeyring])
def test_plaintext_backends_are_refused_and_store_nothing(
    backend_class: type[DictKeyring],
) -> None:
    backend = backend_class()
    keyring.set_keyring(backend)

    assert not backend_is_secure()
    assert save_password(KEY, "s3cret") is False
    assert backend.secrets == {}


def test_null_keyring_is_refused_even_when_chosen(monkeypatch: pytest.MonkeyPatch) -> None:
    # keyring's own "disable" writes this choice: it means "keep no passwords".
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", full_name(null.Keyring))
    keyring.set_keyring(null.Keyring())

    assert save_password(KEY, "s3cret") is False


def test_backend_chosen_in_the_environment_is_honoured(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", full_name(PlaintextLikeKeyring))
    backend = PlaintextLikeKeyring()
    keyring.set_keyring(backend)

    status = keyring_status()
    assert status.secure and status.explicit
    assert save_password(KEY, "s3cret") is True
    assert backend.secrets == {(IMAP_SERVICE, KEY): "s3cret"}


def test_backend_chosen_in_keyringrc_is_honoured(no_user_configuration: Path) -> None:
    no_user_configuration.mkdir(parents=True)
    (no_user_configuration / "keyringrc.cfg").write_text(
        f"[backend]\ndefault-keyring = {full_name(PlaintextLikeKeyring)}\n", encoding="utf-8"
    )
    keyring.set_keyring(PlaintextLikeKeyring())

    assert keyring_status().explicit
    assert save_password(KEY, "s3cret") is True


def test_a_choice_naming_another_backend_does_not_count(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.SecretService.Keyring")
    keyring.set_keyring(PlaintextLikeKeyring())

    assert not keyring_status().explicit
    assert save_password(KEY, "s3cret") is False


@pytest.mark.parametrize(
    ("chained", "secure"),
    [([], False), ([PlaintextLikeKeyring()], False), ([DictKeyring()], True)],
)
def test_chainer_counts_as_the_backend_it_writes_to(
    monkeypatch: pytest.MonkeyPatch, chained: list[DictKeyring], secure: bool
) -> None:
    monkeypatch.setattr(chainer.ChainerBackend, "backends", chained)
    keyring.set_keyring(chainer.ChainerBackend())

    assert backend_is_secure() is secure


def test_locked_keyring_is_a_clear_error() -> None:
    keyring.set_keyring(LockedKeyring())

    with pytest.raises(KeyringUnavailable, match="the system keyring is locked: unlock it"):
        save_password(KEY, "s3cret")
    with pytest.raises(KeyringUnavailable, match="locked"):
        load_password(KEY)


def test_unreachable_keyring_is_a_clear_error_without_the_password() -> None:
    keyring.set_keyring(NoDbusKeyring())

    with pytest.raises(KeyringUnavailable) as caught:
        save_password(KEY, "s3cret-123")
    assert "could not be used to save the password" in str(caught.value)
    assert "s3cret-123" not in str(caught.value)
    assert caught.value.__cause__ is None  # the cause quoted the password: dropped

    with pytest.raises(KeyringUnavailable, match="DBus.Error.ServiceUnknown"):
        load_password(KEY)
