# ruff: noqa: E501  (sentences are data: one per line reads and diffs better than wrapped)
"""German sentence pools for the variation corpus (written for Ganjina; facts only are real).

Slots as in ``text_en``.
"""

PLACES = [
    "Balch",
    "Herat",
    "Kandahar",
    "Nangarhar",
    "Bamiyan",
    "Badachschan",
    "Kundus",
    "Ghazni",
    "Paktia",
    "Chost",
    "Helmand",
    "Tachar",
    "Parwan",
    "Logar",
    "Samangan",
    "Faryab",
    "Laghman",
    "Kunar",
    "Pandschir",
    "Zabul",
]
DAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
MONTHS = ["März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober"]
GIVEN = [
    "Anna",
    "Lukas",
    "Sabine",
    "Jürgen",
    "Katrin",
    "Matthias",
    "Ulrike",
    "Florian",
    "Heike",
    "Tobias",
    "Monika",
    "Felix",
    "Greta",
    "Stefan",
    "Dorothea",
    "Elias",
]
FAMILY = [
    "Brandt",
    "Köhler",
    "Lindner",
    "Weißmann",
    "Hofstetter",
    "Baumgart",
    "Seidel",
    "Engelhardt",
    "Nowak",
    "Reuter",
    "Sommerfeld",
    "Ziegler",
    "Falkenberg",
    "Ostwald",
]
OUTLETS = [
    "Bergland Kurier",
    "Rundschau am Main",
    "Weltspiegel Wochenblatt",
    "Nordlicht Zeitung",
    "Der Kontinentalbote",
    "Elbufer Tageblatt",
    "Südwest Anzeiger",
]
AUTHOR_PREFIXES = ["", "Von "]
TRANSLATOR_PREFIXES = ["Übersetzt von ", "Aus dem Englischen von "]
AND = " und "
ATTRIBUTION_PREFIXES = ["", "Quelle: "]

TOPICS = {
    "wasser": {
        "titles": [
            "Bauern in {place} graben neue Kanäle, weil der Regen ausbleibt",
            "Ein stiller Streit um Wasser spaltet die Dörfer von {place}",
            "Alte Karez-Stollen werden in {place} wieder genutzt",
            "In {place} versiegen die Brunnen schon im Frühsommer",
        ],
        "sentences": [
            "In den Dörfern südlich von {place} führte der Fluss in diesem Frühjahr so wenig Wasser wie seit Menschengedenken nicht.",
            "Die Ältesten aus {n} Dörfern trafen sich am {day}, um das Wasser des Hauptkanals stundenweise aufzuteilen.",
            "Ein Weizenfeld, das alle zehn Tage Wasser braucht, wartet nun drei Wochen, und die Halme werden zu früh gelb.",
            "Ingenieure der Provinzverwaltung gingen den alten Kanal ab und zählten {n2} Stellen, an denen die Böschung eingebrochen war.",
            "Ein Karez ist eine Kette von Brunnenschächten, die durch einen Stollen verbunden sind und ohne Pumpe Wasser aus den Bergen holen.",
            "Familien, die früher Melonen für die Märkte von {place2} anbauten, säen jetzt Sesam, der weniger Wasser verlangt.",
            "Ein Bauer zeigte an einer Lehmmauer die Linie, bis zu der das Wasser in guten Jahren stand, weit über seinem Knie.",
            "Der Dieselpreis für die Pumpen hat sich seit {month} verdoppelt, deshalb bewässern viele nur noch nachts.",
            "Junge Männer aus dem Bezirk reparierten den Einlass des Kanals in weniger als einer Woche mit Steinen und Weidenzweigen.",
            "Hydrologen warnen, dass das Grundwasser unter der Ebene in zehn Jahren um mehr als {n} Meter gefallen ist.",
            "Ein neuer Stausee flussaufwärts wurde oft versprochen, doch die Pläne haben das Amt in der Provinzhauptstadt nie verlassen.",
            "Wo die Kanäle gereinigt wurden, war die Herbsternte fast doppelt so groß wie auf den Feldern daneben.",
        ],
        "list_items": [
            "den Hauptkanal vor der Schneeschmelze reinigen",
            "den Zufluss jeden Morgen messen",
            "die Nachtstunden gerecht zwischen oberen und unteren Dörfern teilen",
            "die schlimmsten Abschnitte mit Steinen auskleiden",
            "Bäume an den Ufern pflanzen, die den Boden halten",
            "jede Wasserzeit und jeden Streit schriftlich festhalten",
        ],
        "quotes": [
            "Wir bitten nicht um Geld. Wir bitten darum, dass das Wasser das letzte Feld erreicht wie das erste.",
            "Mein Vater kannte jeden Stein dieses Kanals. Ich lerne sie jetzt wieder, einen nach dem anderen.",
        ],
        "headings": [
            "Wasser nach der Uhr",
            "Ein Stollen, älter als das Dorf",
            "Was die Ingenieure fanden",
        ],
        "captions": [
            "Ein Bauer öffnet ein Schleusentor an einem Kanal bei {place}, {day}, {n}. {month}.",
            "Kinder tragen Wasser von einem Brunnen außerhalb von {place}.",
        ],
    },
    "schulen": {
        "titles": [
            "Eine Schule in {place} unterrichtet in einem gemieteten Hof",
            "Lehrerinnen in {place} arbeiten weiter, ohne bezahlt zu werden",
            "Die Dorfbibliothek von {place} fährt auf einem Lastwagen",
            "In {place} lernt eine Generation mit geliehenen Büchern lesen",
        ],
        "sentences": [
            "Jeden Morgen um sieben versammeln sich etwa {big} Kinder in einem Hof, den die Schule in {place} von einem Händler mietet.",
            "Die Lehrkräfte haben seit {n} Monaten kein Gehalt bekommen, und doch sind die meisten vor den Kindern da.",
            "Drei oder vier Kinder teilen sich ein Schulbuch, und die älteren schreiben die Lektionen für die jüngeren ab.",
            "Ein pensionierter Schulleiter öffnete sein eigenes Haus für die Mädchen des Viertels, als das alte Gebäude geschlossen wurde.",
            "Eltern in {place2} sammelten Geld für einen Wassertank und zwei Tafeln, und der Tischler wollte keinen Lohn.",
            "Die fahrende Bibliothek hält jeden {day} in einem anderen Dorf und verleiht Bücher für zwei Wochen.",
            "Die meisten Bücher sind Kindergeschichten, aber auch Bauern leihen sich Ratgeber über Bienen, Obstgärten und Schafe.",
            "Im Winter zieht der Unterricht in Räume, die ein einziger Ofen wärmt, den die Familien mit getrocknetem Dung heizen.",
            "Eine Umfrage ergab, dass nur {n2} von zehn Kindern im Bezirk einen einfachen Absatz lesen konnten.",
            "Die Prüfungen schreiben die Kinder auf dem Boden sitzend, das Blatt auf den Knien.",
            "Eine Mathematiklehrerin sagte, sie habe dieselbe Stunde über Brüche viermal gehalten, einmal für jede Schicht.",
            "Spender aus dem Ausland bezahlten Solarlampen, damit die Abendkurse für Erwachsene auch nach Einbruch der Dunkelheit stattfinden.",
        ],
        "list_items": [
            "einen zweiten Raum für die jüngsten Klassen",
            "ein Schulbuch für jedes Kind",
            "pünktlich gezahlte Gehälter für die Lehrkräfte",
            "sauberes Wasser und eine Latrine im Hof",
            "ein Regal mit Büchern in der Landessprache",
            "einen Ofen und Brennstoff für den Winter",
        ],
        "quotes": [
            "Ein Kind, das lesen kann, findet seinen eigenen Weg. Wir öffnen nur die erste Tür.",
            "Wir unterrichten mit Kreide, Geduld und dem, was die Familien mitbringen können.",
        ],
        "headings": [
            "Unterricht in drei Schichten",
            "Bücher auf Rädern",
            "Was die Eltern sich wünschen",
        ],
        "captions": [
            "Kinder folgen dem Unterricht in einer Hofschule in {place}, {n}. {month}.",
            "Eine Bibliothekarin verteilt Bücher von einem Lastwagen bei {place}.",
        ],
    },
    "maerkte": {
        "titles": [
            "Die Preise in den Basaren von {place} steigen, die Grenze bleibt zu",
            "Die Trockenobsthändler von {place} suchen neue Käufer",
            "In {place} erholt sich der Teppichmarkt langsam",
            "Safranbauern in {place} feiern die erste gute Ernte seit Jahren",
        ],
        "sentences": [
            "Im überdachten Basar von {place} ist der Preis für einen Sack Mehl seit {month} um {n} Prozent gestiegen.",
            "Händler berichten, dass Lastwagen mit Rosinen und Aprikosen seit {n2} Tagen an der Grenze stehen.",
            "Ein Gewürzhändler, der seit dreißig Jahren verkauft, sagte, seine Kunden kauften jetzt eine Handvoll statt eines Kilos.",
            "Die Teppichknüpferinnen arbeiten zu Hause, und an einem großen Teppich sitzt eine Familie ein halbes Jahr.",
            "Käufer aus {place2} kamen am {day} und zahlten bar, was die Bauern nach Monaten leerer Versprechen begrüßten.",
            "Safran wird vor Sonnenaufgang von Hand gepflückt, wenn die violetten Blüten in der Kälte noch geschlossen sind.",
            "Die Geldwechsler am Hauptplatz führen zwei Preislisten, eine für den Morgen und eine für den Nachmittag.",
            "Genossenschaften verkaufen ihre Granatäpfel inzwischen direkt an Läden in der Hauptstadt und sparen zwei Zwischenhändler.",
            "Eine Ladung Mandeln, die im letzten Jahr einen guten Preis brachte, deckte diese Woche kaum die Transportkosten.",
            "Frauen, die Maulbeeren auf den Flachdächern trocknen, verkaufen sie nun über einen kleinen Laden, den eine Witwe führt.",
            "Der Markt öffnet bei Tagesanbruch mit den Gemüsekarren und schließt, wenn der Ruf zum Abendgebet ertönt.",
            "Mehrere Händler haben auf Kredit Kühlhäuser gemietet, um ihre Trauben bis zum Winter zu lagern.",
        ],
        "list_items": [
            "Mehl und Speiseöl werden jede Woche teurer",
            "der Grenzübergang öffnet nur für wenige Stunden",
            "die Transportkosten verschlingen die Hälfte der Einnahmen",
            "Bargeld ist knapp, verkauft wird meist auf Kredit",
            "Kühlhäuser gibt es kaum außerhalb der Provinzhauptstadt",
            "neue Käufer kommen aus den Nachbarprovinzen",
        ],
        "quotes": [
            "Das Obst wartet nicht auf die Politik. Eine Woche in der Hitze, und es ist nur noch Viehfutter.",
            "Meine Großmutter hat auf diesem Markt verkauft, und ihre Großmutter auch. Wir bleiben.",
        ],
        "headings": [
            "Warten an der Grenze",
            "Verkauft wird die Handvoll",
            "Neue Wege zu alten Kunden",
        ],
        "captions": [
            "Ein Händler wiegt getrocknete Aprikosen im Hauptbasar von {place}, {day}, {n}. {month}.",
            "Safranblüten werden in einem Dorf bei {place} von Hand sortiert.",
        ],
    },
    "gesundheit": {
        "titles": [
            "Eine Klinik in {place} versorgt ein ganzes Tal mit einem Arzt",
            "Hebammen laufen stundenlang zu den Müttern in {place}",
            "Impfteams gehen in {place} von Tür zu Tür",
            "In {place} läuft ein Krankenhaus mit Generator und gutem Willen",
        ],
        "sentences": [
            "Der einzige Arzt des Tals behandelt in einer Klinik mit drei Räumen in {place} etwa {big} Menschen pro Woche.",
            "Mütter laufen bis zu {n} Stunden mit ihren Kindern zur Klinik, und viele kommen an, bevor sie öffnet.",
            "Die Hebammen tragen ihre Ausrüstung in einem Stoffbeutel: Handschuhe, eine kleine Waage, saubere Klingen und ein Heft.",
            "Ein Impfteam aus {n2} Frauen und Männern besuchte im {month} in fünf Tagen jedes Haus des Bezirks.",
            "Wenn der Strom ausfällt, beenden die Pflegerinnen ihre Arbeit im Licht ihrer Telefone.",
            "Die Regale der Apotheke sind halb leer, und die gängigsten Medikamente gehen vor Monatsende aus.",
            "Eine junge Pflegerin aus {place2} erzählte, sie habe im ersten Jahr mehr als hundert Kinder auf die Welt geholt.",
            "Wer nicht zahlen kann, wird trotzdem behandelt, und die Schulden der Klinik stehen in einem grünen Buch auf dem Tisch.",
            "Gesundheitshelfer sagen, sauberes Wasser habe in den Dörfern mehr Krankheiten verhindert als jedes einzelne Medikament.",
            "Der Krankenwagen, ein alter Kleinbus, muss an kalten Morgen angeschoben werden, hat aber in diesem Jahr keinen Einsatz verpasst.",
            "Örtliche Geistliche sprechen nun nach dem Freitagsgebet über das Impfen, was den Teams sehr geholfen hat.",
            "Schwerverletzte müssen weiterhin ins Regionalkrankenhaus, eine Tagesreise über holprige Straßen.",
        ],
        "list_items": [
            "einen zweiten Arzt für das Tal",
            "eine verlässliche Versorgung mit Antibiotika",
            "einen Kühlschrank für die Impfstoffe",
            "die Ausbildung weiterer Frauen zu Hebammen",
            "eine Straße, die im Winter offen bleibt",
            "Treibstoff für Generator und Krankenwagen",
        ],
        "quotes": [
            "Wir können uns nicht aussuchen, wen wir behandeln. Wer durch diese Tür kommt, ist unser Patient.",
            "Eine Hebamme in jedem Dorf würde mehr Leben retten als ein neues Krankenhaus in der Stadt.",
        ],
        "headings": ["Ein Arzt, viele Dörfer", "Zu Fuß zu den Müttern", "Das grüne Buch"],
        "captions": [
            "Eine Pflegerin wiegt ein Kind in einer Klinik in {place}, {n}. {month}.",
            "Impfhelfer markieren eine Tür nach ihrem Besuch in einem Dorf bei {place}.",
        ],
    },
}

GENERAL = [
    "Die örtlichen Behörden beantworteten wiederholte Anfragen nicht.",
    "Nach Aussage der Bewohner hat sich seit dem vergangenen Jahr wenig geändert.",
    "Viele Familien in {place} leben von dem Geld, das Verwandte aus dem Ausland schicken.",
    "Der Provinzrat beriet die Angelegenheit in seiner Sitzung am {day}, fasste aber keinen Beschluss.",
    "Eine Hilfsorganisation in der Gegend kündigte für {month} einen ausführlicheren Bericht an.",
    "Die Bewohner beschreiben eine geduldige, zähe Arbeit, die selten in die Nachrichten gelangt.",
    "Die nächste asphaltierte Straße endet etwa {n} Kilometer vor dem letzten Dorf des Bezirks.",
    "In den höheren Tälern kommt der Winter früh, und im November sind viele Pfade verschneit.",
    "Die Menschen im Bezirk sprechen vom letzten Jahrzehnt als einer Zeit kleiner Fortschritte und großer Verluste.",
    "Mehrere Gesprächspartner baten darum, ihre Namen nicht zu veröffentlichen.",
    "Ein ähnliches Vorhaben in {place2} wurde nach zwei Jahren mangels Geld aufgegeben.",
    "Die Zahlen ließen sich nicht unabhängig prüfen, sie decken sich aber mit Berichten anderer Gruppen.",
    "Ein großer Teil der Arbeit wird von Freiwilligen geleistet, die ihre Abende und Feiertage opfern.",
    "Was als Nächstes geschieht, hängt wie so oft vom Wetter und vom Treibstoffpreis ab.",
    "In einer Gegend, in der fast alle Landwirtschaft betreiben, spürt jeder Haushalt eine schlechte Saison.",
    "Im Bezirk leben rund {big} Menschen, die meisten von ihnen jünger als fünfundzwanzig Jahre.",
]
