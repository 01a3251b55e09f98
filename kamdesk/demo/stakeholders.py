"""Contacts of each account: an org chart (a tree under the CEO), buying roles, stance history."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kamdesk.demo.context import DemoContext
from kamdesk.demo.customers import Customer
from kamdesk.demo.names import NamePicker, landline, mobile, slug
from kamdesk.demo.portfolio import OPERATIONS_TITLES
from kamdesk.demo.workdays import office_time, previous_workday
from kamdesk.models import Contact, StanceChange
from kamdesk.models.enums import BuyingRole as R
from kamdesk.models.enums import Tier


@dataclass(frozen=True)
class Post:
    """A position in a customer's organisation and how it usually weighs on a purchase."""

    key: str
    title_m: str
    title_f: str
    department: str
    reports_to: str | None  # key of the manager's post; None for the top of the tree
    roles: tuple[R | None, ...]  # drawn uniformly: repeat a role to make it likelier
    influence: tuple[int, int]
    interests: tuple[str, ...]


_OPS = "ops"  # titles depend on the sector, see OPERATIONS_TITLES

POSTS = {
    p.key: p
    for p in (
        Post("dg", "Directeur général", "Directrice générale", "Direction générale", None,
             (R.DECISION_MAKER,), (5, 5),
             ("Croissance rentable", "Image du groupe", "Plan stratégique à 3 ans")),
        Post("daf", "Directeur administratif et financier", "Directrice administrative et financière",
             "Finance", "dg", (R.ECONOMIC_BUYER,), (4, 5),
             ("Coût total de possession", "Maîtrise des budgets", "Retour sur investissement")),
        Post("achats", "Directeur des achats", "Directrice des achats", "Achats", "dg",
             (R.ECONOMIC_BUYER, R.GATEKEEPER, R.INFLUENCER), (3, 4),
             ("Réduction des coûts", "Rationalisation des fournisseurs", "Conditions de paiement")),
        Post("dsi", "Directeur des systèmes d'information", "Directrice des systèmes d'information",
             "DSI", "dg", (R.TECHNICAL_PRESCRIBER, R.TECHNICAL_PRESCRIBER, R.OPPONENT), (4, 5),
             ("Cybersécurité", "Cloud souverain", "Urbanisation du SI")),
        Post(_OPS, "", "", "Opérations", "dg", (R.DECISION_MAKER, R.INFLUENCER), (4, 5),
             ("Disponibilité des installations", "Sécurité des équipes", "Productivité")),
        Post("rse", "Directeur RSE", "Directrice RSE", "RSE", "dg", (R.INFLUENCER, None), (3, 4),
             ("Décarbonation", "Reporting CSRD", "Sobriété énergétique")),
        Post("assistant", "Assistant de direction", "Assistante de direction", "Direction générale",
             "dg", (R.GATEKEEPER, None), (1, 2), ("Organisation des comités",)),
        Post("acheteur", "Acheteur projets", "Acheteuse projets", "Achats", "achats",
             (R.GATEKEEPER, R.INFLUENCER, None), (2, 3),
             ("Appels d'offres", "Benchmark prix", "Clauses de pénalités")),
        Post("cdg", "Contrôleur de gestion", "Contrôleuse de gestion", "Finance", "daf",
             (R.INFLUENCER, None), (2, 3), ("Tableaux de bord", "Suivi des économies")),
        Post("juriste", "Juriste contrats", "Juriste contrats", "Juridique", "daf",
             (R.GATEKEEPER, None), (2, 3), ("Responsabilité et assurances", "RGPD")),
        Post("chef_projet", "Chef de projet SI", "Cheffe de projet SI", "DSI", "dsi",
             (R.USER, R.TECHNICAL_PRESCRIBER, R.INFLUENCER), (2, 3),
             ("Planning de déploiement", "Intégration ERP", "Conduite du changement")),
        Post("rssi", "Responsable sécurité des SI", "Responsable sécurité des SI", "DSI", "dsi",
             (R.TECHNICAL_PRESCRIBER, R.GATEKEEPER, R.OPPONENT), (3, 4),
             ("Cybersécurité", "Segmentation réseau OT", "Conformité NIS 2")),
        Post("maintenance", "Responsable maintenance", "Responsable maintenance", "Opérations",
             _OPS, (R.USER, R.INFLUENCER), (2, 4),
             ("Maintenance prédictive", "Pièces de rechange", "Astreintes")),
        Post("qualite", "Responsable qualité", "Responsable qualité", "Qualité", _OPS,
             (R.INFLUENCER, R.USER), (2, 3), ("Certification ISO 50001", "Audits", "Traçabilité")),
        Post("site", "Responsable de site", "Responsable de site", "Opérations", _OPS,
             (R.USER, R.INFLUENCER, R.DECISION_MAKER), (2, 4),
             ("Disponibilité des installations", "Budget du site", "Sécurité des équipes")),
        Post("energie", "Responsable énergie", "Responsable énergie", "Opérations", "rse",
             (R.USER, R.INFLUENCER), (2, 3), ("Sobriété énergétique", "Certificats d'économies d'énergie")),
        Post("methodes", "Ingénieur méthodes", "Ingénieure méthodes", "Opérations", _OPS,
             (R.USER, R.TECHNICAL_PRESCRIBER), (1, 3), ("Amélioration continue", "Données terrain")),
        Post("technicien", "Technicien de maintenance", "Technicienne de maintenance", "Opérations",
             "maintenance", (R.USER, None), (1, 2), ("Ergonomie des outils", "Alertes mobiles")),
    )
}  # fmt: skip

_DIRECTORS = (_OPS, "daf", "dsi", "achats", "rse")
# Posts below the directors, likeliest first.
_STAFF = ("maintenance", "chef_projet", "acheteur", "qualite", "site", "energie", "cdg", "rssi",
          "assistant", "methodes", "juriste", "technicien")  # fmt: skip
_REPEATABLE = ("site", "technicien")
_PERSONAL_INTERESTS = ("Voile", "Rugby", "Trail", "Œnologie", "Golf", "Photographie", "Cyclisme")
_STANCES = (-2, -1, -1, 0, 0, 0, 0, 1, 1, 1, 2, 2)


def _choose_posts(ctx: DemoContext, count: int) -> list[str]:
    """The CEO, two to five directors, then staff under the directors present."""
    directors = max(2, min(5, round(count * 0.35)))
    keys = ["dg", *_DIRECTORS[:directors]]
    while len(keys) < count:
        vacant = [
            k
            for k in dict.fromkeys(_STAFF)
            if POSTS[k].reports_to in keys and (k not in keys or k in _REPEATABLE)
        ]
        keys.append(vacant[0] if ctx.chance(0.5) else ctx.rng.choice(vacant))
    return keys


def _title(post: Post, sector: str, female: bool) -> tuple[str, str]:
    if post.key == _OPS:
        title_m, title_f = OPERATIONS_TITLES[sector]
    else:
        title_m, title_f = post.title_m, post.title_f
    return (title_f if female else title_m), post.department


def build_contacts(ctx: DemoContext, customers: list[Customer], names: NamePicker) -> None:
    """Contacts for every account, each tree added root first so that reports_to rows exist."""
    for customer in customers:
        _build_account_contacts(ctx, customer, names)
    _mark_departures(ctx, customers)
    ctx.flush()
    _add_stance_history(ctx, customers)


def _build_account_contacts(ctx: DemoContext, customer: Customer, names: NamePicker) -> None:
    rng = ctx.rng
    spec = customer.spec
    count = rng.randint(*spec.contacts)
    by_post: dict[str, list[Contact]] = {}
    economic_buyer_taken = False
    for index, key in enumerate(_choose_posts(ctx, count)):
        post = POSTS[key]
        female = ctx.chance(0.35 if key == "dg" else 0.5)
        first, last = names.pick(female)
        title, department = _title(post, spec.sector, female)
        site = customer.sites[0]
        if key == "site" and len(customer.sites) > 1:
            site = rng.choice(customer.sites[1:])
            title = f"{title} — {site.city}"
        elif post.reports_to not in (None, "dg") and ctx.chance(0.4):
            site = rng.choice(customer.sites)
        role = rng.choice(post.roles)
        if role == R.ECONOMIC_BUYER:
            if economic_buyer_taken:
                role = R.INFLUENCER
            economic_buyer_taken = True
        manager = rng.choice(by_post[post.reports_to]) if post.reports_to else None
        stance = rng.choice(_STANCES)
        if role == R.OPPONENT:
            stance = rng.choice((-2, -1))
        interests = rng.sample(post.interests, k=min(len(post.interests), rng.randint(1, 2)))
        if ctx.chance(0.3):
            interests.append(rng.choice(_PERSONAL_INTERESTS))
        # The first contacts were keyed in at set-up; later ones arrived (or were met) since.
        created = customer.account.created_at + dt.timedelta(days=rng.randrange(1, 30))
        if index >= 4 and ctx.chance(0.15):
            created = ctx.days_ago(rng.randrange(30, 360))
        created = office_time(rng, previous_workday(created.date()))
        contact = ctx.add(
            Contact, created,
            account_id=customer.account.id, site_id=site.id,
            civility="Mme" if female else "M.", first_name=first, last_name=last,
            job_title=title, department=department,
            email=f"{slug(first)}.{slug(last)}@{spec.domain}",
            phone=landline(rng, customer.hq), mobile=mobile(rng) if ctx.chance(0.7) else None,
            reports_to_id=manager.id if manager else None,
            buying_role=str(role) if role else None,
            influence=rng.randint(*post.influence), stance=stance,
            interests=", ".join(interests),
            relationship_owner_id=(
                customer.team[-1].id if key == "dg" and customer.is_large else customer.owner.id
            ),
            consent="consent" if ctx.chance(0.2) else "legitimate_interest",
            custom_fields={"langue_preferee": "Anglais" if ctx.chance(0.08) else "Français"},
        )  # fmt: skip
        by_post.setdefault(key, []).append(contact)
        customer.contacts.append(contact)
    # Every account has somebody to carry our offer inside: a champion, or at least a supporter.
    if max(c.stance for c in customer.contacts) < 1:
        supporter = rng.choice([c for c in customer.contacts if c.buying_role != R.OPPONENT])
        supporter.stance = 2 if spec.tier != Tier.STANDARD else 1


def _mark_departures(ctx: DemoContext, customers: list[Customer]) -> None:
    """Two contacts left their company and a third one's address bounces although nobody told
    us yet. All three are leaves of their org chart, so nobody reports to someone gone."""
    rng = ctx.rng
    managers = {c.reports_to_id for cu in customers for c in cu.contacts}
    known_for_a_year = ctx.days_ago(300)
    leaves = [
        c
        for cu in customers
        if not cu.spec.quiet
        for c in cu.contacts[1:]
        if c.id not in managers and c.created_at < known_for_a_year
    ]
    gone = rng.sample(leaves, 3)
    for contact in gone[:2]:
        contact.left_at = ctx.today - dt.timedelta(days=rng.randrange(20, 240))
    gone[2].email_bounced = True


def _add_stance_history(ctx: DemoContext, customers: list[Customer]) -> None:
    """A third of contacts changed stance in the last year; the last change ends at today's values."""
    rng = ctx.rng
    for customer in customers:
        for contact in customer.contacts:
            if contact.left_at is not None or not ctx.chance(0.33):
                continue
            earliest = max(contact.created_at, ctx.days_ago(365))
            span = (ctx.now - earliest).days
            if span < 10:
                continue
            days = sorted(rng.sample(range(1, span), rng.randint(1, 2)))
            moments = [
                office_time(rng, previous_workday((earliest + dt.timedelta(days=d)).date()))
                for d in days
            ]
            stance, influence = contact.stance, contact.influence
            steps = []
            for moment in reversed(moments):
                before_stance = stance + rng.choice([d for d in (-1, 1) if -2 <= stance + d <= 2])
                before_influence = influence
                if ctx.chance(0.3):
                    before_influence += rng.choice([d for d in (-1, 1) if 1 <= influence + d <= 5])
                steps.append((moment, before_stance, stance, before_influence, influence))
                stance, influence = before_stance, before_influence
            for moment, s_before, s_after, i_before, i_after in reversed(steps):
                ctx.add(
                    StanceChange, moment,
                    contact_id=contact.id, changed_at=moment, author_id=customer.owner.id,
                    stance_before=s_before, stance_after=s_after,
                    influence_before=i_before, influence_after=i_after,
                )  # fmt: skip
