"""French people and places for the demo: names, cities, streets, phone numbers, e-mail slugs."""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass

MALE_FIRST_NAMES = (
    "Philippe", "Laurent", "Stéphane", "Christophe", "Olivier", "Nicolas", "Thierry", "Frédéric",
    "Éric", "Sébastien", "Julien", "Guillaume", "Vincent", "Jérôme", "Alexandre", "Mathieu",
    "Antoine", "Romain", "Pierre", "François", "Benoît", "Arnaud", "Damien", "Cédric", "Yannick",
    "Hervé", "Patrick", "Bruno", "Franck", "Karim", "Mehdi", "Maxime", "Hugo", "Loïc", "Rémi",
    "Xavier", "Fabrice", "Gilles", "Emmanuel", "Yves", "Samir", "Jean-Marc", "Jean-Philippe",
    "Marc-Antoine", "Grégoire", "Bastien", "Lionel", "Didier", "Kévin", "Adrien",
)  # fmt: skip

FEMALE_FIRST_NAMES = (
    "Nathalie", "Isabelle", "Sandrine", "Valérie", "Stéphanie", "Céline", "Sophie", "Caroline",
    "Aurélie", "Émilie", "Julie", "Camille", "Anne", "Hélène", "Marie", "Laure", "Élodie",
    "Virginie", "Delphine", "Karine", "Séverine", "Agnès", "Béatrice", "Florence", "Pascale",
    "Catherine", "Mathilde", "Pauline", "Charlotte", "Inès", "Sarah", "Leïla", "Amélie", "Audrey",
    "Chloé", "Marion", "Anne-Sophie", "Marie-Laure", "Fatima", "Christelle", "Sylvie", "Myriam",
    "Gaëlle", "Lucie", "Noémie", "Corinne", "Véronique", "Solène",
)  # fmt: skip

LAST_NAMES = (
    "Martin", "Bernard", "Dubois", "Robert", "Richard", "Petit", "Durand", "Leroy", "Simon",
    "Lefebvre", "Michel", "Garcia", "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "André",
    "Mercier", "Dupont", "Bonnet", "Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin",
    "Muller", "Henry", "Roussel", "Perrin", "Morin", "Clément", "Gauthier", "Dumont", "Lopez",
    "Fontaine", "Chevalier", "Robin", "Masson", "Sanchez", "Gérard", "Nguyen", "Boyer", "Denis",
    "Lemaire", "Duval", "Joly", "Gautier", "Roche", "Noël", "Meyer", "Lucas", "Meunier", "Perez",
    "Marchand", "Dufour", "Blanchard", "Barbier", "Brun", "Brunet", "Schmitt", "Leroux", "Colin",
    "Fernandez", "Renard", "Arnaud", "Rolland", "Caron", "Aubert", "Giraud", "Leclerc", "Vidal",
    "Bourgeois", "Lemoine", "Picard", "Gaillard", "Lacroix", "Fabre", "Dupuis", "Rodriguez",
    "Da Silva", "Hubert", "Guillot", "Rivière", "Le Gall", "Adam", "Rey", "Moulin", "Gonzalez",
    "Berger", "Lecomte", "Ménard", "Fleury", "Deschamps", "Carpentier", "Maillard", "Marchal",
    "Aubry", "Vasseur", "Le Roux", "Jacquet", "Collet", "Prévost", "Poirier", "Charpentier",
    "Royer", "Huet", "Baron", "Dupuy", "Pons", "Carré", "Breton", "Rémy", "Perrot", "Marty",
    "Cousin", "Benali", "Haddad", "Kaci", "Le Goff", "Tran", "Pham", "Ferreira", "Lebrun",
    "Hamel", "Tessier", "Besnard", "Vallet", "Delmas", "Lagarde", "Ouattara", "Diallo", "Costa",
    "Bouvier", "Texier", "Lejeune", "Hoarau", "Cordier", "Étienne", "Lemercier", "Vial",
)  # fmt: skip


@dataclass(frozen=True)
class City:
    name: str
    postal_code: str
    phone_zone: str  # first digit of a landline number there


CITIES = (
    City("Paris", "75008", "1"), City("Courbevoie", "92400", "1"),
    City("Boulogne-Billancourt", "92100", "1"), City("Saint-Denis", "93200", "1"),
    City("Lyon", "69003", "4"), City("Villeurbanne", "69100", "4"), City("Marseille", "13002", "4"),
    City("Grenoble", "38000", "4"), City("Montpellier", "34000", "4"), City("Nice", "06000", "4"),
    City("Valence", "26000", "4"), City("Saint-Étienne", "42000", "4"),
    City("Clermont-Ferrand", "63000", "4"), City("Annecy", "74000", "4"),
    City("Chambéry", "73000", "4"), City("Toulouse", "31000", "5"), City("Bordeaux", "33000", "5"),
    City("Pau", "64000", "5"), City("Limoges", "87000", "5"), City("Poitiers", "86000", "5"),
    City("Nantes", "44000", "2"), City("Rennes", "35000", "2"), City("Rouen", "76000", "2"),
    City("Le Havre", "76600", "2"), City("Orléans", "45000", "2"), City("Tours", "37000", "2"),
    City("Angers", "49000", "2"), City("Caen", "14000", "2"), City("Brest", "29200", "2"),
    City("Lille", "59000", "3"), City("Strasbourg", "67000", "3"), City("Reims", "51100", "3"),
    City("Dijon", "21000", "3"), City("Metz", "57000", "3"), City("Nancy", "54000", "3"),
    City("Mulhouse", "68100", "3"), City("Amiens", "80000", "3"), City("Dunkerque", "59140", "3"),
    City("Besançon", "25000", "3"),
)  # fmt: skip

CITY_BY_NAME = {city.name: city for city in CITIES}

STREETS = (
    "rue de la République", "avenue Jean-Jaurès", "rue Victor-Hugo", "avenue du Général-Leclerc",
    "rue Pasteur", "boulevard de la Liberté", "allée des Érables", "rue des Frères-Lumière",
    "avenue de l'Europe", "rue Gustave-Eiffel", "rue de l'Industrie", "chemin des Tuileries",
    "avenue Denis-Papin", "quai des Chartreux", "rue Marie-Curie", "boulevard des Alliés",
    "rue du Moulin", "parc d'activités des Grands-Champs", "zone industrielle des Bruyères",
    "rue Ampère", "avenue Pierre-Mendès-France", "rue des Artisans",
)  # fmt: skip

# Blocks the French regulator (ARCEP) sets aside for fiction, so that no real subscriber is shown.
_FICTION_LANDLINE = {"1": "1 99 00", "2": "2 61 91", "3": "3 53 01", "4": "4 65 71", "5": "5 36 49"}
_FICTION_MOBILE = "6 39 98"


def landline(rng: random.Random, city: City) -> str:
    return f"+33 {_FICTION_LANDLINE[city.phone_zone]} {rng.randrange(100):02d} {rng.randrange(100):02d}"


def mobile(rng: random.Random) -> str:
    return f"+33 {_FICTION_MOBILE} {rng.randrange(100):02d} {rng.randrange(100):02d}"


def street_address(rng: random.Random) -> str:
    street = rng.choice(STREETS)
    if street.startswith(("parc", "zone")):
        return street[0].upper() + street[1:]
    number = rng.randrange(1, 180)
    suffix = " bis" if rng.random() < 0.05 else ""
    return f"{number}{suffix} {street}"


def slug(text: str) -> str:
    """``"Le Gall"`` → ``"legall"``, ``"Jean-Marc"`` → ``"jean-marc"``: the local part of an address."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in plain.lower() if ch.isalnum() or ch == "-")


class NamePicker:
    """Draws first and last names without repeating a full name anywhere in the portfolio."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._taken: set[tuple[str, str]] = set()

    def pick(self, female: bool) -> tuple[str, str]:
        pool = FEMALE_FIRST_NAMES if female else MALE_FIRST_NAMES
        while True:
            name = (self._rng.choice(pool), self._rng.choice(LAST_NAMES))
            if name not in self._taken:
                self._taken.add(name)
                return name
