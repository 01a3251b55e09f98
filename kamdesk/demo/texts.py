"""French timeline texts: subjects and bodies of calls, meetings, e-mails and notes.

Bodies are assembled from interchangeable sentences so that two thousand interactions do not
read like one copied two thousand times. Every template may use any key of ``Facts.values``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from kamdesk.models.enums import Direction, InteractionKind

TOPICS = (
    "la consommation énergétique du T{q}", "le planning de déploiement {year}",
    "le renouvellement du contrat cadre", "la qualité de service du support", "le budget {year}",
    "l'organisation des achats", "le nouveau site de {city}", "les retours des utilisateurs",
    "les indicateurs du tableau de bord", "la montée de version de la plateforme",
    "la facturation du trimestre", "les alertes de dérive à {city}", "le reporting RSE",
    "la sécurité des passerelles", "la formation des nouveaux techniciens",
    "l'extension aux sites secondaires", "les économies réalisées depuis la mise en service",
    "le comité de pilotage", "l'intégration avec l'ERP", "la maintenance préventive de {city}",
)  # fmt: skip
DEAL_TOPICS = ("le projet « {deal} »", "notre proposition « {deal} »", "le chiffrage « {deal} »")

OBSERVATIONS = (
    "{contact} confirme que le budget {year} est validé pour la partie supervision.",
    "Le déploiement à {city} a pris deux semaines de retard à cause de travaux électriques.",
    "Les équipes terrain utilisent surtout les alertes mobiles ; le tableau de bord reste peu consulté.",
    "Baisse de {pct} % de la consommation mesurée sur les sites équipés depuis la mise en service.",
    "{contact} s'inquiète du coût de la maintenance Premium et demande un comparatif.",
    "La DSI impose un audit de sécurité avant tout raccordement de nouvelles passerelles.",
    "{competitor} a été reçu la semaine dernière par les achats.",
    "Réorganisation en cours : les achats seront centralisés au niveau du groupe au T{q}.",
    "Retour très positif sur la formation des techniciens de {city}.",
    "Demande de visibilité sur la feuille de route produit, en particulier le module analytique.",
    "Le comité d'investissement se réunit dans {weeks} semaines ; le dossier doit être complet avant.",
    "Les données de {city} remontent normalement depuis le remplacement de la passerelle.",
    "{contact} souhaite associer la direction RSE au prochain comité.",
    "Plusieurs utilisateurs demandent un export mensuel automatique vers Excel.",
    "Gel des dépenses non prioritaires annoncé jusqu'à la fin du trimestre.",
    "Intérêt marqué pour « {product} ».",
    "Le site de {city} se propose comme pilote pour la maintenance prédictive.",
    "Les achats demandent un paiement à 60 jours fin de mois au lieu de 45.",
    "La disponibilité du service sur le trimestre est jugée satisfaisante.",
    "{contact} nous présente le nouveau directeur des opérations, arrivé le mois dernier.",
    "Deux incidents de remontée de données ce mois-ci : {contact} attend un plan d'action.",
    "Le reporting CSRD oblige à fiabiliser les relevés de consommation d'ici la fin d'année.",
    "Bonne dynamique : {contact} cite notre plateforme en exemple auprès des autres filiales.",
    "Inquiétude sur la hausse tarifaire annoncée pour l'an prochain.",
)  # fmt: skip
DEAL_OBSERVATIONS = (
    "Le projet « {deal} » est inscrit au budget {year}.",
    "{contact} demande un geste commercial sur « {deal} ».",
    "La décision sur « {deal} » sera prise en comité dans {weeks} semaines.",
    "Questions techniques sur « {deal} » : hébergement des données et réversibilité.",
    "Notre soutenance pour « {deal} » a été bien reçue ; {competitor} passe la semaine prochaine.",
    "Le périmètre de « {deal} » pourrait s'étendre à {city}.",
)  # fmt: skip
NEXT_STEPS = (
    "envoyer le compte rendu et la présentation", "proposer une démonstration à {city}",
    "transmettre une proposition chiffrée sous {weeks} semaines",
    "organiser un point sécurité avec la DSI", "relancer les achats sur le bon de commande",
    "préparer la prochaine business review", "faire valider le planning par {contact}",
    "partager des références clients du secteur", "vérifier la facturation du trimestre avec l'ADV",
    "planifier la formation des nouveaux arrivants",
)  # fmt: skip
PLACES = ("sur site à {city}", "dans leurs locaux de {hq}", "en visioconférence", "dans nos locaux")

SUBJECTS = {
    (InteractionKind.CALL, Direction.OUTBOUND): (
        "Appel avec {contact} : {topic}", "Point téléphonique sur {topic}", "Appel de suivi — {topic}",
    ),
    (InteractionKind.CALL, Direction.INBOUND): (
        "{contact} rappelle au sujet de {topic}", "Appel entrant : {topic}",
    ),
    (InteractionKind.MEETING, Direction.OUTBOUND): (
        "Rendez-vous avec {contact} — {topic}", "Réunion : {topic}", "Atelier sur {topic}",
        "Visite du site de {city}", "Comité de pilotage {account}",
    ),
    (InteractionKind.MEETING, Direction.INTERNAL): (
        "Revue interne du compte {account}", "Préparation du rendez-vous avec {contact}",
    ),
    (InteractionKind.EMAIL, Direction.OUTBOUND): (
        "Suite à notre échange — {topic}", "Proposition de créneau pour faire le point",
        "Documents sur {topic}", "Compte rendu : {topic}",
    ),
    (InteractionKind.EMAIL, Direction.INBOUND): (
        "RE: {topic}", "Question sur {topic}", "Demande d'informations — {topic}", "TR: {topic}",
    ),
    (InteractionKind.NOTE, Direction.INTERNAL): (
        "Note : {topic}", "Ressenti après l'échange avec {contact}", "Info terrain — {account}",
        "À retenir : {topic}",
    ),
}  # fmt: skip

_OPENINGS = (
    "Merci pour votre temps ce matin.",
    "Comme convenu lors de notre dernier échange, vous trouverez les éléments en pièce jointe.",
    "Je reviens vers vous au sujet de {topic}.",
    "Suite à votre demande, voici un point d'étape.",
)
_CLOSINGS = (
    "Je reste à votre disposition pour en discuter.",
    "Pourriez-vous me confirmer vos disponibilités la semaine prochaine ?",
    "N'hésitez pas à revenir vers moi si besoin.",
)
_REQUESTS = (
    "Pouvez-vous nous transmettre la documentation technique des passerelles ?",
    "Nous aurions besoin d'un devis actualisé concernant {topic}.",
    "Je vous confirme notre présence au prochain comité.",
    "Pourriez-vous me rappeler au sujet de {topic} ?",
    "Nous constatons un écart sur la dernière facture, merci de vérifier.",
    "Notre direction souhaite un point d'avancement avant la fin du mois.",
)
# How a contact came across, by stance sign; (about a man, about a woman).
_MOODS = {
    1: (("plutôt favorable", "plutôt favorable"), ("enthousiaste", "enthousiaste"),
        ("pressé d'avancer", "pressée d'avancer")),
    0: (("prudent", "prudente"), ("réservé", "réservée"), ("attentif", "attentive")),
    -1: (("agacé", "agacée"), ("sceptique", "sceptique"), ("fermé", "fermée")),
}  # fmt: skip


@dataclass
class Facts:
    """What a text may mention; ``values`` feeds ``str.format_map``."""

    values: dict[str, str]
    has_deal: bool


def _pick(rng: random.Random, facts: Facts, general: tuple[str, ...], deal: tuple[str, ...]) -> str:
    pool = deal if facts.has_deal and rng.random() < 0.6 else general
    return rng.choice(pool).format_map(facts.values)


def _observations(rng: random.Random, facts: Facts, count: int) -> list[str]:
    seen: list[str] = []
    while len(seen) < count:
        line = _pick(rng, facts, OBSERVATIONS, DEAL_OBSERVATIONS)
        if line not in seen:
            seen.append(line)
    return seen


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _next_step(rng: random.Random, facts: Facts) -> str:
    return rng.choice(NEXT_STEPS).format_map(facts.values)


def compose(
    rng: random.Random,
    kind: InteractionKind,
    direction: Direction,
    facts: Facts,
    minutes: int | None,
) -> tuple[str, str]:
    """Subject and body of one logged interaction."""
    facts.values["topic"] = _pick(rng, facts, TOPICS, DEAL_TOPICS)
    subject = rng.choice(SUBJECTS[(kind, direction)]).format_map(facts.values)
    v = facts.values
    if kind == InteractionKind.CALL:
        lines = " ".join(_observations(rng, facts, rng.randint(1, 2)))
        body = (
            f"Appel de {minutes} min avec {v['contact']} ({v['contact_title']}).\n{lines}\n"
            f"Prochaine étape : {_next_step(rng, facts)}."
        )
    elif kind == InteractionKind.MEETING and direction == Direction.INTERNAL:
        body = (
            f"Point interne de {minutes} min ({v['author']}).\n"
            f"Contexte : {_observations(rng, facts, 1)[0]}\n"
            f"À préparer : {_next_step(rng, facts)}."
        )
    elif kind == InteractionKind.MEETING:
        place = rng.choice(PLACES).format_map(v)
        if subject.startswith("Visite"):
            place = f"sur site à {v['city']}"
        points = "\n".join(f"- {line}" for line in _observations(rng, facts, rng.randint(2, 4)))
        steps = "\n".join(
            f"- {capitalise(_next_step(rng, facts))}" for _ in range(rng.randint(1, 2))
        )
        body = (
            f"Réunion {place} ({minutes} min).\nParticipants : {v['participants']} ; "
            f"pour nous : {v['author']}.\n\nPoints abordés :\n{points}\n\nProchaines étapes :\n{steps}"
        )
    elif kind == InteractionKind.EMAIL and direction == Direction.OUTBOUND:
        opening = rng.choice(_OPENINGS).format_map(v)
        body = (
            f"Bonjour {v['contact_first']},\n\n{opening}\n{_observations(rng, facts, 1)[0]}\n\n"
            f"{rng.choice(_CLOSINGS)}\n\nBien cordialement,\n{v['author']}"
        )
    elif kind == InteractionKind.EMAIL:
        body = (
            f"Bonjour {v['author_first']},\n\n{rng.choice(_REQUESTS).format_map(v)}\n\n"
            f"Cordialement,\n{v['contact']}\n{v['contact_title']}"
        )
    else:
        lines = " ".join(_observations(rng, facts, rng.randint(1, 2)))
        stance = int(v["contact_stance"])
        mood = rng.choice(_MOODS[(stance > 0) - (stance < 0)])[1 if v["contact_female"] else 0]
        body = f"{lines}\nSentiment : {v['contact']} {mood}."
    return subject[:300], body
