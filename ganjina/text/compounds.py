"""German compound splitting: ``Trinkwasserversorgung`` → trink + wasser + versorgung.

Dictionary-based, with the linking elements German puts between parts (the *Fugen*:
``Gesundheit-s-ministerium``, ``Flüchtling-s-lager``, ``Kinder-arzt``) and inflection on
the last part (``Krankenhäusern``). A word is split only when it decomposes completely
into dictionary words of at least three letters (a dictionary word that splits is split
too: ``Krankenhaus`` gives ``haus``); of the ways it can, the one with the fewest parts
wins. Unknown words stay whole: a wrong
split costs precision, a missed one only costs the recall of that compound.

Why our own and not a package: no dictionary-based German splitter on PyPI is kept up
and usable here (``compound-split`` has had no release since 2020 and ships a
Wikipedia-derived n-gram model; ``charsplit-fst`` needs Python 3.12; ``wikdict-compound``
needs a WikDict database downloaded at run time). The splitting itself is thirty lines;
the value is the dictionary, which is written for the news of the portal
(:data:`WORDS`: politics, health, water, migration, culture, war and peace) and is easy
to extend. Words are compared as search keys (lower case, ``ä``→``a``, ``ß``→``ss``), so
the splitter sees exactly what the index holds.

    >>> split_compound("trinkwasserversorgung")
    ('trink', 'wasser', 'versorgung')
    >>> split_compound("landesgesundheitsministeriums")
    ('land', 'gesundheit', 'ministerium')
    >>> split_compound("wasser") is None
    True
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["WORDS", "split_compound"]

#: the parts compounds are made of (any spelling: they are keyed on load)
WORDS = """
Abend Abkommen Absicht Abzug Acker Alltag Alter Amt Angriff Anschlag Antrag Anwalt
Approbation Arbeit Arbeiter Armee Armut Arzt Ärztin Ärzte Asyl Aufnahme Ausbildung Ausweis
Auszug Auto Bahn Band Bank Bau Bauer Baum Beamte Behörde Berater Beraterin Beratung Berg
Bericht Beruf Besuch Bevölkerung Bewässerung Bewerber Bewerberin Bezirk Bibliothek Bild
Bildung Blut Boden Bombe Botschaft Brand Brief Brot Brücke Bruder Buch Bund Bündnis Bürger
Büro Chef Dach Damm Dienst Dorf Dürre Ehe Eis Eltern Ende Energie Entwicklung Erde Ernte
Essen Exil Fach Fahrt Fall Familie Farbe Feld Fest Feuer Film Flasche Fleisch Flucht
Flüchtling Flug Fluss Form Forscher Forschung Frau Frauen Freiheit Freund Frieden Frühling
Führer Gabe Garten Gast Gebäude Gebiet Gebirge Gedicht Gefängnis Geld Gemeinde Gericht
Geschichte Geschoss Gesellschaft Gesetz Gesicht Gespräch Gesundheit Getreide Gewalt Glas
Gletscher Gold Grenze Grund Gruppe Gut Hafen Halle Hand Handel Händler Haus Heim Heimat
Helfer Hilfe Himmel Hoch Hochzeit Hof Hunger Jahr Jahrzehnt Jugend Junge Kabinett Kamera
Kammer Kampf Kampagne Kapital Karte Kenntnis Kind Kinder Kirche Klasse Klima Klinik Kollege
Kollegin Konferenz Konflikt Kontrolle Kopf Körper Kosten Kraft Kranke Kranken Krankheit
Krieg Krise Küche Kultur Kunst Land Länder Landwirtschaft Lage Lager Lauf Leben Lehrer
Lehrerin Leistung Leiter Leitung Licht Liebe Lied Liste Literatur Luft Macht Mädchen Mangel
Mann Markt Medizin Mediziner Medizinerin Meer Mensch Menschen Messe Miete Militär Minister
Ministerin Ministerium Mittag Mittel Monat Morgen Mutter Nachbar Nacht Nachricht Name Natur
Not Obst Ort Papier Park Partei Patient Patientin Pflege Plan Platz Politik Polizei Post
Preis Presse Projekt Provinz Prozess Prüfung Quelle Rat Raum Recht Rede Regen Regierung
Region Reise Religion Rente Reform Saat Schaden Schau Schicht Schlag Schmelz Schnee Schrift
Schule Schulung Schutz Schwester See Seite Sender Sicherheit Sieg Sitz Sitzung Sohn Sommer
Speicher Spiel Spieler Spielerin Sprache Sprach Staat Stadt Stamm Stand Station Stein Stelle
Steuer Stick Stimme Strafe Straße Streit Strom Studie Studien Studium Stunde Sturm Suche
System Tag Tagebuch Tal Tat Teil Team Termin Text Tier Tisch Tochter Tod Tor Truppe Turm
Übersetzer Übersetzerin Übersetzung Ufer Uhr Umwelt Unterricht Unterstützung Urlaub Vater
Verband Verein Verfahren Vergangenheit Verhandlung Verkehr Verlag Versorgung Vertrag Vertreter
Volk Wahl Wahlen Wald Wand Wandel Waren Warn Wasser Weg Wein Welt Werk Wetter Wind Winter
Wirtschaft Wissen Wissenschaft Woche Wohnung Wort Wunsch Zahl Zeit Zeitung Zelt Zentrum
Ziel Zimmer Zoll Zug Zukunft Zusammenarbeit Schenke Trink Haupt Neben Ober Unter Kurz Lang
Fern Nah Groß Klein Alt Neu Frei Welt Bundes Landes Stadt Teil Not Gipfel Lawine Hang Schlamm
Flut Hochwasser Erdbeben Beben Opfer Hilfs Helfer Spende Impf Impfung Impfstoff Polio Arznei
Medikament Kinderarzt Frauenarzt Krankenhaus Hebamme Geburt Schwangerschaft Ernährung Brunnen
Kanal Bewässerung Staudamm Pumpe Leitung Rohr Safran Granatapfel Mohn Opium Weizen Reis Baum
Teppich Handwerk Seide Gewürz Tee Zucker Salz Mehl Gas Öl Kohle Kupfer Mine Bergbau
Kricket Liga Lokal Zettel Fracht Stimm Wähler Wählerin Rückkehr Rückkehrer Sorge Quelle
"""


def _keyed() -> frozenset[str]:
    from ganjina.text.keys import search_key  # keys imports nothing of ours: no cycle

    return frozenset(search_key(w) for w in WORDS.split() if len(w) >= 3)


_DICT: frozenset[str] = frozenset()
#: linking elements between parts, longest first ("" = none)
_LINKS = ("ens", "es", "en", "er", "s", "n", "e", "")
#: endings the last part may carry
_INFLECTIONS = ("", "e", "n", "en", "s", "es", "er", "ern", "ns")
MIN_PART = 3
MIN_COMPOUND = 7


def _dictionary() -> frozenset[str]:
    global _DICT
    if not _DICT:
        _DICT = _keyed()
    return _DICT


def _endings(endings: tuple[str, ...]) -> dict[str, str]:
    """Every dictionary word with each of ``endings`` -> the word; where one string can be
    read two ways, the ending listed first wins. One dictionary lookup then does what a
    loop over the endings (``endswith``, slice, set test) did, for each of the many
    substrings the split looks at."""
    found: dict[str, str] = {}
    for ending in endings:
        for base in _dictionary():
            if len(base) >= MIN_PART:
                found.setdefault(base + ending, base)
    return found


@lru_cache(maxsize=1)
def _heads() -> dict[str, str]:
    """The last part of a compound, perhaps inflected -> its dictionary form."""
    return _endings(_INFLECTIONS)


@lru_cache(maxsize=1)
def _pieces() -> dict[str, str]:
    """A part before another, with its linking element -> its dictionary form."""
    return _endings(_LINKS)


@lru_cache(maxsize=65_536)
def split_compound(word: str) -> tuple[str, ...] | None:
    """The parts of a German compound (search-key form), or None if it is not one."""
    if len(word) < MIN_COMPOUND or not word.isalpha() or not word.isascii():
        return None
    heads, pieces = _heads(), _pieces()
    n = len(word)
    # best[i]: the fewest-part split of word[i:] (parts as dictionary forms)
    best: list[tuple[str, ...] | None] = [None] * (n + 1)
    for i in range(n - MIN_PART, -1, -1):
        head = heads.get(word[i:]) if i else None  # the whole word: split it if it can be
        found: tuple[str, ...] | None = (head,) if head else None
        for j in range(i + MIN_PART, n - MIN_PART + 1):
            rest = best[j]
            if rest is None or (found is not None and len(found) <= len(rest) + 1):
                continue
            base = pieces.get(word[i:j])  # a dictionary word and its linking element
            if base is not None:
                found = (base, *rest)
        best[i] = found
    return best[0]
