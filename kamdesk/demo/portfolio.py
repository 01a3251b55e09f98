"""The fictional customers: four groups with their subsidiaries and a few standalone accounts.

Every company here is invented; names were chosen not to match real French companies.
"""

from __future__ import annotations

from dataclasses import dataclass

from kamdesk.models.enums import Tier


@dataclass(frozen=True)
class AccountSpec:
    name: str
    legal_name: str
    sector: str
    domain: str
    city: str  # headquarters
    tier: Tier
    # Recurring revenue of the current contract, in k€. Kept under 2 M€ so that its renewal
    # stays an ordinary-sized deal; large accounts earn the rest through projects.
    annual_keur: int
    contacts: tuple[int, int]  # how many stakeholders, inclusive range
    sites: int
    activity: float  # logged interactions per month (calls, meetings, e-mails, notes)
    kam: int  # index of the owning KAM
    description: str
    quiet: bool = False  # no activity for two to four months: shows the inactivity alert
    subsidiaries: tuple[AccountSpec, ...] = ()


L, K, S = Tier.LARGE_ACCOUNT, Tier.KEY_ACCOUNT, Tier.STANDARD

PORTFOLIO: tuple[AccountSpec, ...] = (
    AccountSpec(
        "Groupe Hélio Industries", "Hélio Industries SA", "Industrie", "helio-industries.fr",
        "Lyon", L, 1500, (11, 14), 6, 12.0, 0,
        "Équipementier industriel (pompes, vannes, compresseurs), 9 usines en France.",
        subsidiaries=(
            AccountSpec(
                "Hélio Composites", "Hélio Composites SAS", "Industrie", "helio-composites.fr",
                "Grenoble", K, 650, (6, 8), 3, 4.0, 0,
                "Pièces composites pour l'aéronautique et le ferroviaire.",
            ),
            AccountSpec(
                "Hélio Maintenance Services", "Hélio Maintenance Services SAS", "Industrie",
                "helio-maintenance.fr", "Saint-Étienne", S, 180, (5, 6), 2, 2.5, 0,
                "Maintenance multi-technique des sites du groupe et de clients tiers.",
            ),
        ),
    ),
    AccountSpec(
        "Vallorex Santé", "Vallorex Santé SA", "Santé", "vallorex-sante.fr", "Courbevoie", L,
        1200, (10, 13), 5, 11.0, 0,
        "Groupe de santé privé : laboratoires, cliniques et distribution pharmaceutique.",
        subsidiaries=(
            AccountSpec(
                "Laboratoires Vallorex", "Laboratoires Vallorex SAS", "Santé", "vallorex-labs.fr",
                "Montpellier", K, 520, (5, 8), 3, 4.0, 0,
                "Production de génériques injectables, deux sites classés.",
            ),
            AccountSpec(
                "Cliniques Vallorex Sud-Ouest", "Cliniques Vallorex Sud-Ouest SAS", "Santé",
                "vallorex-cliniques.fr", "Bordeaux", K, 380, (6, 8), 4, 3.5, 0,
                "Quatre cliniques MCO en Nouvelle-Aquitaine.",
                quiet=True,
            ),
        ),
    ),
    AccountSpec(
        "Banque Corvial", "Banque Corvial SA", "Banque", "corvial.fr", "Paris", L, 1800,
        (11, 14), 5, 12.0, 1,
        "Banque régionale, 340 agences et trois centres de traitement.",
        subsidiaries=(
            AccountSpec(
                "Corvial Assurances", "Corvial Assurances SA", "Assurance",
                "corvial-assurances.fr", "Nantes", K, 700, (6, 8), 2, 4.0, 1,
                "Assurance dommages et prévoyance des clients de la banque.",
            ),
            AccountSpec(
                "Corvial Immobilier d'Entreprise", "Corvial Immobilier d'Entreprise SAS",
                "Immobilier", "corvial-immo.fr", "Paris", S, 220, (5, 6), 2, 3.0, 1,
                "Gestion du parc immobilier tertiaire du groupe.",
            ),
        ),
    ),
    AccountSpec(
        "Armanthe Énergie", "Armanthe Énergie SA", "Énergie", "armanthe.fr", "Toulouse", L, 1900,
        (13, 15), 6, 13.0, 2,
        "Producteur et distributeur d'énergie, hydraulique et renouvelables.",
        subsidiaries=(
            AccountSpec(
                "Armanthe Réseaux", "Armanthe Réseaux SAS", "Énergie", "armanthe-reseaux.fr",
                "Lyon", K, 900, (5, 8), 4, 5.0, 2,
                "Exploitation des réseaux de chaleur et postes de distribution.",
            ),
            AccountSpec(
                "Armanthe Solaire", "Armanthe Solaire SAS", "Énergie", "armanthe-solaire.fr",
                "Montpellier", K, 420, (6, 8), 3, 4.0, 2,
                "Centrales photovoltaïques au sol et en toiture.",
            ),
            AccountSpec(
                "Armanthe Services Clients", "Armanthe Services Clients SAS", "Énergie",
                "armanthe-services.fr", "Lille", S, 150, (5, 6), 1, 2.5, 2,
                "Centre de relation clientèle et facturation du groupe.",
            ),
        ),
    ),
    AccountSpec(
        "Septalys Distribution", "Septalys Distribution SA", "Distribution", "septalys.fr",
        "Lille", L, 900, (9, 12), 5, 9.0, 1,
        "Enseigne de bricolage et jardinage, 120 magasins et 4 entrepôts.",
    ),
    AccountSpec(
        "Transports Brenoval", "Transports Brenoval SAS", "Transport", "brenoval.fr", "Rennes",
        K, 600, (5, 8), 4, 5.0, 2,
        "Transport frigorifique et messagerie, 900 véhicules.",
    ),
    AccountSpec(
        "Ostrélia Télécom", "Ostrélia Télécom SA", "Télécoms", "ostrelia-telecom.fr",
        "Boulogne-Billancourt", K, 750, (7, 9), 3, 6.0, 1,
        "Opérateur de fibre pour les entreprises et les collectivités.",
    ),
    AccountSpec(
        "Industries Marvelis", "Industries Marvelis SAS", "Industrie", "marvelis.fr",
        "Clermont-Ferrand", K, 550, (6, 8), 3, 4.0, 1,
        "Fonderie et usinage de précision pour l'automobile.",
    ),
    AccountSpec(
        "Cimentis Bâtiment", "Cimentis Bâtiment SA", "BTP", "cimentis.fr", "Nantes", K, 480,
        (5, 8), 3, 4.0, 0,
        "Entreprise générale du bâtiment, béton prêt à l'emploi.",
    ),
    AccountSpec(
        "Maison Fervanne", "Maison Fervanne SAS", "Agroalimentaire", "fervanne.fr", "Dijon", S,
        120, (5, 6), 2, 2.0, 2,
        "Moutarderie et condiments, une usine et un entrepôt.",
    ),
    AccountSpec(
        "Logistique Quadrivel", "Logistique Quadrivel SAS", "Transport", "quadrivel.fr",
        "Orléans", S, 90, (5, 6), 2, 2.0, 2,
        "Entreposage et préparation de commandes pour le e-commerce.",
        quiet=True,
    ),
)  # fmt: skip

# What a site is called in each sector, and who runs operations there.
SITE_KINDS = {
    "Industrie": ("Usine", "Centre technique", "Plateforme logistique"),
    "Santé": ("Clinique", "Laboratoire", "Plateforme de distribution"),
    "Banque": ("Centre de traitement", "Direction régionale", "Centre de données"),
    "Assurance": ("Centre de gestion", "Direction régionale"),
    "Immobilier": ("Immeuble de bureaux", "Agence"),
    "Énergie": ("Centrale", "Poste de pilotage", "Agence régionale"),
    "Distribution": ("Entrepôt", "Magasin", "Plateforme logistique"),
    "Transport": ("Dépôt", "Plateforme de messagerie", "Atelier"),
    "Télécoms": ("Centre de données", "Agence", "Centre d'exploitation"),
    "BTP": ("Centrale à béton", "Agence travaux"),
    "Agroalimentaire": ("Usine", "Entrepôt"),
}

OPERATIONS_TITLES = {  # (title for a man, for a woman)
    "Industrie": ("Directeur industriel", "Directrice industrielle"),
    "Santé": ("Directeur des opérations", "Directrice des opérations"),
    "Banque": ("Directeur de l'immobilier", "Directrice de l'immobilier"),
    "Assurance": ("Directeur des services généraux", "Directrice des services généraux"),
    "Immobilier": ("Directeur technique", "Directrice technique"),
    "Énergie": ("Directeur de l'exploitation", "Directrice de l'exploitation"),
    "Distribution": ("Directeur logistique", "Directrice logistique"),
    "Transport": ("Directeur de l'exploitation", "Directrice de l'exploitation"),
    "Télécoms": ("Directeur des infrastructures", "Directrice des infrastructures"),
    "BTP": ("Directeur travaux", "Directrice travaux"),
    "Agroalimentaire": ("Directeur d'usine", "Directrice d'usine"),
}

COMPETITORS = ("Proxelia", "Vantelis Systems", "Sentrival", "Orvatech", "Datanergie")
