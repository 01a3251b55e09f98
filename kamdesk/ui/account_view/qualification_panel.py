"""Why this account is (or is not) a key account: the five criteria, their scores and reasons.

The service gives each reason as a code with parameters; ``reason_text`` turns it into a
translated sentence, so the French UI never shows the service's English.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kamdesk.services.qualification import (
    LARGE_ACCOUNT_MIN_REVENUE_CENTS,
    LARGE_ACCOUNT_MIN_SHARE,
    MAX_SCORE,
    Qualification,
    Reason,
)
from kamdesk.ui import formatting, labels
from kamdesk.ui.account_view.badges import (
    ALERT,
    GOOD,
    WARNING,
    TierChip,
    bold,
    muted_colour,
    set_text_colour,
)
from kamdesk.ui.messages import fill

# Literal translate("Qualification", "…") calls: pyside6-lupdate extracts only those.
translate = QCoreApplication.translate


def _signed_percent(value: float) -> str:
    text = formatting.percent(value, 0)
    return text if value < 0 else "+" + text


def _span(years: float) -> str:
    """A duration in whole years, in words that read well for 0 and 1 too."""
    if years < 0.75:
        return translate("Qualification", "less than a year")
    if years < 1.5:
        return translate("Qualification", "about a year")
    return fill(translate("Qualification", "%1 years"), QLocale().toString(round(years)))


def _strength(level: int) -> str:
    if level >= 2:
        return translate("Qualification", "strong")
    return translate("Qualification", "moderate")


def _money(cents: int) -> str:
    return formatting.money(cents, decimals=0)


def reason_text(reason: Reason, *, group: bool = False) -> str:
    """One reason in the user's language; an unknown code falls back to the service's English.

    ``group``: the account has subsidiaries, whose figures the criteria include; the sentences
    say so, since the header and the tabs show the account alone.
    """
    p, code = reason.params, reason.code
    if code == "revenue_share":
        if group:
            text = translate(
                "Qualification", "Invoiced this year with subsidiaries: %1, %2 of our revenue"
            )
        else:
            text = translate("Qualification", "Invoiced this year: %1, %2 of our revenue")
        return fill(text, _money(p["revenue_cents"]), formatting.percent(p["share"]))
    if code in ("revenue_threshold_met", "revenue_threshold_missed"):
        if code == "revenue_threshold_met":
            text = translate(
                "Qualification", "Above the large-account threshold (%1 and %2 of our revenue)"
            )
        else:
            text = translate(
                "Qualification", "Below the large-account threshold (%1 and %2 of our revenue)"
            )
        return fill(
            text,
            formatting.money_short(LARGE_ACCOUNT_MIN_REVENUE_CENTS),
            formatting.percent(LARGE_ACCOUNT_MIN_SHARE, 0),
        )
    if code == "revenue_growth":
        if group:
            text = translate("Qualification", "Revenue with subsidiaries: %1 on last year")
        else:
            text = translate("Qualification", "Revenue: %1 on last year")
        return fill(text, _signed_percent(p["growth"]))
    if code == "pipeline_ratio":
        if group:
            text = translate(
                "Qualification",
                "Open pipeline with subsidiaries: %1 (%2 of this year's revenue)",
            )
        else:
            text = translate("Qualification", "Open pipeline: %1 (%2 of this year's revenue)")
        return fill(text, _money(p["pipeline_cents"]), formatting.percent(p["ratio"], 0))
    if code == "potential_revenue":
        text = translate("Qualification", "Estimated potential: %1 a year")
        return fill(text, _money(p["potential_cents"]))
    if code == "kam_judgement":
        text = translate("Qualification", "Key account manager's assessment: %1 out of 4")
        return fill(text, p["value"])
    if code == "sites":
        if group:
            return fill(translate("Qualification", "Sites across the group: %1"), p["count"])
        return fill(translate("Qualification", "Sites: %1"), p["count"])
    if code == "subsidiaries":
        return fill(translate("Qualification", "Subsidiaries: %1"), p["count"])
    if code == "decision_makers":
        if group:
            text = translate(
                "Qualification",
                "Decision makers and influencers mapped across the group: %1"
                " (large accounts have 5 to 15)",
            )
        else:
            text = translate(
                "Qualification",
                "Decision makers and influencers mapped: %1 (large accounts have 5 to 15)",
            )
        return fill(text, p["count"])
    if code == "strategic_reference":
        text = translate("Qualification", "Reference value: a name that opens doors (%1)")
        return fill(text, _strength(p["level"]))
    if code == "strategic_innovation":
        text = translate("Qualification", "Innovation: develops new solutions with us (%1)")
        return fill(text, _strength(p["level"]))
    if code == "strategic_network":
        text = translate("Qualification", "Network: introduces us to other groups (%1)")
        return fill(text, _strength(p["level"]))
    if code == "strategic_stability":
        text = translate("Qualification", "Stability: secure, recurring revenue (%1)")
        return fill(text, _strength(p["level"]))
    if code == "strategic_none":
        return translate(
            "Qualification",
            "No strategic value recorded yet (reference, innovation, network, stability)",
        )
    if code == "customer_years":
        return fill(translate("Qualification", "Customer for %1"), _span(p["years"]))
    if code == "renewals":
        return fill(translate("Qualification", "Contract renewals: %1"), p["count"])
    if code == "contract_length":
        if not p["years"]:
            return translate("Qualification", "No fixed-term contract on record")
        return fill(translate("Qualification", "Longest contract: %1"), _span(p["years"]))
    if code == "tier_large":
        return translate(
            "Qualification",
            "Meets the revenue threshold, with a complex or long-standing relationship",
        )
    if code == "tier_key":
        return translate(
            "Qualification", "Strategic value or growth potential outweighs current revenue"
        )
    if code == "tier_standard":
        return translate(
            "Qualification", "Neither the revenue threshold nor enough strategic value"
        )
    return reason.message


def counts_subsidiaries(q: Qualification) -> bool:
    """Whether the criteria were measured over a group (the account and its subsidiaries)."""
    return any(
        r.code == "subsidiaries" and r.params.get("count") for c in q.criteria for r in c.reasons
    )


def score_colour(score: int, maximum: int = MAX_SCORE) -> QColor:
    ratio = score / maximum if maximum else 0
    return GOOD if ratio >= 0.75 else WARNING if ratio >= 0.5 else ALERT


class ScoreBar(QWidget):
    """A score as rounded segments (one per point) or, for long scales, one continuous bar."""

    SEGMENTED_UP_TO = 8

    def __init__(self, maximum: int = MAX_SCORE, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._score, self._maximum = 0, maximum
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_score(self, score: int) -> None:
        self._score = max(0, min(score, self._maximum))
        self.setToolTip(
            fill(translate("Qualification", "%1 out of %2"), self._score, self._maximum)
        )
        self.update()

    def score(self) -> int:
        return self._score

    def sizeHint(self) -> QSize:
        return QSize(min(220, 36 * self._maximum), 10)

    def paintEvent(self, _event: object) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        empty = self.palette().color(QPalette.ColorRole.Midlight)
        filled = score_colour(self._score, self._maximum)
        height = float(self.height())
        radius = height / 2
        if self._maximum > self.SEGMENTED_UP_TO:
            painter.setBrush(empty)
            painter.drawRoundedRect(QRectF(0, 0, self.width(), height), radius, radius)
            if self._score:
                painter.setBrush(filled)
                width = max(height, self.width() * self._score / self._maximum)
                painter.drawRoundedRect(QRectF(0, 0, width, height), radius, radius)
        else:
            gap = 4.0
            width = (self.width() - gap * (self._maximum - 1)) / self._maximum
            for i in range(self._maximum):
                painter.setBrush(filled if i < self._score else empty)
                painter.drawRoundedRect(QRectF(i * (width + gap), 0, width, height), radius, radius)
        painter.end()


class QualificationPanel(QScrollArea):
    """The verdict (suggested tier, total score) over one row per criterion."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        body.setObjectName("qualificationBody")
        self.setWidget(body)

        self.suggested = TierChip()
        self.tier_reason = QLabel()
        self.tier_reason.setWordWrap(True)
        self.current_note = QLabel()
        self.current_note.setObjectName("currentTierNote")
        self.total = QLabel()
        self.total.setFont(bold(self.total.font(), 2.0))
        self.total_bar = ScoreBar(5 * MAX_SCORE)
        self.total_bar.setFixedSize(200, 8)

        verdict = QGridLayout()
        verdict.setHorizontalSpacing(16)
        verdict.setVerticalSpacing(6)
        suggested_caption = QLabel(self.tr("Suggested tier").upper())
        total_caption = QLabel(self.tr("Total score").upper())
        for caption in (suggested_caption, total_caption):
            set_text_colour(caption, muted_colour(self))
        tier_line = QHBoxLayout()
        tier_line.setSpacing(10)
        tier_line.addWidget(self.suggested)
        tier_line.addWidget(self.current_note)
        tier_line.addStretch(1)
        right = Qt.AlignmentFlag.AlignRight
        verdict.addWidget(suggested_caption, 0, 0)
        verdict.addLayout(tier_line, 1, 0)
        verdict.addWidget(self.tier_reason, 2, 0)
        verdict.addWidget(total_caption, 0, 1, right)
        verdict.addWidget(self.total, 1, 1, right)
        verdict.addWidget(self.total_bar, 2, 1, right | Qt.AlignmentFlag.AlignVCenter)
        verdict.setColumnStretch(0, 1)

        self.rows = QGridLayout()
        self.rows.setHorizontalSpacing(24)
        self.rows.setVerticalSpacing(0)
        self.rows.setColumnStretch(1, 1)
        self.criterion_labels: list[QLabel] = []
        self.score_bars: list[ScoreBar] = []
        self.score_labels: list[QLabel] = []
        self.reason_labels: list[QLabel] = []

        layout = QVBoxLayout(body)
        layout.setContentsMargins(20, 18, 20, 18)
        layout.setSpacing(16)
        layout.addLayout(verdict)
        layout.addWidget(self._line())
        layout.addLayout(self.rows)
        layout.addStretch(1)
        self.setStyleSheet(
            "QWidget#qualificationBody { background: palette(base); }"
            "QLabel#currentTierNote { color: palette(text); background: rgba(184, 110, 0, 28);"
            " border: 1px solid rgba(184, 110, 0, 100); border-radius: 10px; padding: 2px 10px; }"
        )

    def _line(self) -> QFrame:
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Plain)
        pal = line.palette()
        pal.setColor(QPalette.ColorRole.WindowText, pal.color(QPalette.ColorRole.Midlight))
        line.setPalette(pal)
        return line

    def set_qualification(self, q: Qualification) -> None:
        self.suggested.set_tier(q.suggested_tier)
        self.tier_reason.setText(reason_text(q.tier_reason))
        differs = q.suggested_tier != q.current_tier
        self.current_note.setText(fill(self.tr("Currently: %1"), labels.tier(q.current_tier)))
        self.current_note.setVisible(differs)
        maximum = MAX_SCORE * len(q.criteria)
        self.total.setText(fill(self.tr("%1 / %2"), q.total, maximum))
        self.total_bar.set_score(q.total)
        self._ensure_rows(len(q.criteria))
        group = counts_subsidiaries(q)
        for i, criterion in enumerate(q.criteria):
            self.criterion_labels[i].setText(labels.criterion(criterion.key))
            self.score_bars[i].set_score(criterion.score)
            self.score_labels[i].setText(fill(self.tr("%1 / %2"), criterion.score, MAX_SCORE))
            self.reason_labels[i].setText(
                "\n".join("•  " + reason_text(r, group=group) for r in criterion.reasons)
            )

    def _ensure_rows(self, count: int) -> None:
        top = Qt.AlignmentFlag.AlignTop
        while len(self.criterion_labels) < count:
            i = len(self.criterion_labels)
            name = QLabel()
            name.setFont(bold(name.font(), 1.1))
            bar = ScoreBar()
            bar.setFixedSize(160, 8)
            score = QLabel()
            set_text_colour(score, muted_colour(self))
            score_line = QHBoxLayout()
            score_line.setSpacing(10)
            score_line.addWidget(bar)
            score_line.addWidget(score)
            score_line.addStretch(1)
            left = QVBoxLayout()
            left.setSpacing(8)
            left.setContentsMargins(0, 12, 0, 12)
            left.addWidget(name)
            left.addLayout(score_line)
            left.addStretch(1)
            reasons = QLabel()
            reasons.setWordWrap(True)
            reasons.setContentsMargins(0, 12, 0, 12)
            reasons.setAlignment(top | Qt.AlignmentFlag.AlignLeft)
            if i:
                self.rows.addWidget(self._line(), 2 * i - 1, 0, 1, 2)
            self.rows.addLayout(left, 2 * i, 0, top)
            self.rows.addWidget(reasons, 2 * i, 1, top)
            self.criterion_labels.append(name)
            self.score_bars.append(bar)
            self.score_labels.append(score)
            self.reason_labels.append(reasons)
