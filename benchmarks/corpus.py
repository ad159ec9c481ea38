"""A seeded generator of realistic news articles about North Korea's military ties with Russia.

Each article is 4–6 KB, in one of the three layouts ``tracker ingest`` reads:

* the aggregator export (like ``seeds/``): title, a number line, a UUID line, summary, body,
  ``Original Source: domain``, then comment-form boilerplate;
* Markdown with ``---`` front matter (title, date, source, url) and a ``# heading``;
* plain text whose first paragraph opens with a news dateline ("SEOUL, March 5 (Yonhap) --").

Dates and figures come in the forms real news uses ("since 2024", "earlier this year", "Oct. 8",
"mid-2024", "over 3,000 killed or injured", "10,000 to 12,000 troops", "around $540 million",
"27-hundred", "dozens"). Article ``i`` depends only on ``(seed, i)``, so a corpus can be generated
in pieces, resumed after an interruption, and its first N articles form the corpus of size N.

Files are streamed to ``OUT/NNN/IIIIII_<layout>.{txt,md}`` (1,000 per folder); nothing is held in
memory. Usage::

    python benchmarks/corpus.py --count 10000 --out /tmp/corpus --seed 1
"""

from __future__ import annotations

import argparse
import calendar
import os
import random
import sys
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

PER_FOLDER = 1000
MIN_BYTES = 4000
MAX_BYTES = 6000

# Share of sentences that state a dated fact with a figure; the rest are context, quotes, analysis.
# "news" matches real news as the extractor reads it: TimeBank/AQUAINT has 2.7 dated events and 4.1
# figures per KB, the seed article 1.3 and 2.0; "news" gives about 2.7 and 1.9. "dense" (the corpus
# before 2026-11-27 evening, kept as a stress test) gives about 8 and 6.
DENSITIES = {"news": 0.23, "dense": 0.8}

# ---------------------------------------------------------------------------------------------------
# Vocabulary

OUTLETS = [
    ("Yonhap", "en.yna.co.kr", "SEOUL"),
    ("Daily NK", "www.dailynk.com", "SEOUL"),
    ("NK News", "www.nknews.org", "SEOUL"),
    ("The Korea Herald", "www.koreaherald.com", "SEOUL"),
    ("The Korea Times", "www.koreatimes.co.kr", "SEOUL"),
    ("Kyiv Independent", "kyivindependent.com", "KYIV"),
    ("Ukrainska Pravda", "www.pravda.com.ua", "KYIV"),
    ("Reuters", "www.reuters.com", "WASHINGTON"),
    ("AP", "apnews.com", "WASHINGTON"),
    ("AFP", "www.france24.com", "MOSCOW"),
    ("Radio Free Asia", "www.rfa.org", "WASHINGTON"),
    ("Kyodo", "english.kyodonews.net", "TOKYO"),
    ("JoongAng Daily", "koreajoongangdaily.joins.com", "SEOUL"),
    ("The Diplomat", "thediplomat.com", "TOKYO"),
    ("Meduza", "meduza.io", "RIGA"),
    ("BBC", "www.bbc.com", "LONDON"),
]

SOURCES = [
    "South Korea's National Intelligence Service",
    "the NIS",
    "Seoul's spy agency",
    "Ukraine's military intelligence agency (HUR)",
    "Ukrainian military intelligence",
    "the Pentagon",
    "a U.S. defense official",
    "the Institute for the Study of War",
    "South Korea's Joint Chiefs of Staff",
    "a senior Ukrainian commander",
    "Western officials",
    "a think tank affiliated with Seoul's intelligence service",
    "the Korea Institute for Defense Analyses",
    "analysts at 38 North",
    "a lawmaker briefed by the NIS",
    "Japan's defense ministry",
    "the Multilateral Sanctions Monitoring Team",
    "the UK Ministry of Defence",
    "Open-source researchers",
    "satellite imagery reviewed by analysts",
    "a NATO spokesperson",
    "Russia's state media",
    "the Korean Central News Agency",
    "defense sources in Seoul",
    "a Ukrainian border guard spokesman",
]

PLACES = [
    "the Kursk region",
    "Kursk",
    "the Belgorod border area",
    "Russia's Far East",
    "Vladivostok",
    "the port of Rajin",
    "the Rason special economic zone",
    "Khasan",
    "the Primorsky region",
    "eastern Ukraine",
    "the Donetsk front",
    "Zaporizhzhia",
    "the Sudzha district",
    "Pyongyang",
    "the Tumen River crossing",
    "training grounds near Ussuriysk",
    "Kharkiv",
    "the Sumy region",
]

LEADERS = [
    "Kim Jong Un",
    "Vladimir Putin",
    "Volodymyr Zelenskyy",
    "Sergei Shoigu",
    "Choe Son Hui",
    "Andrei Belousov",
    "Sergei Lavrov",
    "Kim Yo Jong",
    "No Kwang Chol",
    "Pak Jong Chon",
]

WEAPONS = [
    "KN-23 ballistic missiles",
    "KN-24 missiles",
    "152mm artillery shells",
    "122mm rockets",
    "Koksan self-propelled guns",
    "240mm multiple rocket launchers",
    "Bulsae-4 anti-tank missiles",
    "mortar rounds",
    "containers of ammunition",
    "Hwasong-11 missiles",
    "artillery rounds",
]

SOLDIERS = ["troops", "soldiers", "servicemen", "military personnel", "special forces troops", "infantrymen"]
LOSSES = ["killed or injured", "killed or wounded", "casualties", "dead and wounded", "killed in action"]
VERBS_SEND = ["dispatched", "sent", "deployed", "moved", "transferred", "rotated"]
VERBS_SAY = [
    "said",
    "told reporters",
    "reported",
    "estimated",
    "told lawmakers",
    "assessed",
    "claimed",
    "noted",
]
ADJ_SIG = ["significant", "substantial", "heavy", "mounting", "unexpectedly high", "severe", "steady"]
CONNECT = [
    "Meanwhile,",
    "In addition,",
    "Separately,",
    "At the same time,",
    "Still,",
    "Moreover,",
    "By contrast,",
    "",
]
MONTH_ABBR = [
    "Jan.",
    "Feb.",
    "March",
    "April",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
]
NUMBER_WORDS = [
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "a dozen",
    "dozens",
    "hundreds",
]
HUNDREDS = ["twelve", "fifteen", "eighteen", "twenty", "twenty-two", "twenty-five", "twenty-seven", "thirty"]
ROLES = [
    "a foreign ministry spokesperson",
    "a senior official in Seoul",
    "a Ukrainian army spokesman",
    "a European diplomat",
    "a researcher at a Seoul think tank",
    "a former intelligence officer",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


# ---------------------------------------------------------------------------------------------------
# Time and figure phrases


@dataclass
class Ctx:
    """One article's random source and reference date."""

    rng: random.Random
    published: date
    facts: float = DENSITIES["news"]

    def pick(self, items: list[str]) -> str:
        return self.rng.choice(items)

    @property
    def year(self) -> int:
        return self.published.year


def time_phrase(c: Ctx) -> str:
    """A time expression in one of the forms news copy uses."""
    r = c.rng
    y = r.choice([c.year - 2, c.year - 1, c.year - 1, c.year])
    month = r.randint(1, 12)
    forms: list[Callable[[], str]] = [
        lambda: f"since {y}",
        lambda: "earlier this year",
        lambda: f"in {calendar.month_name[r.randint(1, max(1, c.published.month))]}",
        lambda: f"on {MONTH_ABBR[month - 1]} {r.randint(1, 28)}",
        lambda: f"in mid-{y}",
        lambda: f"by the end of {y}",
        lambda: f"in {calendar.month_name[month]} {y}",
        lambda: "last month",
        lambda: "late last year",
        lambda: f"in early {y}",
        lambda: f"in the first half of {y}",
        lambda: f"on {r.choice(WEEKDAYS)}",
        lambda: f"in the autumn of {y}",
        lambda: f"between October and December {y}",
        lambda: f"in {y}",
        lambda: f"since {calendar.month_name[month]} {y}",
        lambda: f"in the second quarter of {y}",
        lambda: f"as of {MONTH_ABBR[month - 1]} {r.randint(1, 28)}, {y}",
        lambda: "last week",
        lambda: f"in late {calendar.month_name[month]}",
        lambda: f"during the summer of {y}",
        lambda: (
            f"from {calendar.month_name[min(month, 11)]} to "
            f"{calendar.month_name[min(12, min(month, 11) + r.randint(1, 4))]} {y}"
        ),
    ]
    return r.choice(forms)()


def count_phrase(c: Ctx, low: int, high: int) -> str:
    """A count of people or things, with its qualifier: "over 3,000", "10,000 to 12,000", "27-hundred"."""
    r = c.rng
    n = _round(r.randint(low, high), r)
    m = _round(int(n * r.uniform(1.1, 1.6)), r)
    forms: list[Callable[[], str]] = [
        lambda: f"over {n:,}",
        lambda: f"more than {n:,}",
        lambda: f"at least {n:,}",
        lambda: f"{n:,} to {m:,}",
        lambda: f"between {n:,} and {m:,}",
        lambda: f"{n:,}-{m:,}",
        lambda: f"around {n:,}",
        lambda: f"about {n:,}",
        lambda: f"nearly {n:,}",
        lambda: f"up to {n:,}",
        lambda: f"as many as {n:,}",
        lambda: f"an estimated {n:,}",
        lambda: f"{r.choice(HUNDREDS)}-hundred",
        lambda: f"{n:,}",
        lambda: f"roughly {n // 1000 if n >= 2000 else 1} thousand" if n >= 2000 else f"roughly {n:,}",
    ]
    return r.choice(forms)()


def money_phrase(c: Ctx) -> str:
    r = c.rng
    forms: list[Callable[[], str]] = [
        lambda: f"around ${r.randint(120, 990)} million",
        lambda: f"${r.randint(1, 20)}.{r.randint(1, 9)} billion",
        lambda: f"about ${r.randint(2, 50)} billion",
        lambda: f"nearly {r.randint(100, 900)} million dollars",
        lambda: f"more than ${r.randint(10, 900)} million",
        lambda: f"up to ${r.randint(1, 9)} billion",
        lambda: f"{r.randint(2, 90)} billion won",
        lambda: f"US${r.randint(100, 700)} million",
    ]
    return r.choice(forms)()


def percent_phrase(c: Ctx) -> str:
    r = c.rng
    p = r.randint(5, 85)
    return r.choice(
        [f"nearly {p} percent", f"approximately {p}%", f"about {p} per cent", f"{p}%", f"over {p} percent"]
    )


def few_phrase(c: Ctx) -> str:
    return c.pick(NUMBER_WORDS)


def _round(n: int, r: random.Random) -> int:
    step = r.choice([1, 10, 50, 100, 500, 1000]) if n >= 1000 else r.choice([1, 5, 10])
    return max(step, (n // step) * step)


# ---------------------------------------------------------------------------------------------------
# Sentences, by topic


def _deployment(c: Ctx) -> str:
    t, s, n = time_phrase(c), c.pick(SOURCES), count_phrase(c, 1500, 15000)
    forms = [
        f"North Korea has {c.pick(VERBS_SEND)} {n} {c.pick(SOLDIERS)} to Russia {t}, according to {s}.",
        f"{_cap(s)} {c.pick(VERBS_SAY)} that {n} {c.pick(SOLDIERS)} had arrived in {c.pick(PLACES)} {t}.",
        f"{_cap(t)}, Pyongyang {c.pick(VERBS_SEND)} {n} additional {c.pick(SOLDIERS)} for training in "
        f"{c.pick(PLACES)}.",
        f"A second contingent of {n} {c.pick(SOLDIERS)} was {c.pick(VERBS_SEND)} {t}, {s} "
        f"{c.pick(VERBS_SAY)}.",
        f"The deployment, which began {t}, now numbers {n} {c.pick(SOLDIERS)} spread across "
        f"{c.pick(PLACES)}.",
        f"{_cap(s)} believes {n} {c.pick(SOLDIERS)} were rotated through {c.pick(PLACES)} {t}.",
        f"Officials say {few_phrase(c)} North Korean generals have been posted to {c.pick(PLACES)} {t}.",
    ]
    return c.pick(forms)


def _casualties(c: Ctx) -> str:
    t, s, n = time_phrase(c), c.pick(SOURCES), count_phrase(c, 300, 5000)
    forms = [
        f"Casualties among North Korean forces have been {c.pick(ADJ_SIG)}, with {n} {c.pick(LOSSES)} {t}.",
        f"{_cap(s)} {c.pick(VERBS_SAY)} that {n} North Korean {c.pick(SOLDIERS)} had been "
        f"{c.pick(LOSSES)} {t}.",
        f"By one count, {n} North Koreans were {c.pick(LOSSES)} in {c.pick(PLACES)} {t}, "
        f"{percent_phrase(c)} of the force.",
        f"Losses reached {n} {t}, {percent_phrase(c)} of the initial deployment, {s} {c.pick(VERBS_SAY)}.",
        f"{_cap(t)}, {few_phrase(c)} North Korean soldiers died in a single drone strike near "
        f"{c.pick(PLACES)}.",
        f"The toll rose to {n} {c.pick(LOSSES)} {t} as units were thrown into frontal assaults.",
    ]
    return c.pick(forms)


def _prisoners(c: Ctx) -> str:
    t, s = time_phrase(c), c.pick(SOURCES)
    forms = [
        f"Ukrainian forces captured {few_phrase(c)} North Korean soldiers in {c.pick(PLACES)} {t}.",
        f"{_cap(s)} {c.pick(VERBS_SAY)} that {few_phrase(c)} prisoners of war were being questioned {t}.",
        f"{_cap(t)}, a captured North Korean soldier told interrogators he wished to defect to South Korea.",
        f"Rights groups urged Kyiv {t} not to repatriate the {few_phrase(c)} North Korean POWs it holds.",
        f"One of the {few_phrase(c)} captured men said {t} that he had been told he was going to training.",
    ]
    return c.pick(forms)


def _money(c: Ctx) -> str:
    t, s, m = time_phrase(c), c.pick(SOURCES), money_phrase(c)
    forms = [
        f"North Korea earned {m} from arms sales to Russia {t}, {s} {c.pick(VERBS_SAY)}.",
        f"{_cap(s)} {c.pick(VERBS_SAY)} Pyongyang had accrued {m} in revenue {t}.",
        f"Trade across the Tumen River was worth {m} {t}, up {percent_phrase(c)} from a year earlier.",
        f"{_cap(t)}, Moscow paid {m} for shells and missiles, according to {s}.",
        f"Russian oil exports to the North, valued at {m}, resumed {t}.",
    ]
    return c.pick(forms)


def _weapons(c: Ctx) -> str:
    t, s, n = time_phrase(c), c.pick(SOURCES), count_phrase(c, 20, 12000)
    forms = [
        f"Pyongyang has shipped {n} {c.pick(WEAPONS)} to Russia {t}, {s} {c.pick(VERBS_SAY)}.",
        f"{_cap(s)} counted {n} {c.pick(WEAPONS)} moving by rail from {c.pick(PLACES)} {t}.",
        f"More than {r_int(c, 2, 25)} million artillery shells have crossed the border {t}, by {s}'s "
        "estimate.",
        f"{_cap(t)}, Russian forces fired {c.pick(WEAPONS)} at Kharkiv, {s} {c.pick(VERBS_SAY)}.",
        f"About {r_int(c, 100, 300)} containers of ammunition left the port of Rajin {t}.",
        f"{_cap(percent_phrase(c))} of the shells fired by Russia {t} came from North Korea.",
    ]
    return c.pick(forms)


def _sanctions(c: Ctx) -> str:
    t, s = time_phrase(c), c.pick(SOURCES)
    forms = [
        "The transfers violate U.N. Security Council Resolution "
        f"{c.pick(['1718', '1874', '2270', '2321', '2397'])}, {s} {c.pick(VERBS_SAY)}.",
        f"Washington and Seoul announced fresh sanctions on {r_int(c, 3, 40)} individuals and entities {t}.",
        f"{_cap(t)}, the European Union blacklisted North Korean officials involved in the deployment.",
        f"Russia vetoed the renewal of the U.N. panel of experts {t}, ending independent monitoring.",
        f"{_cap(s)} {c.pick(VERBS_SAY)} {t} that the arms trade breaches every sanctions resolution "
        "since 2006.",
    ]
    return c.pick(forms)


def _diplomacy(c: Ctx) -> str:
    t = time_phrase(c)
    a, b = c.rng.sample(LEADERS, 2)
    forms = [
        f"{a} and {b} met {t}, pledging to deepen what both sides call a comprehensive strategic "
        "partnership.",
        f"The mutual defense treaty signed at the June 2024 summit took effect {t}.",
        f"{a} received {b} in Pyongyang {t} for talks on military cooperation.",
        f'{_cap(t)}, {a} praised the "militant friendship" between the two countries.',
        f"Foreign Minister Choe Son Hui visited Moscow {t}, her "
        f"{c.pick(['second', 'third', 'fourth'])} trip in a year.",
        f"A delegation led by {a} arrived in {c.pick(PLACES)} {t}, {c.pick(SOURCES)} {c.pick(VERBS_SAY)}.",
    ]
    return c.pick(forms)


def _analysis(c: Ctx) -> str:
    forms = [
        "Analysts say the war gives Pyongyang combat experience it has not had since the Korean War.",
        "The cooperation lets North Korea test its weapons against Western-supplied systems.",
        f"{_cap(c.pick(SOURCES))} warned that Russia may transfer space and missile technology in return.",
        "Officials in Seoul fear the experience will make the North's army more dangerous on the peninsula.",
        "North Korean units are reported to operate as light infantry under Russian command, using "
        "forged identities.",
        "Defectors say families of deployed soldiers were told nothing about where their sons were sent.",
        "Military experts note that the troops struggled at first with drones and open terrain.",
        f"{c.pick(LEADERS)} has not publicly acknowledged the scale of the losses.",
        "The Kremlin has declined to comment on the details of the arrangement.",
        "South Korea is weighing whether to send monitoring teams to Ukraine to question prisoners.",
        f"Some {c.pick(['observers', 'diplomats', 'researchers', 'officials'])} describe the "
        "relationship as the closest since the Cold War.",
        "Satellite images show new rail sidings and warehouses near the border crossing.",
    ]
    return c.pick(forms)


def _background(c: Ctx) -> str:
    """Context, quotes and attribution with no date or figure: most of a real news story."""
    who, where, leader = c.pick(SOURCES), c.pick(PLACES), c.pick(LEADERS)
    forms = [
        f"{_cap(who)} did not say how the information had been obtained.",
        f"The claim could not be independently verified, and {who} declined to give details.",
        f'"This is a turning point for security in the region," {c.pick(ROLES)} told reporters.',
        f"{leader} has repeatedly denied that North Korean soldiers are fighting in {where}.",
        f"Residents near {where} described convoys moving at night with their headlights off.",
        f"The North's state media made no mention of the deployment or of any losses in {where}.",
        "Diplomats at the United Nations said the issue would be raised when the council meets again.",
        f"According to {who}, the soldiers were issued Russian uniforms and identity papers.",
        f"Neither Moscow nor Pyongyang responded to requests for comment on the reports from {where}.",
        f'"We are watching the situation very closely," {c.pick(ROLES)} said in a statement.',
        f"{_cap(who)} has described the cooperation as a threat to the whole of Europe and Asia.",
        f"The report from {who} could not be confirmed by other governments.",
        "Critics in Seoul want the government to respond more firmly to the arms transfers.",
        f"It is not clear whether {leader} approved the plan in advance or learned of it later.",
        f"The men were reportedly told they were going to {where} for construction work.",
        f"Videos posted online appeared to show troops speaking Korean near {where}.",
        f"{_cap(c.pick(ROLES))} said the allies were coordinating their response closely.",
        f"Supply lines running through {where} have become a target for long-range drones.",
        "Officials in Tokyo and Washington voiced concern over the transfer of military technology.",
        f"The language barrier has made coordination with Russian officers difficult, {who} said.",
        f"Some families of the soldiers have reportedly been moved to guarded housing in {where}.",
        f"{leader} is expected to address the issue at a party meeting, state media suggested.",
    ]
    return c.pick(forms)


TOPICS: list[Callable[[Ctx], str]] = [
    _deployment,
    _casualties,
    _prisoners,
    _money,
    _weapons,
    _sanctions,
    _diplomacy,
]


def r_int(c: Ctx, low: int, high: int) -> int:
    return c.rng.randint(low, high)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _sentence(c: Ctx) -> str:
    roll = c.rng.random()
    if roll < 1 - c.facts:
        # The first fifth keeps the analysis lines of the dense corpus (same draws, same articles).
        return _analysis(c) if roll < 0.2 else _background(c)
    text = c.pick(TOPICS)(c)
    connect = c.pick(CONNECT)
    if connect and c.rng.random() < 0.25:
        first, _, rest = text.partition(" ")
        text = f"{connect} {first.lower() if first in _LOWERABLE else first} {rest}"
    return text


# Sentence openers that are ordinary words (not names), so a connective may lower-case them.
_LOWERABLE = frozenset(
    [
        "The",
        "A",
        "By",
        "One",
        "Some",
        "About",
        "More",
        "Losses",
        "Casualties",
        "Officials",
        "Trade",
        "Rights",
        "Analysts",
        "Defectors",
        "Military",
        "Satellite",
        "Last",
        "In",
        "Late",
        "Earlier",
        "On",
        "Since",
        "Between",
        "From",
        "During",
        "As",
        "Roughly",
        "Nearly",
        "Approximately",
        "Over",
        "Up",
        "Around",
        "Pyongyang's",
    ]
)


TITLES = [
    "North Korean Troop Losses in {place} Mount",
    "{leader} Deepens Military Ties as Shipments to Russia Grow",
    "Seoul Says Pyongyang Sent More Soldiers to {place}",
    "Captured North Korean Soldiers Seek Refuge in the South",
    "Arms Trade With Moscow Earns Pyongyang Hard Currency",
    "Ukraine Reports New North Korean Units Near {place}",
    "Sanctions Monitors Track Shells Flowing From {place}",
    "What {leader}'s Latest Visit Means for the Alliance",
    "Intelligence Update: North Korea's Role in the War",
    "Inside the Rail Link Carrying Missiles From {place}",
]


# ---------------------------------------------------------------------------------------------------
# Articles


def _body(c: Ctx, target: int, used: int) -> list[str]:
    """Paragraphs of 2–5 sentences until the article reaches ``target`` bytes."""
    paragraphs: list[str] = []
    size = used
    while size < target:
        sentences = [_sentence(c) for _ in range(c.rng.randint(2, 5))]
        paragraph = " ".join(sentences)
        if size + len(paragraph.encode()) + 2 > MAX_BYTES - 40:
            # Trim to whole sentences that fit.
            while sentences and size + len(" ".join(sentences).encode()) + 2 > MAX_BYTES - 40:
                sentences.pop()
            if sentences:
                paragraphs.append(" ".join(sentences))
            break
        paragraphs.append(paragraph)
        size += len(paragraph.encode()) + 2
    return paragraphs


def _published(rng: random.Random) -> date:
    start = date(2024, 7, 1)
    return start + timedelta(days=rng.randint(0, 480))


def article(seed: int, index: int, density: str = "news") -> tuple[str, str]:
    """Article ``index`` of the corpus ``seed`` at ``density``: (file name, text). Deterministic."""
    rng = random.Random(f"{seed}:{index}")
    c = Ctx(rng, _published(rng), DENSITIES[density])
    layout = rng.choices(["seed", "markdown", "dateline"], weights=[4, 3, 3])[0]
    outlet, domain, city = rng.choice(OUTLETS)
    title = rng.choice(TITLES).format(
        place=rng.choice(PLACES).removeprefix("the ").title(), leader=rng.choice(LEADERS)
    )
    target = rng.randint(MIN_BYTES + 200, MAX_BYTES - 300)
    pub = c.published
    if layout == "seed":
        summary = " ".join(_sentence(c) for _ in range(3))
        ident = uuid.UUID(int=rng.getrandbits(128), version=4)
        head = f"{title}\n\n{rng.randint(0, 9)}\n{ident}\n\n{summary}\n\n"
        tail = (
            f"\n\nOriginal Source: {domain}\n\nLeave a Reply\n\n"
            "Your email address will not be published. Required fields are marked *\n"
        )
        paragraphs = _body(c, target, len(head.encode()) + len(tail.encode()))
        text = head + "\n\n".join(paragraphs) + tail
        suffix = "txt"
    elif layout == "markdown":
        slug = "-".join(title.lower().replace("'", "").split())[:60]
        head = (
            f'---\ntitle: "{title}"\ndate: {pub.isoformat()}\nsource: {outlet}\n'
            f"url: https://{domain}/{pub.year}/{pub.month:02d}/{slug}\n---\n\n# {title}\n\n"
        )
        paragraphs = _body(c, target, len(head.encode()))
        if rng.random() < 0.4:
            paragraphs.insert(
                rng.randint(1, len(paragraphs)),
                f"## {rng.choice(['Background', 'The numbers', 'Reaction', 'What comes next'])}",
            )
        text = head + "\n\n".join(paragraphs) + "\n"
        suffix = "md"
    else:
        month = calendar.month_name[pub.month] if rng.random() < 0.5 else MONTH_ABBR[pub.month - 1]
        line = f"{city}, {month} {pub.day} ({outlet}) -- "
        head = f"{title}\n\n{line}"
        paragraphs = _body(c, target, len(head.encode()))
        text = head + "\n\n".join(paragraphs) + "\n"
        suffix = "txt"
    return f"{index:06d}_{layout}.{suffix}", text


def path_for(out: Path, index: int, name: str) -> Path:
    return out / f"{index // PER_FOLDER:03d}" / name


def folders(out: Path, count: int) -> list[Path]:
    """The folders holding the first ``count`` articles (``count`` a multiple of 1,000, or the last "
    "partial)."""
    return [out / f"{n:03d}" for n in range((count + PER_FOLDER - 1) // PER_FOLDER)]


def generate(out: Path, count: int, seed: int, *, start: int = 0, density: str = "news") -> Iterator[Path]:
    """Write articles ``start..count-1`` (skipping those already on disk); yield each path written."""
    for index in range(start, count):
        name, text = article(seed, index, density)
        path = path_for(out, index, name)
        if path.exists():
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".part")
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, path)  # an interrupted run never leaves a truncated article
        yield path


def ensure(out: Path, count: int, seed: int, density: str = "news") -> Path:
    """Make sure ``out`` holds the first ``count`` articles of corpus ``seed``; return ``out``."""
    marker = out / ".corpus"
    previous = 0
    if marker.exists():
        fields = marker.read_text().split()
        saved_seed, previous = int(fields[0]), int(fields[1])
        saved_density = fields[2] if len(fields) > 2 else "dense"  # markers before densities
        if (saved_seed, saved_density) != (seed, density):
            raise SystemExit(
                f"{out} holds corpus seed {saved_seed} ({saved_density}), not {seed} ({density})"
            )
        if previous >= count:
            return out
    out.mkdir(parents=True, exist_ok=True)
    for _ in generate(out, count, seed, density=density):
        pass
    marker.write_text(f"{seed} {max(count, previous)} {density}\n")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, required=True, help="number of articles")
    parser.add_argument("--out", type=Path, required=True, help="output folder (created)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    parser.add_argument(
        "--density",
        choices=sorted(DENSITIES),
        default="news",
        help="dated facts per sentence: news (as real news, default) or dense (stress test)",
    )
    args = parser.parse_args(argv)
    ensure(args.out, args.count, args.seed, args.density)
    print(f"{args.count} articles in {args.out} (seed {args.seed}, {args.density})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
