"""Build the labelled language-ID set: ``sentences.tsv`` and ``headlines.tsv``.

Every phrase below was written for Ganjina (news-style text of the kind the portal
publishes). Sentences are either written whole or put together from a source, a day and
a reported clause, each piece grammatical with every other; headlines from an event and
a place. The output is committed; run ``python tests/text/data/langid/build.py`` after
changing a phrase. Columns: ``label`` (BCP 47), ``section`` (the portal section such a
text appears in), ``text``.
"""

from __future__ import annotations

import random
from pathlib import Path

HERE = Path(__file__).parent
SENTENCES_PER_LANGUAGE = 210
HEADLINES_PER_LANGUAGE = 110

# ---------------------------------------------------------------- English
EN_SOURCES = [
    ("A spokesman for the health ministry", 1), ("The provincial governor", 1),
    ("A local elder", 1), ("The UN refugee agency", 1), ("Police in the city", 2),
    ("A teacher at the girls' school", 1), ("The head of the chamber of commerce", 1),
    ("An official at the border crossing", 1), ("The mayor's office", 1),
    ("A doctor at the regional hospital", 1), ("Residents of the district", 2),
    ("The aid group", 1), ("A farmer from the valley", 1), ("The election commission", 1),
    ("Witnesses", 2),
]  # fmt: skip
EN_DAYS = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday",
           "on Saturday", "on Sunday", "last week", "this morning"]  # fmt: skip
EN_CLAUSES = [
    "the road to the airport had been reopened",
    "more than two hundred families had returned from Iran",
    "prices for flour and cooking oil had risen sharply",
    "the clinic would stay open through the winter",
    "several houses had been damaged by the earthquake",
    "the new bridge would be finished before spring",
    "the pupils had still not received their certificates",
    "the water supply had been cut for most of the day",
    "a group of journalists had been released",
    "the harvest was better than last year",
    "dozens of shops had been destroyed in the fire",
    "the border would remain closed until further notice",
    "teachers had not been paid for three months",
    "the river had flooded several villages overnight",
    "the talks would continue next week",
    "a vaccination campaign would start in the spring",
    "the power cuts were caused by a damaged line",
    "the number of measles cases had doubled",
    "young people were leaving the country in large numbers",
    "the library had received five thousand new books",
    "the price of bread had been fixed by the municipality",
    "refugees in the camp needed blankets and fuel",
    "the new curriculum would be introduced step by step",
    "the airport would resume flights to Dubai",
    "women had again been allowed to work at the hospital",
]
EN_STANDALONE = """
Heavy snow has closed the Salang pass for the third time this winter.
The poet read from her new collection to a full hall in Hamburg.
Many families in the camp have lived without electricity since the autumn.
The exhibition shows photographs of Kabul taken in the nineteen-seventies.
Our correspondent spoke to shopkeepers who fear another bad year.
He left Mazar-i-Sharif as a boy and now teaches mathematics in Cologne.
The committee will publish its report on the elections at the end of the month.
Readers have sent us more than a hundred letters about last week's article.
The football team won its first match abroad in almost ten years.
Prices in the bazaar have doubled since the currency lost half its value.
She says the hardest part of exile is not knowing when she can go back.
The old city wall is being repaired with help from a foreign foundation.
Thousands of people gathered to welcome the wrestlers home from the games.
The article was first published in a German newspaper and is translated here.
A small bakery in the old town now employs six women who lost their husbands.
Farmers say the canal has not carried enough water for two summers.
The translation of the novel took him almost four years.
Doctors warn that the cold weather will bring more cases of pneumonia.
The conference ended without an agreement on the release of prisoners.
Letters to the editor should be no longer than three hundred words.
The radio station broadcasts in Dari, Pashto and Uzbek every evening.
The festival of Nowruz was celebrated quietly this year.
His grandfather kept a diary of the journey from Herat to Mashhad.
The museum has returned two stolen statues to their home village.
Students are preparing for the university entrance exam despite the closures.
"""
EN_EVENTS = ["Floods cut off villages in {p}", "New hospital opens in {p}",
             "Schools in {p} reopen after winter break", "Flour prices rise again in {p}",
             "Earthquake damages homes in {p}", "Returnees in {p} struggle to find work",
             "Power cuts hit markets in {p}", "Journalists freed in {p} after two weeks",
             "Measles cases double in {p}", "Bridge project in {p} delayed again",
             "Farmers in {p} fear drought",
             "Women in {p} protest for the right to work"]  # fmt: skip
EN_PLACES = ["Herat", "Kabul", "northern Afghanistan", "Balkh province", "Nangarhar",
             "the capital", "Bamiyan", "Kandahar", "Badakhshan", "Kunduz"]  # fmt: skip
EN_HEADLINES = """
Poet honoured at Hamburg reading
Exiled musicians give concert in Berlin
Why the price of bread keeps rising
A school that never closed
Letters from our readers
Wrestlers return home to a hero's welcome
Talks on prisoner release end without deal
The long road back from Iran
Winter hits refugee camps hard
New dictionary of Dari proverbs published
"""

# ---------------------------------------------------------------- German
DE_SOURCES = [
    ("Ein Sprecher des Gesundheitsministeriums", 1), ("Der Gouverneur der Provinz", 1),
    ("Ein Dorfältester", 1), ("Das UN-Flüchtlingshilfswerk", 1), ("Die Polizei der Stadt", 1),
    ("Eine Lehrerin der Mädchenschule", 1), ("Der Leiter der Handelskammer", 1),
    ("Ein Beamter am Grenzübergang", 1), ("Die Stadtverwaltung", 1),
    ("Ein Arzt des Regionalkrankenhauses", 1), ("Anwohner des Bezirks", 2),
    ("Die Hilfsorganisation", 1), ("Ein Bauer aus dem Tal", 1), ("Die Wahlkommission", 1),
    ("Augenzeugen", 2),
]  # fmt: skip
DE_VERBS = {1: ["sagte {d}", "erklärte {d}", "teilte {d} mit"],
            2: ["sagten {d}", "erklärten {d}", "berichteten {d}"]}  # fmt: skip
DE_DAYS = ["am Montag", "am Dienstag", "am Mittwoch", "am Donnerstag", "am Freitag",
           "am Samstag", "am Sonntag", "in der vergangenen Woche", "heute Morgen"]  # fmt: skip
DE_CLAUSES = [
    "die Straße zum Flughafen sei wieder geöffnet worden",
    "mehr als zweihundert Familien seien aus dem Iran zurückgekehrt",
    "die Preise für Mehl und Speiseöl seien stark gestiegen",
    "die Klinik bleibe den ganzen Winter über geöffnet",
    "mehrere Häuser seien bei dem Erdbeben beschädigt worden",
    "die neue Brücke werde vor dem Frühjahr fertig",
    "die Schülerinnen hätten ihre Zeugnisse noch immer nicht erhalten",
    "die Wasserversorgung sei fast den ganzen Tag unterbrochen gewesen",
    "eine Gruppe von Journalisten sei freigelassen worden",
    "die Ernte sei besser ausgefallen als im Vorjahr",
    "Dutzende Geschäfte seien bei dem Brand zerstört worden",
    "die Grenze bleibe bis auf Weiteres geschlossen",
    "die Lehrer hätten seit drei Monaten kein Gehalt bekommen",
    "der Fluss habe in der Nacht mehrere Dörfer überschwemmt",
    "die Gespräche würden in der kommenden Woche fortgesetzt",
    "im Frühjahr solle eine Impfkampagne beginnen",
    "die Stromausfälle seien durch eine beschädigte Leitung verursacht worden",
    "die Zahl der Masernfälle habe sich verdoppelt",
    "junge Menschen verließen das Land in großer Zahl",
    "die Bibliothek habe fünftausend neue Bücher erhalten",
    "der Brotpreis sei von der Stadtverwaltung festgelegt worden",
    "die Flüchtlinge im Lager bräuchten Decken und Brennstoff",
    "der neue Lehrplan werde schrittweise eingeführt",
    "der Flughafen nehme die Flüge nach Dubai wieder auf",
    "Frauen dürften wieder im Krankenhaus arbeiten",
]
DE_STANDALONE = """
Heftiger Schneefall hat den Salang-Pass in diesem Winter zum dritten Mal gesperrt.
Die Dichterin las in einem vollen Saal in Hamburg aus ihrem neuen Gedichtband.
Viele Familien im Lager leben seit dem Herbst ohne Strom.
Die Ausstellung zeigt Fotografien aus dem Kabul der siebziger Jahre.
Unser Korrespondent sprach mit Händlern, die ein weiteres schlechtes Jahr fürchten.
Er verließ Masar-e Scharif als Junge und unterrichtet heute Mathematik in Köln.
Der Ausschuss wird seinen Bericht über die Wahlen Ende des Monats veröffentlichen.
Unsere Leser haben uns mehr als hundert Briefe zum Artikel der letzten Woche geschickt.
Die Fußballmannschaft hat zum ersten Mal seit fast zehn Jahren im Ausland gewonnen.
Die Preise auf dem Basar haben sich verdoppelt, seit die Währung die Hälfte ihres Wertes verlor.
Das Schwerste am Exil sei, nicht zu wissen, wann sie zurückkehren könne, sagt sie.
Die alte Stadtmauer wird mit Hilfe einer ausländischen Stiftung instand gesetzt.
Tausende Menschen empfingen die Ringer nach ihrer Rückkehr von den Spielen.
Der Beitrag erschien zuerst in einer deutschen Zeitung und wird hier übersetzt.
Eine kleine Bäckerei in der Altstadt beschäftigt heute sechs verwitwete Frauen.
Die Bauern sagen, der Kanal habe seit zwei Sommern nicht genug Wasser geführt.
Für die Übersetzung des Romans brauchte er fast vier Jahre.
Ärzte warnen, dass das kalte Wetter mehr Fälle von Lungenentzündung bringen wird.
Die Konferenz endete ohne eine Einigung über die Freilassung der Gefangenen.
Leserbriefe sollten nicht länger als dreihundert Wörter sein.
Der Radiosender sendet jeden Abend auf Dari, Paschtu und Usbekisch.
Das Neujahrsfest Nowruz wurde in diesem Jahr still gefeiert.
Sein Großvater führte ein Tagebuch über die Reise von Herat nach Maschhad.
Das Museum hat zwei gestohlene Statuen an ihr Heimatdorf zurückgegeben.
Trotz der Schließungen bereiten sich die Schüler auf die Aufnahmeprüfung vor.
"""
DE_EVENTS = ["Hochwasser schneidet Dörfer in {p} ab", "Neues Krankenhaus in {p} eröffnet",
             "Schulen in {p} öffnen nach den Winterferien", "Mehlpreise in {p} steigen erneut",
             "Erdbeben beschädigt Häuser in {p}", "Rückkehrer in {p} finden keine Arbeit",
             "Stromausfälle legen Märkte in {p} lahm", "Journalisten in {p} nach zwei Wochen frei",
             "Masernfälle in {p} verdoppeln sich", "Brückenbau in {p} erneut verzögert",
             "Bauern in {p} fürchten Dürre",
             "Frauen in {p} demonstrieren für das Recht auf Arbeit"]  # fmt: skip
DE_PLACES = ["Herat", "Kabul", "Nordafghanistan", "der Provinz Balch", "Nangarhar",
             "der Hauptstadt", "Bamiyan", "Kandahar", "Badachschan", "Kundus"]  # fmt: skip
DE_HEADLINES = """
Dichterin in Hamburg geehrt
Exilmusiker geben Konzert in Berlin
Warum der Brotpreis immer weiter steigt
Eine Schule, die nie geschlossen hat
Briefe unserer Leser
Ringer als Helden empfangen
Gespräche über Gefangene ohne Ergebnis
Der lange Weg zurück aus dem Iran
Der Winter trifft die Flüchtlingslager hart
Neues Wörterbuch der Dari-Sprichwörter erschienen
"""

# ---------------------------------------------------------------- Dari (fa-AF)
FA_AF_SOURCES = [
    ("سخنگوی وزارت صحت عامه", 1), ("والی هرات", 1), ("یکی از بزرگان محل", 1),
    ("نمایندگی سازمان ملل متحد در امور پناهندگان", 1), ("پولیس شهر", 1),
    ("یک آموزگار مکتب دخترانه", 1), ("رئیس اتاق تجارت", 1),
    ("یک مسئول در گذرگاه مرزی", 1), ("دفتر شاروالی", 1),
    ("یک داکتر در شفاخانهٔ حوزوی", 1), ("باشندگان این ولسوالی", 2),
    ("این نهاد کمک‌رسان", 1), ("یک دهقان از این دره", 1), ("کمیسیون انتخابات", 1),
    ("شاهدان عینی", 2),
]  # fmt: skip
FA_AF_VERBS = {1: ["{d} گفت که", "{d} اعلام کرد که", "{d} به خبرنگاران گفت که"],
               2: ["{d} گفتند که", "{d} به خبرنگاران گفتند که", "{d} تأیید کردند که"]}  # fmt: skip
FA_AF_DAYS = ["روز دوشنبه", "روز سه‌شنبه", "روز چهارشنبه", "روز پنج‌شنبه", "روز جمعه",
              "روز شنبه", "روز یک‌شنبه", "هفتهٔ گذشته", "امروز صبح"]  # fmt: skip
FA_AF_CLAUSES = [
    "سرک میدان هوایی دوباره باز شده است",
    "بیش از دو صد خانواده از ایران برگشته‌اند",
    "قیمت آرد و روغن به شدت بالا رفته است",
    "این کلینیک در تمام زمستان باز خواهد ماند",
    "چندین خانه در زلزله آسیب دیده است",
    "پل جدید پیش از بهار تکمیل خواهد شد",
    "شاگردان هنوز شهادت‌نامه‌های خود را دریافت نکرده‌اند",
    "آب آشامیدنی بیشتر روز قطع بوده است",
    "یک گروه از خبرنگاران آزاد شده‌اند",
    "حاصلات امسال بهتر از سال گذشته است",
    "ده‌ها دکان در آتش‌سوزی از بین رفته است",
    "مرز تا اطلاع ثانوی بسته خواهد ماند",
    "معلمان سه ماه است که معاش نگرفته‌اند",
    "سیلاب شب گذشته چندین قریه را زیر آب برده است",
    "گفتگوها هفتهٔ آینده ادامه خواهد یافت",
    "کارزار واکسین در بهار آغاز می‌شود",
    "قطع برق به دلیل آسیب دیدن یک لین بوده است",
    "شمار مبتلایان به سرخکان دو برابر شده است",
    "جوانان به شمار زیاد کشور را ترک می‌کنند",
    "کتابخانه پنج هزار جلد کتاب تازه دریافت کرده است",
    "نرخ نان از سوی شاروالی تعیین شده است",
    "پناه‌جویان در اردوگاه به کمپل و سوخت نیاز دارند",
    "نصاب تعلیمی جدید به تدریج اجرا خواهد شد",
    "میدان هوایی پروازها به دبی را از سر می‌گیرد",
    "زنان دوباره اجازه یافته‌اند در شفاخانه کار کنند",
]
FA_AF_STANDALONE = """
برف سنگین امسال برای سومین بار شاهراه سالنگ را مسدود کرد.
این شاعر از مجموعهٔ تازهٔ خود در یک تالار پر از مخاطب در هامبورگ شعر خواند.
بسیاری از خانواده‌ها در اردوگاه از خزان به این سو بدون برق زندگی می‌کنند.
این نمایشگاه عکس‌هایی از کابل در دههٔ پنجاه خورشیدی را نشان می‌دهد.
خبرنگار ما با دکاندارانی صحبت کرد که از یک سال بد دیگر می‌ترسند.
او در کودکی مزارشریف را ترک کرد و اکنون در شهر کلن ریاضی درس می‌دهد.
کمیته گزارش خود را دربارهٔ انتخابات در پایان ماه منتشر خواهد کرد.
خوانندگان بیش از صد نامه دربارهٔ مقالهٔ هفتهٔ گذشته برای ما فرستاده‌اند.
تیم فوتبال پس از نزدیک به ده سال نخستین بازی خود را در خارج از کشور برد.
قیمت‌ها در بازار از زمانی که پول نیمی از ارزش خود را از دست داد، دو برابر شده است.
او می‌گوید سخت‌ترین بخش مهاجرت این است که نمی‌داند کی می‌تواند برگردد.
دیوار کهنهٔ شهر با کمک یک بنیاد خارجی ترمیم می‌شود.
هزاران تن برای استقبال از پهلوانان کشتی‌گیر به میدان هوایی رفتند.
این مقاله نخست در یک روزنامهٔ آلمانی نشر شده و اینجا ترجمه شده است.
یک نانوایی کوچک در شهر کهنه اکنون شش زن بیوه را به کار گرفته است.
دهقانان می‌گویند که جوی آب دو تابستان است که آب کافی ندارد.
ترجمهٔ این رمان نزدیک به چهار سال از وقت او را گرفت.
داکتران هشدار می‌دهند که هوای سرد موارد سینه‌بغل را افزایش خواهد داد.
کنفرانس بدون توافق بر سر رهایی زندانیان پایان یافت.
نامه‌های خوانندگان نباید بیشتر از سه صد کلمه باشد.
این رادیو هر شام به زبان‌های دری، پشتو و ازبیکی برنامه پخش می‌کند.
جشن نوروز امسال بی‌سروصدا برگزار شد.
پدرکلانش یادداشت‌های سفر از هرات تا مشهد را نگه داشته بود.
موزیم دو مجسمهٔ دزدیده‌شده را به قریهٔ اصلی آن‌ها بازگرداند.
شاگردان با وجود بسته بودن مکاتب برای آزمون کانکور آماده می‌شوند.
"""
FA_AF_EVENTS = ["افتتاح شفاخانهٔ جدید در {p}", "بازگشایی مکاتب پس از رخصتی‌های زمستانی در {p}",
                "افزایش دوباره قیمت آرد در {p}", "زلزله ده‌ها خانه را در {p} ویران کرد",
                "عودت‌کنندگان در {p} کار پیدا نمی‌کنند", "قطع برق بازارهای {p} را فلج کرد",
                "رهایی خبرنگاران در {p} پس از دو هفته", "موارد سرخکان در {p} دو برابر شد",
                "ساخت پل {p} باز هم به تأخیر افتاد", "نگرانی دهقانان {p} از خشکسالی",
                "اعتراض زنان {p} برای حق کار", "سیلاب چندین قریه را در {p} زیر آب برد"]  # fmt: skip
FA_AF_PLACES = ["هرات", "کابل", "شمال کشور", "ولایت بلخ", "ننگرهار", "پایتخت", "بامیان",
                "قندهار", "بدخشان", "کندز"]  # fmt: skip
FA_AF_HEADLINES = """
تجلیل از یک شاعر در هامبورگ
کنسرت نوازندگان مهاجر در برلین
چرا قیمت نان همچنان بالا می‌رود؟
مکتبی که هرگز بسته نشد
نامه‌های خوانندگان
استقبال گرم از کشتی‌گیران
گفتگوها دربارهٔ رهایی زندانیان بی‌نتیجه ماند
راه دراز بازگشت از ایران
زمستان سخت در اردوگاه‌های مهاجران
فرهنگ تازهٔ ضرب‌المثل‌های دری چاپ شد
"""

# ---------------------------------------------------------------- Pashto
PS_SOURCES = [
    ("د عامې روغتیا وزارت ویاند", 1), ("د هرات والي", 1), ("د سیمې یوه مشر", 1),
    ("د ملګرو ملتونو د کډوالو ادارې", 1), ("د ښار پولیسو", 2),
    ("د نجونو د ښوونځي یوې ښوونکې", 1), ("د سوداګرۍ د خونې مشر", 1),
    ("په سرحدي دروازه کې یوه چارواکي", 1), ("د ښاروالۍ دفتر", 1),
    ("د سیمه ییز روغتون یوه ډاکټر", 1), ("د دې ولسوالۍ اوسېدونکو", 2),
    ("یوې مرستندویې ادارې", 1), ("د درې یوه بزګر", 1), ("د ټاکنو کمیسیون", 1),
    ("عیني شاهدانو", 2),
]  # fmt: skip
PS_VERBS = {n: ["{d} وویل چې", "{d} خبریالانو ته وویل چې", "{d} اعلان وکړ چې"] for n in (1, 2)}
PS_DAYS = ["د دوشنبې په ورځ", "د سه‌شنبې په ورځ", "د چهارشنبې په ورځ", "د پنجشنبې په ورځ",
           "د جمعې په ورځ", "د شنبې په ورځ", "د یکشنبې په ورځ", "تېره اونۍ", "نن سهار"]  # fmt: skip
PS_CLAUSES = [
    "د هوايي ډګر سړک بیا پرانیستل شوی دی",
    "له دوه سوو ډېرې کورنۍ له ایران څخه راستنې شوې دي",
    "د اوړو او غوړیو بیې ډېرې لوړې شوې دي",
    "دا کلینیک به ټول ژمی پرانیستی وي",
    "په زلزله کې څو کورونه زیانمن شوي دي",
    "نوی پل به تر پسرلي مخکې بشپړ شي",
    "زده کوونکو لا تر اوسه خپل سندونه نه دي ترلاسه کړي",
    "د څښاک اوبه د ورځې ډېره برخه بندې وې",
    "د خبریالانو یوه ډله خوشې شوې ده",
    "سږکال حاصلات تر تېر کال ښه دي",
    "په اور لګېدنه کې لسګونه دوکانونه وسوځېدل",
    "پوله به تر بل خبرتیا پورې تړلې وي",
    "ښوونکو درې میاشتې معاش نه دی اخیستی",
    "سیلاب تېره شپه څو کلي ویجاړ کړل",
    "خبرې اترې به راتلونکې اونۍ ته دوام ومومي",
    "د واکسین کمپاین به په پسرلي کې پیل شي",
    "برېښنا د یوه زیانمن لین له امله پرې شوې وه",
    "د شري د ناروغانو شمېر دوه چنده شوی دی",
    "ځوانان په لویه کچه هېواد پرېږدي",
    "کتابتون پنځه زره نوي کتابونه ترلاسه کړي دي",
    "د ډوډۍ بیه د ښاروالۍ له لوري ټاکل شوې ده",
    "په کمپ کې کډوال کمپلو او د سون توکو ته اړتیا لري",
    "نوی درسي نصاب به په تدریجي ډول پلی شي",
    "هوايي ډګر به دوبۍ ته الوتنې بیا پیل کړي",
    "ښځو ته بیا په روغتون کې د کار اجازه ورکړل شوې ده",
]
PS_STANDALONE = """
درانه واورې سږ ژمي درېیم ځل د سالنګ لار وتړله.
شاعرې په هامبورګ کې په یوه ډک تالار کې له خپلې نوې ټولګې شعرونه ولوستل.
په کمپ کې ډېرې کورنۍ له مني راهیسې بې برېښنا ژوند کوي.
دا نندارتون د کابل د پخوانیو کلونو انځورونه ښيي.
زموږ خبریال له هغو دوکاندارانو سره خبرې وکړې چې له یو بل بد کال څخه وېرېږي.
هغه په ماشومتوب کې مزار شریف پرېښود او اوس په کلن کې ریاضي تدریسوي.
کمېټه به د میاشتې په پای کې د ټاکنو په اړه خپل راپور خپور کړي.
لوستونکو د تېرې اونۍ د لیکنې په اړه له سلو ډېر لیکونه راته رالېږلي دي.
د فوټبال ټیم نږدې لس کاله وروسته په بهر کې خپله لومړۍ لوبه وګټله.
په بازار کې بیې له هغه وخته دوه چنده شوې چې پیسو خپل نیم ارزښت له لاسه ورکړ.
هغه وايي چې د کډوالۍ تر ټولو سخته برخه دا ده چې نه پوهېږي کله به بېرته ستنه شي.
د ښار زوړ دېوال د یوه بهرني بنسټ په مرسته بیا رغول کېږي.
زرګونو کسانو د هغو پهلوانانو هرکلی وکړ چې له لوبو راستانه شول.
دا لیکنه لومړی په یوه الماني ورځپاڼه کې خپره شوې او دلته ژباړل شوې ده.
په زاړه ښار کې یوه کوچنۍ نانوايي اوس شپږ کونډې ښځې په کار ګمارلې دي.
بزګران وايي چې ویاله دوه اوړي کېږي چې کافي اوبه نه لري.
د دې ناول ژباړې نږدې څلور کاله وخت ونیو.
ډاکټران خبرداری ورکوي چې سړه هوا به د سینه بغل پېښې زیاتې کړي.
کنفرانس د بندیانو د خوشې کولو په اړه له کوم تړون پرته پای ته ورسېد.
د لوستونکو لیکونه باید له درې سوو کلمو اوږده نه وي.
دا راډیو هر ماښام په دري، پښتو او ازبکي ژبو خپرونې کوي.
د نوروز جشن سږکال په ارامۍ ولمانځل شو.
د هغه نیکه له هرات څخه تر مشهد پورې د سفر یادښتونه ساتلي وو.
موزیم دوه غلا شوې مجسمې خپل اصلي کلي ته بېرته وسپارلې.
زده کوونکي سره له دې چې ښوونځي تړل شوي، د کانکور ازموینې ته چمتو کېږي.
"""
PS_EVENTS = ["په {p} کې نوی روغتون پرانیستل شو",
             "په {p} کې ښوونځي د ژمي له رخصتیو وروسته پرانیستل شول",
             "په {p} کې د اوړو بیه بیا لوړه شوه", "په {p} کې زلزلې لسګونه کورونه ویجاړ کړل",
             "په {p} کې راستانه شوي کډوال کار نه شي موندلای",
             "په {p} کې د برېښنا پرې کېدو بازارونه ګډوډ کړل",
             "په {p} کې خبریالان له دوو اونیو وروسته خوشې شول",
             "په {p} کې د شري پېښې دوه چنده شوې", "د {p} د پل جوړول بیا وځنډېدل",
             "د {p} بزګران له وچکالۍ اندېښمن دي", "د {p} ښځو د کار د حق لپاره لاریون وکړ",
             "سیلاب په {p} کې څو کلي ویجاړ کړل"]  # fmt: skip
PS_PLACES = ["هرات", "کابل", "شمال", "بلخ ولایت", "ننګرهار", "جلال آباد", "بامیان",
             "کندهار", "بدخشان", "کندز"]  # fmt: skip
PS_HEADLINES = """
په هامبورګ کې د یوې شاعرې درناوی
په برلین کې د کډوالو سندرغاړو کنسرټ
د ډوډۍ بیه ولې لوړېږي؟
هغه ښوونځی چې هېڅکله ونه تړل شو
د لوستونکو لیکونه
د پهلوانانو تود هرکلی
د بندیانو د خوشې کېدو خبرې بې پایلې پای ته ورسېدې
له ایرانه د راستنېدو اوږده لار
ژمي د کډوالو کمپونه سخت ځپلي دي
د دري متلونو نوی قاموس چاپ شو
"""

# ---------------------------------------------------------------- Iranian Persian (fa)
# A smaller check that the Afghan markers do not fire on Persian from Iran.
FA_SENTENCES = """
استاندار تهران روز دوشنبه گفت که بیمارستان جدید تا پایان سال افتتاح می‌شود.
شهرداری اصفهان اعلام کرد که خیابان‌های مرکز شهر فردا بسته خواهند بود.
دانشجویان دانشگاه تهران در اعتراض به افزایش شهریه تجمع کردند.
قیمت خودرو در بازار در یک ماه گذشته ده درصد افزایش یافته است.
پلیس راهور از رانندگان خواست که در جاده‌های برفی با احتیاط رانندگی کنند.
دانش‌آموزان از هفتهٔ آینده به کلاس‌های درس بازمی‌گردند.
نرخ دلار امروز در بازار آزاد به رکورد تازه‌ای رسید.
این مغازه‌دار می‌گوید فروشش نسبت به پارسال نصف شده است.
سازمان هواشناسی برای استان‌های شمالی هشدار بارش برف صادر کرد.
شهردار مشهد گفت خط تازهٔ مترو تا بهار آینده به بهره‌برداری می‌رسد.
دادستان کل کشور از تشکیل پرونده برای چند مدیر سابق خبر داد.
بیمارستان‌های استان فارس با کمبود داروهای بیهوشی روبه‌رو هستند.
مهندسان شرکت سازنده می‌گویند پل تا شش ماه دیگر تکمیل می‌شود.
اتوبوس‌های برقی از ماه آینده در خیابان‌های شیراز حرکت خواهند کرد.
وزارت بهداشت از آغاز طرح واکسیناسیون سرخک در مدارس خبر داد.
قیمت هر کیلو گوشت به بیش از پانصد هزار تومان رسیده است.
دانشگاه‌ها امسال ده درصد دانشجوی بیشتری پذیرفته‌اند.
استانداری خوزستان تعطیلی ادارات را تا پایان هفته تمدید کرد.
این دکتر جوان هر هفته در روستاهای اطراف شهرستان بیماران را رایگان ویزیت می‌کند.
فرهنگستان زبان و ادب فارسی برای چند واژهٔ بیگانه معادل تازه پیشنهاد کرد.
"""
FA_HEADLINES = """
افزایش قیمت خودرو در بازار تهران
تعطیلی مدارس استان گیلان به دلیل برف
استاندار اصفهان: بیمارستان جدید آماده است
کمبود دارو در بیمارستان‌های شیراز
رکورد تازهٔ دلار در بازار آزاد
شهرداری مشهد خیابان‌های مرکزی را می‌بندد
دانشجویان در برابر دانشگاه تجمع کردند
اتوبوس‌های برقی به خیابان‌های تبریز می‌آیند
"""


def _lines(block: str) -> list[str]:
    return [line.strip() for line in block.strip().splitlines() if line.strip()]


def _reported(rng: random.Random, sources: list[tuple[str, int]], verbs: dict[int, list[str]],
              days: list[str], clauses: list[str], end: str, n: int) -> list[str]:  # fmt: skip
    """n distinct 'source verb clause' sentences, each clause used about equally often."""
    out: set[str] = set()
    while len(out) < n:
        for clause in clauses:
            source, number = rng.choice(sources)
            verb = rng.choice(verbs[number]).format(d=rng.choice(days))
            out.add(f"{source} {verb} {clause}{end}")
            if len(out) == n:
                break
    return sorted(out)


def _headlines(events: list[str], places: list[str], extra: str, n: int) -> list[str]:
    combos = [e.format(p=p) for e in events for p in places]
    rng = random.Random(n)
    rng.shuffle(combos)
    fixed = _lines(extra)
    return fixed + combos[: n - len(fixed)]


def build() -> None:
    rng = random.Random(1403)
    rows: list[tuple[str, str, str]] = []
    n_templated = SENTENCES_PER_LANGUAGE - len(_lines(EN_STANDALONE))
    en_verbs = {1: ["said {d} that", "told reporters {d} that", "confirmed {d} that"],
                2: ["said {d} that", "told reporters {d} that", "confirmed {d} that"]}  # fmt: skip
    for label, section, sources, verbs, days, clauses, end, standalone in (
        ("en", "european-languages", EN_SOURCES, en_verbs, EN_DAYS, EN_CLAUSES, ".",
         EN_STANDALONE),
        ("de", "european-languages", DE_SOURCES, DE_VERBS, DE_DAYS, DE_CLAUSES, ".",
         DE_STANDALONE),
        ("fa-AF", "dari", FA_AF_SOURCES, FA_AF_VERBS, FA_AF_DAYS, FA_AF_CLAUSES, ".",
         FA_AF_STANDALONE),
        ("ps", "pashto", PS_SOURCES, PS_VERBS, PS_DAYS, PS_CLAUSES, ".", PS_STANDALONE),
    ):  # fmt: skip
        if label == "de":
            # German reported speech: "sagte am Montag, die Straße sei ..."
            clauses = [", " + c for c in clauses]
        sentences = _lines(standalone) + _reported(
            rng, sources, verbs, days, clauses, end, n_templated
        )
        rows += [(label, section, s.replace(" ,", ",")) for s in sentences]
    rows += [("fa", "", s) for s in _lines(FA_SENTENCES)]
    _write(HERE / "sentences.tsv", rows)

    rows = []
    for label, section, events, places, extra in (
        ("en", "european-languages", EN_EVENTS, EN_PLACES, EN_HEADLINES),
        ("de", "european-languages", DE_EVENTS, DE_PLACES, DE_HEADLINES),
        ("fa-AF", "dari", FA_AF_EVENTS, FA_AF_PLACES, FA_AF_HEADLINES),
        ("ps", "pashto", PS_EVENTS, PS_PLACES, PS_HEADLINES),
    ):
        rows += [
            (label, section, h) for h in _headlines(events, places, extra, HEADLINES_PER_LANGUAGE)
        ]
    rows += [("fa", "", h) for h in _lines(FA_HEADLINES)]
    _write(HERE / "headlines.tsv", rows)


def _write(path: Path, rows: list[tuple[str, str, str]]) -> None:
    with path.open("w", encoding="utf-8") as f:
        f.write("label\tsection\ttext\n")
        for row in rows:
            f.write("\t".join(row) + "\n")


if __name__ == "__main__":
    build()
