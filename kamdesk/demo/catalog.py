"""Our side of the demo: the team, the two pipelines, the product catalog and custom fields."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kamdesk.demo.context import DemoContext
from kamdesk.demo.names import slug
from kamdesk.models import CustomFieldDefinition, Pipeline, Product, Stage, User
from kamdesk.models.enums import StageOutcome, UserRole

DOMAIN = "kamdesk-demo.fr"

# (name, role); the first KAM is "me" in the demo (the current user).
TEAM = (
    ("Claire Vasseur-Morin", UserRole.KAM),
    ("Julien Achard", UserRole.KAM),
    ("Sonia Belkacem", UserRole.KAM),
    ("Marc Delaunay", UserRole.MANAGER),
    ("Nadia Perrault", UserRole.ADMIN),
)

# (name, default probability %, rotting days, outcome, required MEDDIC items)
NEW_BUSINESS_STAGES = (
    ("Prospection", 10, 30, StageOutcome.OPEN, ()),
    ("Qualification", 20, 30, StageOutcome.OPEN, ()),
    ("Proposition", 40, 21, StageOutcome.OPEN, ()),
    ("Négociation", 60, 21, StageOutcome.OPEN, ("economic_buyer_id", "champion_id")),
    ("Closing", 80, 14, StageOutcome.OPEN, ()),
    ("Gagnée", 100, None, StageOutcome.WON, ()),
    ("Perdue", 0, None, StageOutcome.LOST, ()),
)
RENEWAL_STAGES = (
    ("À préparer", 30, 45, StageOutcome.OPEN, ()),
    ("Proposition envoyée", 60, 30, StageOutcome.OPEN, ()),
    ("Négociation", 75, 21, StageOutcome.OPEN, ()),
    ("Renouvelé", 100, None, StageOutcome.WON, ()),
    ("Non renouvelé", 0, None, StageOutcome.LOST, ()),
)

# (code, name, family, list price in €); "we" sell energy and maintenance supervision.
PRODUCTS = (
    ("PLT-CORE", "Plateforme de supervision — licence annuelle par site", "Logiciel", 48_000),
    ("PLT-ANA", "Module Analytique avancée", "Logiciel", 18_000),
    ("PLT-API", "Connecteur ERP / API", "Logiciel", 9_500),
    ("CAP-IOT", "Pack capteurs IoT (lot de 50)", "Matériel", 12_500),
    ("GTW-IND", "Passerelle industrielle", "Matériel", 3_200),
    ("SRV-DEP", "Déploiement sur site (jour)", "Services", 1_250),
    ("SRV-FOR", "Formation utilisateurs (session)", "Services", 2_400),
    ("SRV-CONS", "Conseil en performance énergétique (jour)", "Services", 1_450),
    ("MNT-PREM", "Maintenance Premium 24/7 (annuelle)", "Support", 36_000),
    ("MNT-STD", "Maintenance Standard (annuelle)", "Support", 14_000),
    ("TMA-MOIS", "Infogérance de la plateforme (mois)", "Services", 8_500),
)

# What opportunities are about: a title pattern ({scope} is filled per deal), the products
# sold and the plausible size of such a deal in €.
OFFERS = (
    ("Déploiement de la supervision énergétique — {scope}", ("PLT-CORE", "CAP-IOT", "GTW-IND", "SRV-DEP"), (80_000, 1_900_000)),
    ("Extension du module analytique — {scope}", ("PLT-ANA", "SRV-CONS"), (30_000, 400_000)),
    ("Intégration ERP de la plateforme — {scope}", ("PLT-API", "SRV-DEP"), (20_000, 250_000)),
    ("Maintenance prédictive — {scope}", ("CAP-IOT", "PLT-ANA", "SRV-CONS", "SRV-DEP"), (60_000, 900_000)),
    ("Passage en maintenance Premium 24/7 — {scope}", ("MNT-PREM", "SRV-FOR"), (40_000, 450_000)),
    ("Plan de formation des équipes — {scope}", ("SRV-FOR",), (20_000, 90_000)),
    ("Infogérance de la plateforme — {scope}", ("TMA-MOIS", "MNT-STD"), (100_000, 1_200_000)),
    ("Audit de performance énergétique — {scope}", ("SRV-CONS", "CAP-IOT"), (20_000, 180_000)),
)  # fmt: skip
RENEWAL_PRODUCTS = ("PLT-CORE", "MNT-PREM", "MNT-STD")


@dataclass
class Reference:
    users: list[User]
    kams: list[User]
    manager: User
    new_business: Pipeline
    renewals: Pipeline
    stages: dict[tuple[str, str], Stage]  # (pipeline name, stage name) → stage
    products: dict[str, Product]

    @property
    def me(self) -> User:
        return self.kams[0]

    def open_stages(self, pipeline: Pipeline) -> list[Stage]:
        rows = [s for s in self.stages.values() if s.pipeline_id == pipeline.id]
        return sorted((s for s in rows if s.outcome == StageOutcome.OPEN), key=lambda s: s.position)

    def outcome_stage(self, pipeline: Pipeline, outcome: StageOutcome) -> Stage:
        return next(
            s for s in self.stages.values() if s.pipeline_id == pipeline.id and s.outcome == outcome
        )


def _email(name: str) -> str:
    first, _, last = name.partition(" ")
    return f"{slug(first)}.{slug(last)}@{DOMAIN}"


def build_reference(ctx: DemoContext) -> Reference:
    """Rows that exist before any customer: made "when kamdesk was set up", 26 months ago."""
    setup = ctx.days_ago(790)
    users = [
        ctx.add(User, setup, name=name, email=_email(name), role=str(role)) for name, role in TEAM
    ]
    pipelines = [
        ctx.add(Pipeline, setup, name="Nouveaux projets", position=0),
        ctx.add(Pipeline, setup, name="Renouvellements", position=1),
    ]
    products = {
        code: ctx.add(
            Product, setup, code=code, name=name, family=family, list_price_cents=euros * 100
        )
        for code, name, family, euros in PRODUCTS
    }
    ctx.add(
        CustomFieldDefinition, setup, entity="account", key="code_client_erp",
        label="Code client ERP", kind="text", position=0,
    )  # fmt: skip
    ctx.add(
        CustomFieldDefinition, setup, entity="contact", key="langue_preferee",
        label="Langue préférée", kind="choice", options=["Français", "Anglais", "Allemand"],
        position=0,
    )  # fmt: skip
    ctx.flush()

    stages: dict[tuple[str, str], Stage] = {}
    for pipeline, specs in zip(pipelines, (NEW_BUSINESS_STAGES, RENEWAL_STAGES), strict=True):
        for position, (name, probability, rotting, outcome, meddic) in enumerate(specs):
            stages[(pipeline.name, name)] = ctx.add(
                Stage, setup + dt.timedelta(minutes=1), pipeline_id=pipeline.id, name=name,
                position=position, probability=probability, rotting_days=rotting,
                outcome=str(outcome), required_meddic=list(meddic),
            )  # fmt: skip
    kams = [u for u in users if u.role == UserRole.KAM]
    manager = next(u for u in users if u.role == UserRole.MANAGER)
    return Reference(users, kams, manager, pipelines[0], pipelines[1], stages, products)
