"""The Dutch names a generated organisation is written in, and texts that are hard to export."""

from __future__ import annotations

MINISTRY_NAMES = (
    "Binnenlandse Zaken", "Klimaat en Groene Groei", "Infrastructuur en Waterstaat",
    "Volksgezondheid", "Onderwijs en Wetenschap", "Justitie en Veiligheid", "Financiën",
    "Economische Zaken", "Landbouw en Natuur", "Sociale Zaken", "Defensie",
    "Buitenlandse Zaken",
)
TOPICS = (
    "Wonen", "Energie", "Digitale Overheid", "Water", "Mobiliteit", "Klimaat", "Zorg",
    "Arbeidsmarkt", "Veiligheid", "Onderwijs", "Cultuur", "Natuur", "Financiering",
    "Ruimtelijke Ordening", "Data", "Migratie", "Handel", "Innovatie", "Archieven",
    "Vergunningen", "Toezicht", "Inkoop", "Personeel", "Huisvesting", "Cybersecurity",
    "Bodem", "Luchtkwaliteit", "Wegen", "Spoor", "Havens", "Jeugd", "Pensioenen",
)
DEPARTMENT_KINDS = (
    "Beleid", "Uitvoering", "Strategie", "Juridische Zaken", "Data en Analyse",
    "Bedrijfsvoering", "Communicatie", "Programmabureau", "Kennis", "Toezicht",
)
STAFF_TITLES = (
    "Beleidsmedewerker", "Senior adviseur", "Projectleider", "Data-analist", "Jurist",
    "Controller", "Communicatieadviseur", "Programmasecretaris", "Inkoper",
    "Informatiemanager", "Architect", "Teamleider",
)
FIRST_NAMES = (
    "Petra", "Sander", "Fatima", "Jeroen", "Anouk", "Mohamed", "Sanne", "Daan", "Lotte",
    "Bram", "Noor", "Thijs", "Eva", "Ruben", "Iris", "Kees", "Yara", "Hugo", "Femke",
    "Joost", "Marieke", "Ahmet", "Sophie", "Willem", "Ingrid", "Priya", "Lucas", "Mei",
    "Olga", "Kwame",
)
LAST_NAMES = (
    "Jansen", "de Vries", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer",
    "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker",
    "Brouwer", "de Wit", "Dijkstra", "Yılmaz", "El Amrani", "Nguyen", "Kowalski",
    "O'Brien", "Santos", "Chen", "Okafor", "Haddad", "Novak", "Lindqvist",
)
SUPPLIER_NAMES = (
    "Adviesbureau Horizon", "Consultancy Delta", "IT-Partners Noord", "Bureau Kwartier",
    "Interim Groep", "Digital Works", "Beleidslab", "Projectkracht",
)
HARD_NAMES = (
    'Werkgroep "Slim & Snel"',
    "Overleg {Noord} <pilot>",
    "Team Data\\Analyse",
    "Programma met\neen regelovergang",
    "Комитет по цифровизации",
    "数字政府工作组",
    "لجنة الحوكمة",
    "Ομάδα Εργασίας 'Δ'",
    "Tab\tin de naam",
    "Ünïcödé — “quotes” & ‘more’",
)
"""Names that diagrams and exports must survive (docs/contributing.md#benchmarks),
given to a few entities."""

GOAL_VERBS = (
    "Halvering van", "Verdubbeling van", "Verbetering van", "Versnelling van",
    "Vereenvoudiging van", "Digitalisering van", "Verduurzaming van", "Toegankelijkheid van",
)
GOAL_OBJECTS = (
    "de doorlooptijd", "het aantal klachten", "de dienstverlening", "de datakwaliteit",
    "de uitvoering", "het aanbod", "de samenwerking", "de informatievoorziening",
)
RESULTS = (
    "gemeenten aangesloten", "dossiers afgehandeld", "woningen verduurzaamd",
    "medewerkers opgeleid", "processen gedigitaliseerd", "klanten bediend",
)
TAGS = ("EU", "pilot", "wettelijke taak", "coalitieakkoord", "digitaal", "regio")
INITIATIVE_KINDS = ("Programma", "Project", "Pilot", "Verkenning", "Implementatie", "Aanpak")
DECISION_VERBS = (
    "Budget vaststellen", "Go/no-go", "Scope wijzigen", "Aanbesteding gunnen",
    "Fasering goedkeuren", "Risico accepteren", "Plan vaststellen",
)
