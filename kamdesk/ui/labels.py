"""Translated labels of the stored vocabularies (GLOSSARY.md: code → English → French)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


# Every label below is spelled out as QCoreApplication.translate("Labels", …) rather than through
# a helper, because pyside6-lupdate only extracts literal translate()/tr() calls.
def tier(code: str | None) -> str:
    return {
        "large_account": QCoreApplication.translate("Labels", "Large account"),
        "key_account": QCoreApplication.translate("Labels", "Key / strategic account"),
        "standard": QCoreApplication.translate("Labels", "Standard account"),
    }.get(code or "", code or "")


def tier_codes() -> list[str]:
    return ["large_account", "key_account", "standard"]


def buying_role(code: str | None) -> str:
    return {
        "economic_buyer": QCoreApplication.translate("Labels", "Economic buyer"),
        "decision_maker": QCoreApplication.translate("Labels", "Decision maker"),
        "technical_prescriber": QCoreApplication.translate("Labels", "Technical prescriber"),
        "influencer": QCoreApplication.translate("Labels", "Influencer"),
        "user": QCoreApplication.translate("Labels", "User"),
        "gatekeeper": QCoreApplication.translate("Labels", "Gatekeeper"),
        "opponent": QCoreApplication.translate("Labels", "Opponent"),
    }.get(code or "", code or "")


def buying_role_codes() -> list[str]:
    return [
        "economic_buyer",
        "decision_maker",
        "technical_prescriber",
        "influencer",
        "user",
        "gatekeeper",
        "opponent",
    ]


def stance(value: int | None) -> str:
    return {
        -2: QCoreApplication.translate("Labels", "Opponent"),
        -1: QCoreApplication.translate("Labels", "Sceptic"),
        0: QCoreApplication.translate("Labels", "Neutral"),
        1: QCoreApplication.translate("Labels", "Supporter"),
        2: QCoreApplication.translate("Labels", "Champion"),
    }.get(value if value is not None else 0, "")


def interaction_kind(code: str | None) -> str:
    return {
        "email": QCoreApplication.translate("Labels", "Email"),
        "call": QCoreApplication.translate("Labels", "Call"),
        "meeting": QCoreApplication.translate("Labels", "Meeting"),
        "note": QCoreApplication.translate("Labels", "Note"),
        "quote_sent": QCoreApplication.translate("Labels", "Quote sent"),
        "invoice": QCoreApplication.translate("Labels", "Invoice"),
        "ticket": QCoreApplication.translate("Labels", "Support ticket"),
    }.get(code or "", code or "")


def interaction_kind_codes() -> list[str]:
    return ["call", "meeting", "email", "note", "quote_sent", "invoice", "ticket"]


def direction(code: str | None) -> str:
    return {
        "in": QCoreApplication.translate("Labels", "Inbound"),
        "out": QCoreApplication.translate("Labels", "Outbound"),
        "internal": QCoreApplication.translate("Labels", "Internal"),
    }.get(code or "", "")


def document_kind(code: str) -> str:
    return {
        "quote": QCoreApplication.translate("Labels", "Quote"),
        "invoice": QCoreApplication.translate("Labels", "Invoice"),
        "contract": QCoreApplication.translate("Labels", "Contract"),
    }.get(code, code)


def status(code: str | None) -> str:
    return {
        "open": QCoreApplication.translate("Labels", "Open"),
        "won": QCoreApplication.translate("Labels", "Won"),
        "lost": QCoreApplication.translate("Labels", "Lost"),
        "draft": QCoreApplication.translate("Labels", "Draft"),
        "sent": QCoreApplication.translate("Labels", "Sent"),
        "accepted": QCoreApplication.translate("Labels", "Accepted"),
        "refused": QCoreApplication.translate("Labels", "Refused"),
        "paid": QCoreApplication.translate("Labels", "Paid"),
        "unpaid": QCoreApplication.translate("Labels", "Unpaid"),
        "active": QCoreApplication.translate("Labels", "Active"),
        "ended": QCoreApplication.translate("Labels", "Ended"),
        "in_progress": QCoreApplication.translate("Labels", "In progress"),
        "resolved": QCoreApplication.translate("Labels", "Resolved"),
    }.get(code or "", code or "")


def priority(code: str | None) -> str:
    return {
        "low": QCoreApplication.translate("Labels", "Low"),
        "normal": QCoreApplication.translate("Labels", "Normal"),
        "high": QCoreApplication.translate("Labels", "High"),
        "critical": QCoreApplication.translate("Labels", "Critical"),
    }.get(code or "", code or "")


def criterion(key: str) -> str:
    return {
        "revenue": QCoreApplication.translate("Labels", "Revenue and share of our revenue"),
        "growth": QCoreApplication.translate("Labels", "Growth potential"),
        "complexity": QCoreApplication.translate("Labels", "Organisational complexity"),
        "strategic": QCoreApplication.translate("Labels", "Strategic value"),
        "relationship": QCoreApplication.translate("Labels", "Long-term relationship"),
    }.get(key, key)


def meddic_item(name: str) -> str:
    return {
        "metrics": QCoreApplication.translate("Meddic", "Metrics"),
        "economic_buyer_id": QCoreApplication.translate("Meddic", "Economic buyer"),
        "decision_criteria": QCoreApplication.translate("Meddic", "Decision criteria"),
        "decision_process": QCoreApplication.translate("Meddic", "Decision process"),
        "identified_pain": QCoreApplication.translate("Meddic", "Identified pain"),
        "champion_id": QCoreApplication.translate("Meddic", "Champion"),
    }.get(name, name)
