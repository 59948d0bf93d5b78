"""The sentences the synthetic judged corpus is made of, written for this project.

For each language and topic: title templates and body sentences, each using the topic's
words in several forms (the point of word-form queries), with slots: ``{P}`` a place,
``{N}`` a person, ``{X}`` a number, ``{Y}`` a year. ``ASIDES`` are one-sentence mentions
of a topic inside an article about another (what makes a record *somewhat* relevant).
Dari sentences write their ZWNJ words with a ZWNJ; the generator respells them (run
together, apart, Arabic yeh and kaf) as real files do. Nothing here is copied.
"""

from __future__ import annotations

TOPICS = (
    "flood", "drought", "election", "school", "health",
    "harvest", "books", "refugees", "water", "cricket",
)  # fmt: skip

# language -> topic -> (titles, sentences)
TEXTS: dict[str, dict[str, tuple[tuple[str, ...], tuple[str, ...]]]] = {
    "en": {
        "flood": (
            ("Floods cut off villages near {P}", "{P} counts the cost after the river flooded"),
            (
                "Heavy rain flooded the lower districts of {P} on Tuesday night.",
                "More than {X} families lost their homes when the flooding reached the bazaar.",
                "Farmers said the floods washed away the young wheat and the irrigation ditches.",
                "Aid workers in {P} handed out tents to households whose houses had flooded.",
                "{N} said the province had not seen such flooding since {Y}.",
            ),
        ),
        "drought": (
            ("Drought empties the wells of {P}", "A second dry year for the farmers of {P}"),
            (
                "The drought has left the springs above {P} almost empty.",
                "Herders sold {X} sheep at half price because the pastures were dry.",
                "Officials warned that droughts like this one could return every few years.",
                "{N} asked the ministry for deep wells before the summer.",
                "Families from the dry valleys have begun to move towards {P}.",
            ),
        ),
        "election": (
            ("Voters in {P} wait for the election results", "Election day passes quietly in {P}"),
            (
                "Polling stations in {P} opened at seven in the morning.",
                "About {X} voters had registered for the elections in the province.",
                "{N} said the newly elected council would meet within a month.",
                "Observers counted the ballots late into the night.",
                "Young voters said they wanted jobs more than speeches.",
            ),
        ),
        "school": (
            ("New schools open in {P}", "Teachers in {P} keep classes going without pay"),
            (
                "Three new schools opened their doors in {P} this spring.",
                "The teachers said more than {X} pupils had enrolled in the first week.",
                "{N} has taught at the girls' school of {P} for twenty years.",
                "Parents raised money to repair the roof of the old school.",
                "Schooling in the villages still depends on volunteers.",
            ),
        ),
        "health": (
            ("Hospital in {P} short of doctors", "Vaccination teams reach the children of {P}"),
            (
                "The provincial hospital in {P} has only {X} doctors for the whole region.",
                "Vaccination teams went from house to house in the villages around {P}.",
                "{N} said most vaccinated children were under five.",
                "Patients travel for hours to reach the nearest hospitals.",
                "Nurses at the clinic asked for medicine and clean water.",
            ),
        ),
        "harvest": (
            ("A good harvest, but no buyers, in {P}", "Saffron farmers of {P} look for markets"),
            (
                "The harvest in {P} was the best in years, farmers said.",
                "Saffron pickers worked from dawn to collect the flowers before the sun rose.",
                "{N} said {X} tonnes were waiting in storehouses for buyers.",
                "Farming families fear that prices will fall again.",
                "Traders from {P} hope to send the harvests abroad by air.",
            ),
        ),
        "books": (
            ("The last bookshops of {P}", "Readers return to the bookshop street of {P}"),
            (
                "A small bookshop in {P} still sells poetry and schoolbooks.",
                "The owner said he keeps more than {X} books on his shelves.",
                "{N} comes every Friday to read in the back of the shop.",
                "Bookshops in the old city have closed one after another.",
                "Students buy second-hand books because new ones are too dear.",
            ),
        ),
        "refugees": (
            ("Refugees return to {P}", "Returnees in {P} look for work and shelter"),
            (
                "More than {X} refugees returned to {P} from the border this month.",
                "Returned families said they had lived abroad for a decade.",
                "{N} said the camps outside {P} were full.",
                "Many returnees have no land to go back to.",
                "A refugee teacher opened a classroom in a tent.",
            ),
        ),
        "water": (
            ("Talks on the water of {P}", "A new canal brings water to {P}"),
            (
                "The new canal will bring water to the fields east of {P}.",
                "Engineers said the dam could store {X} million cubic metres.",
                "{N} said the talks on water rights would continue next year.",
                "Irrigation is the first worry of every farmer in the valley.",
                "The river carried less water than in any year since {Y}.",
            ),
        ),
        "cricket": (
            (
                "Cricket league draws crowds in {P}",
                "Young cricket players of {P} dream of the national team",
            ),
            (
                "The cricket league in {P} drew thousands of spectators.",
                "The players trained on a dusty ground behind the school.",
                "{N} scored {X} runs in the final match.",
                "Matches are played on Fridays, when the boys are free.",
                "Cricket has become the favourite game of the young in {P}.",
            ),
        ),
    },
    "de": {
        "flood": (
            ("Hochwasser schneidet Dörfer bei {P} ab", "Überschwemmungen in {P}: die Bilanz"),
            (
                "Starkregen hat in der Nacht die unteren Stadtteile von {P} überflutet.",
                "Mehr als {X} Familien verloren durch die Überschwemmung ihr Zuhause.",
                "Die Bauern berichten, das Hochwasser habe die Felder weggespült.",
                "Helfer verteilten Zelte an Familien, deren Häuser überflutet waren.",
                "{N} sagte, solche Überschwemmungen habe die Provinz seit {Y} nicht erlebt.",
            ),
        ),
        "drought": (
            ("Dürre leert die Brunnen von {P}", "Das zweite trockene Jahr in {P}"),
            (
                "Die Dürre hat die Quellen oberhalb von {P} fast versiegen lassen.",
                "Hirten verkauften {X} Schafe zum halben Preis, weil die Weiden trocken waren.",
                "Fachleute warnen, dass solche Dürren häufiger werden.",
                "{N} forderte vom Ministerium tiefe Brunnen vor dem Sommer.",
                "Familien aus den trockenen Tälern ziehen nach {P}.",
            ),
        ),
        "election": (
            ("Wähler in {P} warten auf das Ergebnis der Wahl", "Ein ruhiger Wahltag in {P}"),
            (
                "Die Wahllokale in {P} öffneten um sieben Uhr morgens.",
                "Rund {X} Wähler hatten sich für die Wahlen registriert.",
                "{N} sagte, der neu gewählte Rat werde innerhalb eines Monats tagen.",
                "Beobachter zählten die Stimmzettel bis tief in die Nacht.",
                "Junge Wählerinnen sagten, sie wünschten sich Arbeit statt Reden.",
            ),
        ),
        "school": (
            ("Neue Schulen in {P} eröffnet", "Lehrerinnen in {P} unterrichten ohne Lohn"),
            (
                "In {P} haben in diesem Frühjahr drei neue Schulen eröffnet.",
                "Die Lehrerinnen berichten von mehr als {X} Schülerinnen in der ersten Woche.",
                "{N} unterrichtet seit zwanzig Jahren an der Mädchenschule von {P}.",
                "Eltern sammelten Geld, um das Dach der alten Schule zu reparieren.",
                "Der Schulunterricht in den Dörfern hängt an Freiwilligen.",
            ),
        ),
        "health": (
            ("Krankenhaus in {P} fehlen Ärztinnen", "Impfteams erreichen die Kinder von {P}"),
            (
                "Das Provinzkrankenhaus in {P} hat nur {X} Ärzte für die ganze Region.",
                "Impfteams gingen in den Dörfern um {P} von Haus zu Haus.",
                "{N} sagte, die meisten geimpften Kinder seien unter fünf Jahre alt.",
                "Patienten reisen stundenlang bis zu den nächsten Krankenhäusern.",
                "Die Pflegerinnen der Klinik baten um Medikamente und sauberes Trinkwasser.",
            ),
        ),
        "harvest": (
            ("Gute Ernte, aber keine Käufer in {P}", "Safranbauern in {P} suchen Märkte"),
            (
                "Die Ernte in {P} war die beste seit Jahren, sagen die Bauern.",
                "Die Safranernte beginnt vor Sonnenaufgang, bevor die Blüten sich öffnen.",
                "{N} sagte, {X} Tonnen lägen in den Lagerhäusern und warteten auf Käufer.",
                "Die Bauernfamilien fürchten, dass die Preise wieder fallen.",
                "Händler aus {P} wollen die Ernten per Luftfracht ausführen.",
            ),
        ),
        "books": (
            (
                "Die letzten Buchhandlungen von {P}",
                "Leser kehren in die Bücherstraße von {P} zurück",
            ),
            (
                "Eine kleine Buchhandlung in {P} verkauft noch Gedichtbände und Schulbücher.",
                "Der Besitzer sagt, er habe mehr als {X} Bücher in seinen Regalen.",
                "{N} kommt jeden Freitag, um hinten im Laden zu lesen.",
                "In der Altstadt haben die Buchhandlungen eine nach der anderen geschlossen.",
                "Studierende kaufen gebrauchte Bücher, weil neue zu teuer sind.",
            ),
        ),
        "refugees": (
            ("Flüchtlinge kehren nach {P} zurück", "Rückkehrer in {P} suchen Arbeit"),
            (
                "Mehr als {X} Flüchtlinge sind in diesem Monat nach {P} zurückgekehrt.",
                "Die zurückgekehrten Familien lebten ein Jahrzehnt im Ausland.",
                "{N} sagte, die Flüchtlingslager vor {P} seien voll.",
                "Viele Rückkehrer haben kein Land mehr, auf das sie zurückkönnen.",
                "Ein geflüchteter Lehrer hat in einem Zelt ein Klassenzimmer eröffnet.",
            ),
        ),
        "water": (
            ("Gespräche über das Wasser von {P}", "Ein neuer Kanal bringt Wasser nach {P}"),
            (
                "Der neue Kanal soll Wasser auf die Felder östlich von {P} bringen.",
                "Ingenieure sagen, der Staudamm könne {X} Millionen Kubikmeter speichern.",
                "{N} sagte, die Gespräche über die Wasserrechte gingen nächstes Jahr weiter.",
                "Die Trinkwasserversorgung ist die erste Sorge jeder Familie im Tal.",
                "Der Fluss führte so wenig Wasser wie seit {Y} nicht mehr.",
            ),
        ),
        "cricket": (
            (
                "Kricketliga lockt Zuschauer in {P}",
                "Junge Kricketspieler aus {P} träumen von der Nationalmannschaft",
            ),
            (
                "Die Kricketliga in {P} zog Tausende Zuschauer an.",
                "Die Spieler trainierten auf einem staubigen Platz hinter der Schule.",
                "{N} erzielte im Finale {X} Läufe.",
                "Die Spiele finden freitags statt, wenn die Jungen frei haben.",
                "Kricket ist zum Lieblingsspiel der Jugend in {P} geworden.",
            ),
        ),
    },
    "fa-AF": {
        "flood": (
            ("سیلاب‌ها راه دهکده‌های {P} را بست", "{P} پس از سیل: خانه‌های ویران"),
            (
                "باران‌های شدید شب سه‌شنبه ولسوالی‌های پایین {P} را زیر آب برد.",
                "بیش از {X} خانواده در سیلاب خانه‌های خود را از دست دادند.",
                "دهقانان می‌گویند سیل گندم تازه و جوی‌های آبیاری را با خود برد.",
                "امدادگران در {P} به خانواده‌های سیل‌زده خیمه توزیع کردند.",
                "{N} گفت ولایت از سال {Y} به این سو چنین سیلابی ندیده بود.",
            ),
        ),
        "drought": (
            ("خشکسالی چاه‌های {P} را خشک کرد", "سال دوم خشکسالی برای دهقانان {P}"),
            (
                "خشکسالی چشمه‌های بالای {P} را تقریباً خالی کرده است.",
                "مالداران {X} گوسفند را به نیم قیمت فروختند، چون چراگاه‌ها خشک شده بود.",
                "مسئولان هشدار دادند که خشکسالی‌ها هر چند سال یک بار برمی‌گردند.",
                "{N} از وزارت خواست پیش از تابستان چاه‌های عمیق حفر شود.",
                "خانواده‌های دره‌های خشک به سوی {P} کوچ کرده‌اند.",
            ),
        ),
        "election": (
            ("رای‌دهندگان {P} در انتظار نتایج انتخابات", "روز انتخابات در {P} آرام گذشت"),
            (
                "مراکز رای‌دهی در {P} ساعت هفت صبح باز شدند.",
                "حدود {X} رای‌دهنده برای انتخابات در این ولایت ثبت نام کرده بودند.",
                "{N} گفت شورای تازه انتخاب‌شده در یک ماه آینده نشست خواهد کرد.",
                "ناظران تا دیروقت شب آرا را می‌شمردند.",
                "جوانان می‌گویند بیشتر از سخنرانی‌ها به کار نیاز دارند.",
            ),
        ),
        "school": (
            ("مکتب‌های تازه در {P} گشایش یافت", "معلمان {P} بی‌معاش درس می‌دهند"),
            (
                "سه مکتب تازه امسال بهار در {P} درهای خود را باز کرد.",
                "معلمان گفتند بیش از {X} شاگرد در هفتهٔ نخست نام‌نویسی کرده‌اند.",
                "{N} بیست سال است که در مکتب دخترانهٔ {P} درس می‌دهد.",
                "والدین برای ترمیم بام مکتب کهنه پول جمع کردند.",
                "درس و تعلیم در روستاها هنوز به داوطلبان وابسته است.",
            ),
        ),
        "health": (
            ("شفاخانهٔ {P} با کمبود داکتر روبه‌روست", "تیم‌های واکسین به کودکان {P} رسیدند"),
            (
                "شفاخانهٔ ولایتی {P} تنها {X} داکتر برای همهٔ منطقه دارد.",
                "تیم‌های واکسین خانه به خانه در روستاهای اطراف {P} رفتند.",
                "{N} گفت بیشتر کودکان واکسین‌شده زیر پنج سال بودند.",
                "بیماران ساعت‌ها راه می‌روند تا به نزدیک‌ترین شفاخانه‌ها برسند.",
                "پرستاران کلینیک دارو و آب پاک خواستند.",
            ),
        ),
        "harvest": (
            ("حاصل خوب، اما بی‌خریدار، در {P}", "زعفران‌کاران {P} در جست‌وجوی بازار"),
            (
                "به گفتهٔ دهقانان، حاصل امسال {P} بهترین حاصل سال‌های اخیر بود.",
                "زعفران‌چینان از سپیده‌دم کار می‌کنند تا گل‌ها را پیش از آفتاب بچینند.",
                "{N} گفت {X} تن زعفران در گدام‌ها در انتظار خریدار است.",
                "خانواده‌های دهقان می‌ترسند که قیمت‌ها باز هم پایین بیاید.",
                "تاجران {P} امیدوارند حاصلات را از راه هوایی صادر کنند.",
            ),
        ),
        "books": (
            ("آخرین کتابفروشی‌های {P}", "کتاب‌خوانان به کوچهٔ کتابفروشان {P} برمی‌گردند"),
            (
                "یک کتابفروشی کوچک در {P} هنوز شعر و کتاب‌های درسی می‌فروشد.",
                "صاحب دکان می‌گوید بیش از {X} کتاب در قفسه‌هایش دارد.",
                "{N} هر جمعه می‌آید و در گوشهٔ دکان کتاب می‌خواند.",
                "کتابفروشی‌های شهر کهنه یکی پس از دیگری بسته شده‌اند.",
                "محصلان کتاب‌های دست‌دوم می‌خرند، چون کتاب تازه گران است.",
            ),
        ),
        "refugees": (
            ("مهاجران به {P} برمی‌گردند", "برگشت‌کنندگان در {P} در جست‌وجوی کار و سرپناه"),
            (
                "بیش از {X} مهاجر در این ماه از مرز به {P} برگشتند.",
                "خانواده‌های برگشته می‌گویند ده سال در بیرون از کشور زندگی کرده‌اند.",
                "{N} گفت اردوگاه‌های بیرون {P} پر شده است.",
                "بسیاری از مهاجرین زمینی برای برگشتن ندارند.",
                "یک معلم مهاجر در یک خیمه صنف درسی باز کرد.",
            ),
        ),
        "water": (
            ("گفت‌وگو بر سر آب {P}", "کانال تازه آب را به {P} می‌رساند"),
            (
                "کانال تازه آب را به زمین‌های شرق {P} خواهد رساند.",
                "انجنیران می‌گویند بند می‌تواند {X} میلیون متر مکعب آب ذخیره کند.",
                "{N} گفت گفت‌وگوها دربارهٔ حقابه سال آینده ادامه می‌یابد.",
                "آبیاری نخستین نگرانی هر دهقان در این دره است.",
                "دریا از سال {Y} به این سو هیچ‌گاه این‌قدر کم‌آب نبوده است.",
            ),
        ),
        "cricket": (
            ("لیگ کرکت تماشاگران را به {P} کشاند", "کرکت‌بازان جوان {P} در آرزوی تیم ملی"),
            (
                "لیگ کرکت {P} هزاران تماشاگر را به میدان کشاند.",
                "بازیکنان در میدان خاک‌آلود پشت مکتب تمرین کردند.",
                "{N} در مسابقهٔ نهایی {X} دوش به دست آورد.",
                "مسابقات روزهای جمعه برگزار می‌شود، وقتی پسران آزادند.",
                "کرکت بازی محبوب جوانان {P} شده است.",
            ),
        ),
    },
    "ps": {
        "flood": (
            ("سېلابونو د {P} کلي پرې کړل", "{P} له سېلاب وروسته: ورانې شوې کورونه"),
            (
                "د سه شنبې د شپې سختو بارانونو د {P} ټیټې سیمې اوبو لاندې کړې.",
                "له {X} ډېرو کورنیو په سېلاب کې خپل کورونه له لاسه ورکړل.",
                "بزګران وايي سېلابونو ځوان غنم او د اوبو لګولو ویالې یوړې.",
                "مرستندویانو په {P} کې سېلاب ځپلو کورنیو ته خېمې ووېشلې.",
                "{N} وویل ولایت له {Y} کال راهیسې داسې سېلاب نه و لیدلی.",
            ),
        ),
        "drought": (
            ("وچکالۍ د {P} څاګانې وچې کړې", "د {P} بزګرانو لپاره د وچکالۍ دویم کال"),
            (
                "وچکالۍ د {P} پورته چینې نږدې تشې کړې دي.",
                "مالدارانو {X} پسونه په نیمه بیه وپلورل، ځکه څړځایونه وچ وو.",
                "چارواکو خبرداری ورکړ چې دا ډول وچکالۍ به بېرته راشي.",
                "{N} له وزارت وغوښتل چې تر اوړي مخکې ژورې څاګانې وکیندل شي.",
                "د وچو درو کورنۍ د {P} پر لور کډه شوې دي.",
            ),
        ),
        "election": (
            (
                "د {P} رایه ورکوونکي د ټاکنو پایلو ته سترګې په لار دي",
                "په {P} کې د ټاکنو ورځ په ارامۍ تېره شوه",
            ),
            (
                "په {P} کې د رایې ورکولو مرکزونه سهار اووه بجې پرانیستل شول.",
                "شاوخوا {X} رایه ورکوونکو په ټاکنو کې نوم لیکنه کړې وه.",
                "{N} وویل نوې ټاکل شوې شورا به په یوه میاشت کې غونډه وکړي.",
                "څارونکو تر ناوخته شپې رایې شمېرلې.",
                "ځوانان وايي له ویناوو زیات کار ته اړتیا لري.",
            ),
        ),
        "school": (
            ("په {P} کې نوي ښوونځي پرانیستل شول", "د {P} ښوونکي بې معاشه درس ورکوي"),
            (
                "سږ پسرلي په {P} کې درې نوي ښوونځي پرانیستل شول.",
                "ښوونکو وویل په لومړۍ اونۍ کې له {X} ډېرو زده کوونکو نوم لیکلی.",
                "{N} شل کاله کېږي چې د {P} د نجونو په ښوونځي کې درس ورکوي.",
                "مور او پلار د زاړه ښوونځي د بام د جوړولو لپاره پیسې راټولې کړې.",
                "په کلیو کې زده کړې لا هم په رضاکارانو پورې تړلې دي.",
            ),
        ),
        "health": (
            ("د {P} روغتون له ډاکټرانو کمښت سره مخ دی", "د واکسین ټیمونه د {P} ماشومانو ته ورسېدل"),
            (
                "د {P} ولایتي روغتون د ټولې سیمې لپاره یوازې {X} ډاکټران لري.",
                "د واکسین ټیمونه د {P} شاوخوا کلیو کې له کوره کوره ولاړل.",
                "{N} وویل ډېری واکسین شوي ماشومان له پنځو کلونو کم عمر لري.",
                "ناروغان ساعتونه مزل کوي چې نږدې روغتونونو ته ورسېږي.",
                "د کلینیک نرسانو درمل او پاکې اوبه وغوښتې.",
            ),
        ),
        "harvest": (
            ("ښه حاصل، خو پېرودونکی نشته، په {P} کې", "د {P} بزګران د بازار په لټه کې دي"),
            (
                "بزګران وايي د {P} سږ کال حاصل د تېرو کلونو تر ټولو ښه و.",
                "انار ټولوونکي له سهاره کار کوي چې مېوه د لمر تر تودوخې مخکې راټوله کړي.",
                "{N} وویل {X} ټنه انار په ګدامونو کې پېرودونکو ته انتظار باسي.",
                "د بزګرانو کورنۍ وېرېږي چې بیې به بیا ټیټې شي.",
                "د {P} سوداګر هیله لري چې حاصلات د هوايي لارې صادر کړي.",
            ),
        ),
        "books": (
            ("د {P} وروستي کتاب پلورنځي", "کتاب لوستونکي د {P} د کتاب پلورونکو کوڅې ته ستنېږي"),
            (
                "په {P} کې یو کوچنی کتاب پلورنځی لا هم شعر او درسي کتابونه پلوري.",
                "د دوکان خاوند وايي له {X} ډېر کتابونه یې په المارۍ کې دي.",
                "{N} هره جمعه راځي او د دوکان په شا کې کتاب لولي.",
                "د زاړه ښار کتاب پلورنځي یو په بل پسې تړل شوي دي.",
                "محصلین زاړه کتابونه اخلي، ځکه نوي کتابونه ګران دي.",
            ),
        ),
        "refugees": (
            ("کډوال {P} ته ستنېږي", "په {P} کې راستانه شوي کډوال د کار او سرپناه په لټه کې دي"),
            (
                "په دې میاشت کې له {X} ډېر کډوال له پولې {P} ته راستانه شول.",
                "راستنې شوې کورنۍ وايي لس کاله یې له هېواده بهر ژوند کړی.",
                "{N} وویل د {P} بهر کمپونه ډک شوي دي.",
                "ډېری کډوالان د بېرته تګ لپاره ځمکه نه لري.",
                "یوه کډوال ښوونکي په یوه خېمه کې ټولګی پرانیست.",
            ),
        ),
        "water": (
            ("د {P} د اوبو پر سر خبرې", "نوی کانال {P} ته اوبه رسوي"),
            (
                "نوی کانال به د {P} ختیځ ته پرتو ځمکو ته اوبه ورسوي.",
                "انجنیران وايي بند کولای شي {X} میلیونه متر مکعب اوبه زېرمه کړي.",
                "{N} وویل د اوبو د حق په اړه خبرې به راتلونکي کال هم دوام ومومي.",
                "د اوبو لګول په دې دره کې د هر بزګر لومړنۍ اندېښنه ده.",
                "سیند له {Y} کال راهیسې دومره کمې اوبه نه وې لرلې.",
            ),
        ),
        "cricket": (
            (
                "د کرکټ لیګ په {P} کې لیدونکي راجلب کړل",
                "د {P} ځوان کرکټ لوبغاړي د ملي ټیم خوبونه ویني",
            ),
            (
                "د {P} د کرکټ لیګ زرګونه لیدونکي ډګر ته راوستل.",
                "لوبغاړو د ښوونځي تر شا په خاورین ډګر کې تمرین وکړ.",
                "{N} په وروستۍ لوبه کې {X} منډې جوړې کړې.",
                "لوبې د جمعې په ورځو کېږي، کله چې هلکان وزګار وي.",
                "کرکټ د {P} د ځوانانو خوښه لوبه ګرځېدلې ده.",
            ),
        ),
    },
}

# language -> topic -> a sentence mentioning the topic in passing ({P}: a place)
ASIDES: dict[str, dict[str, str]] = {
    "en": {
        "flood": "Last spring a flood had already damaged the road to {P}.",
        "drought": "The drought of the previous year is still felt in {P}.",
        "election": "The coming election is the talk of every teahouse in {P}.",
        "school": "The only school of the village stands empty in winter.",
        "health": "The nearest hospital is a day's drive away, in {P}.",
        "harvest": "The harvest in {P} is expected to be small this year.",
        "books": "A bookshop owner from {P} lent his shop for the meeting.",
        "refugees": "Some of the families are refugees who came back from {P}.",
        "water": "Clean water remains scarce in the camps near {P}.",
        "cricket": "Even here, the boys play cricket in the evening.",
    },
    "de": {
        "flood": "Schon im letzten Frühjahr hatte ein Hochwasser die Straße nach {P} beschädigt.",
        "drought": "Die Dürre des Vorjahres ist in {P} noch zu spüren.",
        "election": "Die kommende Wahl ist in jedem Teehaus von {P} das Gesprächsthema.",
        "school": "Die einzige Schule des Dorfes steht im Winter leer.",
        "health": "Das nächste Krankenhaus liegt eine Tagesreise entfernt, in {P}.",
        "harvest": "Die Ernte in {P} dürfte in diesem Jahr klein ausfallen.",
        "books": "Ein Buchhändler aus {P} stellte seinen Laden für das Treffen zur Verfügung.",
        "refugees": "Einige der Familien sind Flüchtlinge, die aus {P} zurückkamen.",
        "water": "Sauberes Trinkwasser bleibt in den Lagern bei {P} knapp.",
        "cricket": "Selbst hier spielen die Jungen am Abend Kricket.",
    },
    "fa-AF": {
        "flood": "بهار گذشته یک سیل راه {P} را خراب کرده بود.",
        "drought": "اثر خشکسالی سال گذشته هنوز در {P} دیده می‌شود.",
        "election": "انتخابات آینده موضوع گپ هر سماوار در {P} است.",
        "school": "یگانه مکتب روستا در زمستان خالی می‌ماند.",
        "health": "نزدیک‌ترین شفاخانه یک روز راه دور، در {P} است.",
        "harvest": "انتظار می‌رود حاصل امسال {P} کم باشد.",
        "books": "یک کتابفروش از {P} دکانش را برای نشست در اختیار گذاشت.",
        "refugees": "برخی از این خانواده‌ها مهاجرانی‌اند که از {P} برگشته‌اند.",
        "water": "آب پاک در اردوگاه‌های نزدیک {P} هنوز کمیاب است.",
        "cricket": "حتی این‌جا پسران شام‌گاهان کرکت بازی می‌کنند.",
    },
    "ps": {
        "flood": "تېر پسرلي یو سېلاب د {P} لاره خرابه کړې وه.",
        "drought": "د تېر کال د وچکالۍ اغېز لا هم په {P} کې لیدل کېږي.",
        "election": "راتلونکې ټاکنې د {P} د هرې چایخانې د خبرو موضوع ده.",
        "school": "د کلي یوازینی ښوونځی په ژمي کې تش پاتې کېږي.",
        "health": "نږدې روغتون د یوې ورځې لاره لرې، په {P} کې دی.",
        "harvest": "تمه کېږي چې د {P} سږ کال حاصل لږ وي.",
        "books": "د {P} یوه کتاب پلورونکي خپل دوکان د غونډې لپاره ورکړ.",
        "refugees": "ځینې دا کورنۍ هغه کډوال دي چې له {P} راستانه شوي.",
        "water": "پاکې اوبه د {P} سره نږدې کمپونو کې لا هم کمې دي.",
        "cricket": "دلته هم هلکان ماښام کرکټ لوبوي.",
    },
}

#: places (the gazetteer's English name) -> spelling per language
PLACES: dict[str, dict[str, tuple[str, ...]]] = {
    "Herat": {"en": ("Herat",), "de": ("Herat",), "fa-AF": ("هرات",), "ps": ("هرات",)},
    "Kandahar": {"en": ("Kandahar",), "de": ("Kandahar",), "fa-AF": ("کندهار",), "ps": ("کندهار",)},
    "Mazar-i-Sharif": {
        "en": ("Mazar-i-Sharif", "Mazar-e Sharif"),
        "de": ("Masar-e Scharif", "Mazar-i-Sharif"),
        "fa-AF": ("مزار شریف", "مزارشریف"),
        "ps": ("مزار شریف",),
    },
    "Kabul": {"en": ("Kabul",), "de": ("Kabul",), "fa-AF": ("کابل",), "ps": ("کابل",)},
    "Jalalabad": {
        "en": ("Jalalabad",), "de": ("Dschalalabad", "Jalalabad"),
        "fa-AF": ("جلال‌آباد",), "ps": ("جلال‌آباد",),
    },
    "Kunduz": {"en": ("Kunduz",), "de": ("Kundus",), "fa-AF": ("کندز",), "ps": ("کندز",)},
    "Bamyan": {"en": ("Bamyan", "Bamiyan"), "de": ("Bamijan",), "fa-AF": ("بامیان",), "ps": ("بامیان",)},
    "Lashkar Gah": {
        "en": ("Lashkar Gah",), "de": ("Laschkar Gah",), "fa-AF": ("لشکرگاه",), "ps": ("لښکرګاه",)
    },
    "Khost": {"en": ("Khost",), "de": ("Chost",), "fa-AF": ("خوست",), "ps": ("خوست",)},
    "Faizabad": {"en": ("Faizabad",), "de": ("Faisabad",), "fa-AF": ("فیض‌آباد",), "ps": ("فیض‌آباد",)},
    "Ghazni": {"en": ("Ghazni",), "de": ("Ghasni",), "fa-AF": ("غزنی",), "ps": ("غزني",)},
    "Gardez": {"en": ("Gardez",), "de": ("Gardez",), "fa-AF": ("گردیز",), "ps": ("ګردېز",)},
}  # fmt: skip

#: people (key) -> spelling per script; some in the name table, some not (Baheer, Okonkwo)
PEOPLE: dict[str, dict[str, str]] = {
    "Khalilzad": {"latin": "Zalmay Khalilzad", "arabic": "زلمی خلیلزاد"},
    "Rahimzai": {"latin": "Nadia Rahimzai", "arabic": "نادیه رحیم‌زی"},
    "Tawana": {"latin": "Maryam Tawana", "arabic": "مریم توانا"},
    "Haidari": {"latin": "Farid Haidari", "arabic": "فرید حیدری"},
    "Baheer": {"latin": "Sharifa Baheer", "arabic": "شریفه بهیر"},
    "Mangal": {"latin": "Shafiq Mangal", "arabic": "شفیق منګل"},
    "Sultani": {"latin": "Nader Sultani", "arabic": "نادر سلطانی"},
    "Popalzai": {"latin": "Gul Popalzai", "arabic": "ګل پوپلزی"},
}
