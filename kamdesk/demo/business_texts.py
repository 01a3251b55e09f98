"""French texts for records other than the timeline: deals (MEDDIC), tickets, reviews, NPS, tasks."""

from __future__ import annotations

SCOPES = (
    "site de {city}",
    "usine de {city}",
    "{n} sites",
    "périmètre groupe",
    "région {region}",
    "sites pilotes",
    "phase 2",
)
REGIONS = ("Nord", "Sud-Est", "Ouest", "Île-de-France", "Grand Est", "Sud-Ouest")

DESCRIPTIONS = (
    "Besoin exprimé lors de la dernière business review : {pain_lower}",
    "Demande entrante de {contact} après la présentation au comité de direction.",
    "Opportunité détectée par l'équipe support lors des interventions à {city}.",
    "Appel d'offres restreint : trois fournisseurs consultés, dont {competitor}.",
    "Extension naturelle du contrat cadre en cours ; budget à confirmer.",
)
METRICS = (
    "Réduire de {pct} % la consommation énergétique des sites concernés d'ici {year}.",
    "Diminuer de 30 % les arrêts non planifiés sur les lignes critiques.",
    "Retour sur investissement attendu en moins de 18 mois.",
    "Économiser {keur} k€ par an de maintenance corrective.",
    "Fiabiliser à 98 % les relevés utilisés pour le reporting CSRD.",
)
DECISION_CRITERIA = (
    "Couverture fonctionnelle, coût total sur 3 ans, références dans le secteur.",
    "Sécurité (ISO 27001, hébergement en France), intégration ERP, prix.",
    "Qualité du support, délai de déploiement, ergonomie pour les équipes terrain.",
    "Prix avant tout ; la DSI a un droit de veto sur l'architecture.",
)
DECISION_PROCESS = (
    "Validation technique par la DSI, puis comité d'investissement mensuel ; signature du DG.",
    "Appel d'offres formalisé : cahier des charges, soutenance, meilleure offre finale.",
    "Décision du directeur des opérations, bon de commande émis par les achats sous 15 jours.",
    "Arbitrage budgétaire en conseil d'administration, puis négociation avec les achats groupe.",
)
PAINS = (
    "Données de consommation dispersées dans une douzaine de fichiers Excel.",
    "Pannes récurrentes sur la ligne principale : plus de 40 heures d'arrêt l'an dernier.",
    "Factures d'énergie en hausse de 25 % sans visibilité par site.",
    "Obligation de reporting CSRD sans outil de mesure fiable.",
    "Techniciens de maintenance débordés, interventions uniquement curatives.",
)
# Next steps by pipeline and stage position.
NEXT_STEPS = {
    ("Nouveaux projets", 0): ("Obtenir le rendez-vous avec le DAF", "Qualifier le budget avec {contact}"),
    ("Nouveaux projets", 1): ("Organiser la démonstration à {city}", "Identifier le décideur économique"),
    ("Nouveaux projets", 2): ("Relancer {contact} sur la proposition", "Répondre aux questions de la DSI", "Préparer la soutenance"),
    ("Nouveaux projets", 3): ("Envoyer la proposition révisée", "Relancer {contact} sur le retour du comité"),
    ("Nouveaux projets", 4): ("Récupérer le bon de commande", "Caler la signature avec la direction générale"),
    ("Renouvellements", 0): ("Préparer le bilan du contrat en cours", "Recueillir les besoins des sites avec {contact}"),
    ("Renouvellements", 1): ("Relancer {contact} sur la proposition de renouvellement",),
    ("Renouvellements", 2): ("Négocier l'indexation avec les achats", "Faire relire le contrat par le juridique"),
}  # fmt: skip
WON_REASONS = (
    "Meilleure couverture fonctionnelle et références solides dans le secteur.",
    "Relation de confiance avec la direction des opérations ; prix aligné après négociation.",
    "Délai de déploiement le plus court et intégration ERP native.",
)
LOST_REASONS = (
    "Prix jugé trop élevé face à {competitor}.",
    "Projet reporté sans date : gel budgétaire décidé par le groupe.",
    "Le client a choisi de développer une solution en interne.",
    "Périmètre technique non couvert (hébergement exigé sur leur cloud privé).",
    "Perte de notre soutien interne après le départ du sponsor.",
)

TICKET_SUBJECTS = (
    "Perte de remontée des données à {city}", "Tableau de bord inaccessible",
    "Erreur de synchronisation avec l'ERP", "Création de comptes utilisateurs",
    "Alerte de seuil non déclenchée", "Passerelle hors ligne à {city}", "Export CSV incomplet",
    "Lenteurs de l'application le matin", "Question sur la facture du mois",
    "Mise à jour du micrologiciel des passerelles", "Ajout d'un nouveau site",
    "Droits d'accès à revoir après une réorganisation", "Rapport mensuel non reçu",
    "Capteurs affichant des valeurs aberrantes", "Demande de formation complémentaire",
)  # fmt: skip
TICKET_DETAILS = (
    "Signalé par {contact} ; {n} utilisateurs concernés.",
    "Constaté depuis la maintenance de la nuit dernière.",
    "Bloquant pour la clôture mensuelle du contrôle de gestion.",
    "Le problème apparaît de façon intermittente, surtout en début de semaine.",
    "Capture d'écran et journaux transmis par le client.",
)

REVIEW_NOTES = (
    "Bilan du trimestre : disponibilité de la plateforme {uptime} %, {tickets} tickets traités.",
    "Économies mesurées depuis le début du contrat : {keur} k€.",
    "Satisfaction globale bonne ; point d'attention sur les délais de réponse du support.",
    "Le client prépare son plan stratégique ; opportunité d'extension aux filiales.",
    "Présentation de la feuille de route produit, accueil favorable sur le module analytique.",
    "Revue des indicateurs RSE : le client souhaite un rapport trimestriel dédié.",
)
REVIEW_ACTIONS = (
    "Envoyer le rapport d'activité détaillé", "Proposer un atelier sur la maintenance prédictive",
    "Planifier la formation des nouveaux arrivants", "Chiffrer l'extension au site de {city}",
    "Mettre en place une revue mensuelle des tickets critiques",
    "Préparer la proposition de renouvellement",
)  # fmt: skip

NPS_COMMENTS = {
    "detractor": (
        "Trop d'incidents de remontée de données ce trimestre.",
        "Support difficile à joindre en cas d'urgence.",
        "Le prix augmente plus vite que la valeur apportée.",
    ),
    "passive": (
        "Bon outil, mais les rapports manquent de souplesse.",
        "Correct dans l'ensemble ; la formation pourrait être plus concrète.",
        "Satisfait, en attente de la nouvelle version mobile.",
    ),
    "promoter": (
        "Équipe réactive et à l'écoute.",
        "Les économies d'énergie sont au rendez-vous.",
        "Notre responsable de compte connaît parfaitement nos enjeux.",
    ),
}

DONE_TASKS = (
    "Envoyer le compte rendu du comité de pilotage", "Relancer {contact} pour le bon de commande",
    "Mettre à jour la cartographie des décideurs", "Préparer la business review",
    "Transmettre les références clients demandées", "Planifier la visite du site de {city}",
    "Vérifier la facture contestée avec l'ADV",
)  # fmt: skip
