"""Afghan places and common name parts, in both scripts: data for ``names.py``.

Each line is one place or name: its kind, the Latin spellings (the common English one
first, then the other spellings found in English and German text), the ALA-LC
romanisation (of the Dari form), and the Arabic-script spellings (Dari, then Pashto
where it differs; a Pashto spelling keeps its own letters: ننګرهار, لښکرګاه). Place
names are facts; the table was written for this project from general knowledge of the
34 provinces, their capitals and the best-known districts, towns, valleys and passes.

Kinds: ``province``, ``city`` (a provincial capital or large town), ``district``,
``place`` (a valley, pass, river, quarter or site), ``country``, ``given`` and ``family``
(name parts of people) and ``suffix`` (name endings such as ‑zai, ‑zad, ‑ullah, which
``names.py`` composes with a given or family part: Khalil + zad = Khalilzad, خلیلزاد).
"""

from __future__ import annotations

__all__ = ["TABLE"]

# kind | latin spellings | ALA-LC | arabic-script spellings
TABLE = """
province | Kabul, Caubul | Kābul | کابل
province | Kandahar, Qandahar, Candahar, Kandahār | Qandahār | کندهار, قندهار
province | Herat, Hirat, Harat | Harāt | هرات
province | Balkh | Balkh | بلخ
province | Nangarhar, Ningarhar, Nangrahar | Nangarhār | ننگرهار, ننګرهار
province | Helmand, Hilmand, Helmend | Hilmand | هلمند, هیلمند
province | Kunduz, Qunduz, Kondoz, Konduz, Kundus | Qundūz | کندز, قندوز, کندوز
province | Badakhshan, Badakshan | Badakhshān | بدخشان
province | Bamyan, Bamiyan, Bamian, Bamijan | Bāmiyān | بامیان
province | Ghazni, Ghazna, Ghazny, Ghasni | Ghaznī | غزنی, غزني
province | Paktia, Paktiya, Paktya | Paktiyā | پکتیا
province | Paktika | Paktīkā | پکتیکا
province | Khost, Khowst, Khust, Chost | Khōst | خوست
province | Logar, Lowgar | Lōgar | لوگر, لوګر
province | Wardak, Maidan Wardak, Vardak | Wardak | وردک
province | Parwan, Parvan | Parwān | پروان
province | Kapisa | Kāpīsā | کاپیسا
province | Panjshir, Panjsher, Panjshēr | Panjshīr | پنجشیر, پنجشېر
province | Laghman, Lamghan | Laghmān | لغمان
province | Kunar, Konar | Kunar | کنر, کونړ, کونر
province | Nuristan, Nooristan | Nūristān | نورستان
province | Takhar | Takhār | تخار
province | Baghlan | Baghlān | بغلان
province | Samangan | Samangān | سمنگان, سمنګان
province | Sar-e Pol, Sar-i-Pul, Sari Pul, Sar-e-Pul | Sar-i Pul | سرپل, سر پل
province | Jowzjan, Jawzjan, Jozjan | Jawzjān | جوزجان
province | Faryab | Fāryāb | فاریاب
province | Badghis | Bādghīs | بادغیس
province | Ghor, Ghowr | Ghōr | غور
province | Daykundi, Daikundi, Daykondi | Dāykundī | دایکندی, دایکنډي
province | Uruzgan, Oruzgan, Urozgan | Uruzgān | ارزگان, ارزګان, اروزگان
province | Zabul, Zabol | Zābul | زابل
province | Farah | Farāh | فراه
province | Nimruz, Nimroz | Nīmrūz | نیمروز
city | Mazar-i-Sharif, Mazar-e Sharif, Mazari Sharif, Masar-e Scharif, Mazar | Mazār-i Sharīf | مزار شریف, مزار
city | Jalalabad, Jelalabad, Dschalalabad | Jalālābād | جلال‌آباد, جلال آباد, جلالاباد
city | Lashkar Gah, Lashkargah, Laschkar Gah | Lashkargāh | لشکرگاه, لشکر گاه, لښکرګاه
city | Faizabad, Fayzabad, Feyzabad, Faisabad | Fayẓābād | فیض‌آباد, فیض آباد
city | Gardez, Gardeyz | Gardīz | گردیز, ګردېز
city | Sharana | Sharana | شرنه
city | Pul-i-Alam, Pul-e Alam, Puli Alam | Pul-i ʻAlam | پل علم, پلعلم
city | Maidan Shahr, Maydan Shahr | Maydān Shahr | میدان شهر, میدانشهر
city | Charikar | Chārīkār | چاریکار
city | Mahmud-i-Raqi, Mahmud Raqi | Maḥmūd-i Rāqī | محمود راقی
city | Bazarak | Bāzārak | بازارک
city | Mehtarlam, Mihtarlam | Mihtarlām | مهترلام
city | Asadabad | Asʻadābād | اسعدآباد, اسعد آباد, اسد آباد
city | Taloqan, Taluqan, Talokan | Ṭāluqān | طالقان, تالقان
city | Pul-i-Khumri, Puli Khumri, Pul-e Khomri | Pul-i Khumrī | پل خمری, پلخمری
city | Aybak, Aibak, Samangan city | Aybak | ایبک
city | Sheberghan, Shibirghan, Shiberghan | Shibirghān | شبرغان
city | Maymana, Maimana | Maymana | میمنه
city | Qala-i-Naw, Qala-e Naw, Qalai Naw | Qalʻa-i Naw | قلعه نو, قلعه‌نو
city | Chaghcharan, Firozkoh | Chaghcharān | چغچران, فیروزکوه
city | Nili | Nīlī | نیلی
city | Tarinkot, Tirinkot, Tarin Kowt | Tarīnkōt | ترینکوت, ترین کوت, ترينکوټ
city | Qalat | Qalāt | قلات
city | Zaranj | Zaranj | زرنج
district | Spin Boldak, Spin Buldak | Spīn Buldak | سپین بولدک, سپین بولدک
district | Musa Qala, Musa Qalah | Mūsá Qalʻa | موسی قلعه
district | Sangin | Sangīn | سنگین, سنګین
district | Nad Ali, Nad-e Ali | Nād ʻAlī | ناد علی, نادعلی
district | Marjah, Marja | Marja | مارجه
district | Kajaki, Kajakai | Kajakī | کجکی
district | Garmsir | Garmsīr | گرمسیر, ګرمسیر
district | Arghandab | Arghandāb | ارغنداب
district | Panjwai, Panjwayi | Panjwāʼī | پنجوایی, پنجوايي
district | Torkham | Tōrkham | تورخم
district | Islam Qala | Islām Qalʻa | اسلام قلعه
district | Hairatan | Ḥayratān | حیرتان
district | Andkhoy, Andkhui | Andkhūy | اندخوی
district | Shindand | Shīndand | شیندند
district | Ghoryan, Ghurian | Ghōryān | غوریان
district | Bagram | Bagrām | بگرام, بګرام
district | Paghman | Paghmān | پغمان
district | Istalif | Istālif | استالف
district | Surobi, Sarobi | Surōbī | سروبی
district | Rustaq | Rustāq | رستاق
district | Ishkashim | Ishkāshim | اشکاشم
district | Baharak | Bahārak | بهارک
district | Khulm, Kholm, Tashqurghan | Khulm | خلم
district | Dand | Dand | دند
district | Nawzad, Now Zad | Nawzād | ناوزاد
district | Chahar Bolak | Chahār Bōlak | چهار بولک
district | Dasht-e Barchi, Dasht-i-Barchi | Dasht-i Barchī | دشت برچی
district | Khair Khana, Khairkhana | Khayr Khāna | خیرخانه, خیر خانه
district | Shahr-e Naw, Shar-e Naw, Shahr-i-Naw | Shahr-i Naw | شهر نو, شهرنو
district | Karte Seh, Karte Se | Kārta-yi Sih | کارته سه
district | Wazir Akbar Khan | Wazīr Akbar Khān | وزیر اکبر خان
place | Wakhan | Wākhān | واخان
place | Salang | Sālang | سالنگ, سالنګ
place | Hindu Kush, Hindukush | Hindū Kush | هندوکش, هندو کش
place | Amu Darya, Oxus | Āmū Daryā | آمو دریا, آمودریا
place | Kabul River | Rūd-i Kābul | دریای کابل
place | Band-e Amir, Band-i-Amir | Band-i Amīr | بند امیر
place | Tora Bora | Tōrā Bōrā | تورا بورا, توره بوره
place | Kajaki Dam | Band-i Kajakī | بند کجکی
place | Salma Dam | Band-i Salmá | بند سلما
place | Khyber Pass, Khyber | Khaybar | خیبر
country | Afghanistan | Afghānistān | افغانستان
country | Pakistan | Pākistān | پاکستان
country | Iran | Īrān | ایران
country | Tajikistan | Tājīkistān | تاجیکستان
country | Uzbekistan | Uzbakistān | ازبکستان
country | Turkmenistan | Turkmanistān | ترکمنستان
country | Germany, Deutschland | Ālmān | آلمان
given | Ahmad, Ahmed | Aḥmad | احمد
given | Mohammad, Muhammad, Mohammed, Mohamad, Muhammed | Muḥammad | محمد
given | Ali | ʻAlī | علی
given | Hassan, Hasan | Ḥasan | حسن
given | Hussain, Hussein, Hossein, Husain, Hosain | Ḥusayn | حسین
given | Abdullah, Abdulla | ʻAbd Allāh | عبدالله, عبد الله
given | Abdul | ʻAbd al- | عبدال, عبد ال
given | Karim, Kareem | Karīm | کریم
given | Rahim, Raheem | Raḥīm | رحیم
given | Rahman | Raḥmān | رحمان, رحمن
given | Khalil | Khalīl | خلیل
given | Hamid, Hameed | Ḥāmid | حامد, حمید
given | Zalmay, Zalmai | Zalmay | زلمی
given | Ashraf | Ashraf | اشرف
given | Gulbuddin, Golboddin | Gulb al-Dīn | گلبدین, ګلبدین
given | Najib, Najeeb | Najīb | نجیب
given | Shafiq, Shafik | Shafīq | شفیق
given | Nasrin, Nasreen | Nasrīn | نسرین
given | Nadia, Nadiya | Nādiya | نادیه
given | Maryam, Mariam, Miriam | Maryam | مریم
given | Fatima, Fatema, Fatemeh | Fāṭima | فاطمه
given | Zahra, Zohra | Zahrā | زهرا
given | Malalai | Malālay | ملالی, ملالۍ
given | Malala | Malāla | ملاله
given | Leila, Laila, Layla | Laylā | لیلا, لیلی
given | Sima, Seema | Sīmā | سیما
given | Fariba | Farība | فریبا
given | Farid, Fareed | Farīd | فرید
given | Farhad | Farhād | فرهاد
given | Nader, Nadir | Nādir | نادر
given | Zia, Ziya | Ḍiyāʼ | ضیا, ضیاء
given | Sara, Sarah | Sārā | سارا
given | Soraya, Suraya | Thurayyā | ثریا
given | Parwin, Parveen, Parvin | Parwīn | پروین
given | Wahid, Waheed | Waḥīd | وحید
given | Yusuf, Yousuf, Yousef, Yosuf | Yūsuf | یوسف
given | Ismail, Esmail | Ismāʻīl | اسماعیل
given | Ibrahim, Ebrahim | Ibrāhīm | ابراهیم
given | Omar, Umar | ʻUmar | عمر
given | Osman, Usman | ʻUthmān | عثمان
given | Tariq, Tarek | Ṭāriq | طارق
given | Haroon, Harun | Hārūn | هارون
given | Daoud, Daud, Dawood, Dawud | Dāʼūd | داوود, داود
given | Amanullah | Amān Allāh | امان‌الله, امان الله, امانالله
given | Najibullah | Najīb Allāh | نجیب‌الله, نجیب الله, نجیبالله
given | Shafiqullah | Shafīq Allāh | شفیق‌الله, شفیق الله
given | Zahir | Ẓāhir | ظاهر
given | Gul | Gul | گل, ګل
given | Jan | Jān | جان
given | Khan | Khān | خان
given | Shah | Shāh | شاه
family | Karzai | Karzay | کرزی, کرزي
family | Ghani | Ghanī | غنی, غني
family | Khalilzad | Khalīlzād | خلیلزاد, خلیل‌زاد
family | Hekmatyar, Hikmatyar | Ḥikmatyār | حکمتیار
family | Massoud, Masood, Masud, Massud | Masʻūd | مسعود
family | Dostum | Dōstum | دوستم
family | Rabbani | Rabbānī | ربانی
family | Haqqani | Ḥaqqānī | حقانی
family | Akhundzada, Akhundzadeh | Ākhundzāda | آخندزاده
family | Rahimi | Raḥīmī | رحیمی
family | Karimi | Karīmī | کریمی
family | Ahmadi | Aḥmadī | احمدی
family | Mohammadi | Muḥammadī | محمدی
family | Hosseini, Husseini | Ḥusaynī | حسینی
family | Sultani, Soltani | Sulṭānī | سلطانی
family | Rasuli, Rasooli | Rasūlī | رسولی
family | Nuri, Noori | Nūrī | نوری
family | Haidari, Haydari | Ḥaydarī | حیدری
family | Mohseni, Mohsini | Muḥsinī | محسنی
family | Tawana, Tavana | Tawānā | توانا
family | Wardak | Wardak | وردک
family | Mangal | Mangal | منگل, منګل
family | Zadran, Dzadran | Zadrān | زدران, ځدراڼ
family | Popalzai | Pōpalzay | پوپلزی
family | Barakzai | Bārakzay | بارکزی
family | Yousafzai, Yousufzai | Yūsufzay | یوسفزی
family | Achakzai | Achakzay | اچکزی, اڅکزی
family | Safi | Ṣāfī | صافی
family | Shinwari | Shinwārī | شینواری
family | Momand, Mohmand | Mōmand | مومند
family | Sadat | Sādāt | سادات
family | Nikbin | Nīkbīn | نیک‌بین, نیکبین
suffix | zai | zay | زی, زي
suffix | zad | zād | زاد
suffix | zada, zadeh | zāda | زاده
suffix | yar | yār | یار
suffix | ullah, ollah | Allāh | الله
suffix | uddin, uddeen, addin | al-Dīn | الدین
suffix | khel, khail | khayl | خیل, خېل
suffix | i | ī | ی
"""
