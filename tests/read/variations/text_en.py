# ruff: noqa: E501  (sentences are data: one per line reads and diffs better than wrapped)
"""English sentence pools for the variation corpus (written for Ganjina; facts only are real).

Slots filled by ``compose``: {place} {place2} province names, {n} {n2} small numbers, {big} a
large number, {day} a weekday, {name} a person, {month} a month name. Sentences are combined
at random, so no two articles share their body.
"""

PLACES = [
    "Balkh",
    "Herat",
    "Kandahar",
    "Nangarhar",
    "Bamiyan",
    "Badakhshan",
    "Kunduz",
    "Ghazni",
    "Paktia",
    "Khost",
    "Helmand",
    "Takhar",
    "Parwan",
    "Logar",
    "Samangan",
    "Faryab",
    "Laghman",
    "Kunar",
    "Panjshir",
    "Zabul",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["March", "April", "May", "June", "July", "August", "September", "October"]
GIVEN = [
    "Laura",
    "Daniel",
    "Miriam",
    "Samuel",
    "Helen",
    "Omar",
    "Rachel",
    "Victor",
    "Nadia",
    "Thomas",
    "Irene",
    "Marcus",
    "Leila",
    "Simon",
    "Judith",
    "Karim",
]
FAMILY = [
    "Whitfield",
    "Ashdown",
    "Carraway",
    "Pennington",
    "Okafor",
    "Lindqvist",
    "Moreau",
    "Haddad",
    "Brennan",
    "Castellano",
    "Rahimi",
    "Sorensen",
    "Albright",
    "Kowalczyk",
]
OUTLETS = [
    "The Highland Courier",
    "Eastern Ledger",
    "World Review Weekly",
    "The Valley Post",
    "Continental Observer",
    "The River Gazette",
    "Global Affairs Monitor",
]
AUTHOR_PREFIXES = ["", "By "]
TRANSLATOR_PREFIXES = ["Translated by "]
AND = " and "
ATTRIBUTION_PREFIXES = ["", "Source: "]

TOPICS = {
    "water": {
        "titles": [
            "Farmers in {place} dig new channels as the spring rains fail",
            "A quiet fight over water divides the villages of {place}",
            "Old karez tunnels return to use in {place}",
            "Wells run dry across {place} as the summer heat arrives early",
        ],
        "sentences": [
            "In the villages south of {place}, farmers say the river carried less water this spring than in any year they can remember.",
            "Elders from {n} villages met on {day} to divide the water of the main channel by the hour, as their grandfathers did.",
            "A wheat field that needs water every ten days now waits three weeks, and the stalks have turned yellow before their time.",
            "Engineers from the provincial office walked the length of the old canal and counted {n2} places where the banks had given way.",
            "The karez, a chain of hand-dug wells joined by a tunnel, brings water from the foot of the hills without a pump or a drop of fuel.",
            "Families who once grew melons for the markets of {place2} have planted sesame, which asks for less water and sells for less money.",
            "One farmer showed the marks on a mud wall where the water stood in a good year, well above the height of his knee.",
            "The cost of diesel for the pumps has doubled since {month}, so many growers now irrigate only at night, when less of it evaporates.",
            "Young men from the district repaired the intake of the canal with stones and willow branches in less than a week.",
            "Hydrologists warn that the ground water under the plain has fallen by more than {n} metres over the last decade.",
            "A new reservoir upstream has been promised many times, but the drawings have not left the office in the provincial capital.",
            "Where the channels were cleaned, the yield of the autumn harvest was almost twice that of the fields next to them.",
        ],
        "list_items": [
            "clean the main channel before the snow melts",
            "measure the flow at the intake every morning",
            "share the night turns fairly between upper and lower villages",
            "line the worst stretches of the canal with stone",
            "plant trees along the banks to hold the soil",
            "keep a written record of every turn and every dispute",
        ],
        "quotes": [
            "We do not ask for money. We ask that the water reaches the last field as it reaches the first.",
            "My father knew every stone of this channel. I am learning them again, one by one.",
        ],
        "headings": [
            "Turns by the hour",
            "A tunnel older than the village",
            "What the engineers found",
        ],
        "captions": [
            "A farmer opens a sluice gate on a canal near {place}, {day}, {month} {n}.",
            "Children carry water from a well outside {place}.",
        ],
    },
    "schools": {
        "titles": [
            "A school in {place} holds its classes in a rented courtyard",
            "Teachers in {place} keep lessons going without pay",
            "The village library that travels on the back of a truck in {place}",
            "In {place}, a generation learns to read on borrowed books",
        ],
        "sentences": [
            "Every morning at seven, about {big} pupils gather in a courtyard that the school rents from a shopkeeper in {place}.",
            "The teachers have not been paid for {n} months, yet most of them arrive before the children do.",
            "Textbooks are shared by three or four pupils, and the older ones copy the lessons into notebooks for the younger.",
            "A retired headmaster opened his own house for the girls of the neighbourhood when the old building was closed.",
            "Parents in {place2} collected money for a water tank and two blackboards, and the carpenter refused to take a fee.",
            "The mobile library stops in a different village each {day} and lends books for two weeks at a time.",
            "Most of the books are stories for children, but farmers also borrow manuals on bees, orchards and sheep.",
            "In winter the classes move indoors, into rooms heated by a single stove that the families feed with dried dung.",
            "A survey by a local group found that only {n2} of every ten children in the district could read a simple paragraph.",
            "The pupils sit their examinations on the floor, with their papers resting on their knees.",
            "A teacher of mathematics said that she had taught the same lesson on fractions four times, once for every shift.",
            "Donors from abroad have paid for solar lamps, so that the evening classes for adults can continue after dark.",
        ],
        "list_items": [
            "a second room for the youngest classes",
            "one textbook for every pupil",
            "a salary paid on time for the teachers",
            "clean water and a latrine in the courtyard",
            "a shelf of books in the local language",
            "a stove and fuel for the winter months",
        ],
        "quotes": [
            "A child who can read will find her own way. Our work is only to open the first door.",
            "We teach with chalk, patience and whatever the families can bring.",
        ],
        "headings": ["Lessons in three shifts", "Books on wheels", "What the parents ask for"],
        "captions": [
            "Pupils follow a lesson in a courtyard school in {place}, {month} {n}.",
            "A librarian hands out books from the back of a truck near {place}.",
        ],
    },
    "markets": {
        "titles": [
            "Prices climb in the bazaars of {place} as the border stays shut",
            "The dried fruit traders of {place} look for new buyers",
            "In {place}, a carpet market weaves its way back",
            "Saffron growers in {place} count their first good harvest in years",
        ],
        "sentences": [
            "In the covered bazaar of {place}, the price of a sack of flour has risen by {n} per cent since {month}.",
            "Traders say that trucks carrying raisins and apricots have waited at the border for {n2} days without moving.",
            "A shopkeeper who has sold spices for thirty years said that his customers now buy by the handful, not by the kilogram.",
            "The carpet weavers of the district work at home, and a single large rug can take a family half a year to finish.",
            "Buyers from {place2} arrived on {day} and paid in cash, which the growers welcomed after months of promises.",
            "Saffron is picked by hand before sunrise, when the purple flowers are still closed against the cold.",
            "The money changers near the main square keep two sets of prices, one for the morning and one for the afternoon.",
            "Cooperatives have begun to sell their pomegranates directly to shops in the capital, cutting out two middlemen.",
            "A load of almonds that fetched a good price last year sold this week for little more than the cost of transport.",
            "Women who dry mulberries on the flat roofs of their houses now sell them through a small shop run by a widow.",
            "The market opens at dawn with the arrival of the vegetable carts and closes when the call to the evening prayer is heard.",
            "Several traders have rented cold stores on credit, hoping to hold their grapes until prices recover in winter.",
        ],
        "list_items": [
            "flour and cooking oil have become dearer every week",
            "the border crossing opens for a few hours only",
            "transport costs take half of the farmers' income",
            "cash is short and most sales are made on credit",
            "cold storage is rare outside the provincial capital",
            "new buyers have come from the neighbouring provinces",
        ],
        "quotes": [
            "The fruit does not wait for the politicians. If it sits a week in the heat, it is food for the animals.",
            "My grandmother sold in this market, and so did hers. We are not going anywhere.",
        ],
        "headings": ["Waiting at the border", "Sold by the handful", "New roads to old buyers"],
        "captions": [
            "A trader weighs dried apricots in the main bazaar of {place}, {day}, {month} {n}.",
            "Saffron flowers are sorted by hand in a village near {place}.",
        ],
    },
    "health": {
        "titles": [
            "A clinic in {place} treats a valley with one doctor",
            "Midwives walk for hours to reach mothers in {place}",
            "Vaccinators go from door to door across {place}",
            "In {place}, a hospital runs on a generator and goodwill",
        ],
        "sentences": [
            "The only doctor in the valley sees about {big} patients a week in a clinic of three rooms in {place}.",
            "Mothers walk for up to {n} hours with their children to reach the clinic, and many arrive before it opens.",
            "The midwives carry their equipment in a cloth bag: gloves, a small scale, clean blades and a notebook.",
            "A vaccination team of {n2} men and women visited every house in the district over five days in {month}.",
            "When the power fails, the nurses finish their work by the light of their telephones.",
            "The pharmacy shelves are half empty, and the most common medicines run out before the end of each month.",
            "A young nurse from {place2} said that she had delivered more than a hundred babies in her first year.",
            "Families who cannot pay are treated anyway, and the clinic's debts are written in a green ledger on the desk.",
            "Health workers say that clean water has done more to reduce illness in the villages than any single medicine.",
            "The ambulance, an old minibus, needs a push to start on cold mornings, but it has not missed a call this year.",
            "Local religious leaders now speak about vaccination after the Friday prayer, which has helped the teams greatly.",
            "Patients with serious injuries must still travel to the regional hospital, a journey of a full day on rough roads.",
        ],
        "list_items": [
            "a second doctor for the valley",
            "a reliable supply of antibiotics",
            "a refrigerator for the vaccines",
            "training for more women as midwives",
            "a road that stays open in winter",
            "fuel for the generator and the ambulance",
        ],
        "quotes": [
            "We cannot choose whom to treat. Whoever comes through that door is our patient.",
            "A midwife in every village would save more lives than a new hospital in the city.",
        ],
        "headings": ["One doctor, many villages", "On foot to the mothers", "The green ledger"],
        "captions": [
            "A nurse checks a child's weight in a clinic in {place}, {month} {n}.",
            "Vaccinators mark a door after their visit in a village near {place}.",
        ],
    },
}

GENERAL = [
    "Local officials did not answer repeated requests for comment.",
    "The situation, residents say, has changed little since the same time last year.",
    "Many families in {place} depend on money sent home by relatives working abroad.",
    "The provincial council discussed the matter at its meeting on {day}, but took no decision.",
    "An aid group working in the area said that it would publish a fuller report in {month}.",
    "Residents describe a patient, stubborn effort that seldom reaches the news.",
    "The nearest paved road ends about {n} kilometres from the last village of the district.",
    "Winter comes early in the higher valleys, and by November many paths are closed by snow.",
    "People in the district speak of the past decade as a time of small gains and large losses.",
    "Several of those interviewed asked that their names not be printed.",
    "A similar project in {place2} was abandoned after two years for lack of money.",
    "The figures could not be checked independently, but they match what other groups have reported.",
    "Much of the work is done by volunteers, who give their evenings and their holidays to it.",
    "What happens next depends, as so often, on the weather and on the price of fuel.",
    "In a region where almost everyone farms, a bad season is felt in every household.",
    "The district has a population of roughly {big} people, most of them under the age of twenty-five.",
]
