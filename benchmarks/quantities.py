"""Score the figure engine on peers' test suites and on the annotated news cases.

    .venv/bin/python benchmarks/quantities.py            # scores per suite
    .venv/bin/python benchmarks/quantities.py --misses   # plus every miss and false alarm
    .venv/bin/python benchmarks/quantities.py --speed    # plus MB/s of find_quantities

Data: ``../shared/dev/quantities`` (Recognizers-Text and quantulum3 suites) and
``../shared/dev/news/cases.jsonl`` (override with --quantities DIR / --news FILE).

How each suite is read (our figures exclude dates, years and identifiers by design):
- A figure is correct when its low and high equal the gold ones (relative tolerance 1e-6) and its
  span overlaps the gold span. Precision counts every prediction of the suite's kind that matches no
  gold and overlaps no ignored span; recall counts gold items matched.
- Recognizers NumberModel: every prediction counts; a prediction may match by its low or its high
  (a range holds two numbers). Gold items of subtype fraction or power are ignored spans (fractions
  are no figures in our conventions; powers are scientific notation). Cases whose input is a date,
  IP address, phone number or identifier list (``nr.``/``SCP-173``) are out of scope.
- Recognizers NumberRange: every prediction counts; "(20,35]" is low 20 high 35, open ends None.
- Recognizers NumberModel leaves numbers with a unit ("the 180ml liquid") to its NumberWithUnit
  models: our measure figures written that way are not scored there.
- Recognizers Percent: only predictions with ``percent`` count.
- Recognizers Currency: only predictions with a currency count; gold in cents/pence is divided by
  100 (we store major units); gold with no amount ("dollar") is an ignored span.
- Percent and Currency resolve an amount, not bounds ("more than $ 247 million" is 247000000): a
  prediction matches by its low or its high.
- Cases marked NotSupported for "dotnet" are excluded everywhere (no reference passes them).
- quantulum3 suites are informational: a prediction matches when the gold value is its low, high or
  midpoint (quantulum reports a range by its mean).
- News: gold ``figures``; ``ignore`` spans neither rewarded nor penalized. Counted-noun (unit) and
  topic accuracy are over correct figures. A unit is right when equal to the gold unit or when the
  head words agree (last word, plural "s" dropped). Figures come from ``dprk_tracker.extract`` when
  it runs, else from ``find_quantities`` with the topic from the lexicon.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dprk_tracker.figures import find_quantities  # noqa: E402
from dprk_tracker.model import Quantity  # noqa: E402
from dprk_tracker.text import sentence_spans  # noqa: E402
from dprk_tracker.topics import default_lexicon  # noqa: E402

DEFAULT_QUANTITIES = ROOT.parent / "shared" / "dev" / "quantities"
DEFAULT_NEWS = ROOT.parent / "shared" / "dev" / "news" / "cases.jsonl"


@dataclass
class Item:
    start: int
    end: int
    low: float | None
    high: float | None
    unit: str | None = None
    topic: str | None = None
    text: str = ""


@dataclass
class Score:
    name: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    unit_ok: int = 0
    topic_ok: int = 0
    topic_n: int = 0
    cases: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _overlap(a: Item, b: Item) -> bool:
    return a.start < b.end and b.start < a.end


def _values_match(pred: Item, gold: Item, mode: str) -> bool:
    if mode == "number":
        values = [v for v in (pred.low, pred.high) if v is not None]
        return any(_close(v, gold.low) for v in values)
    if mode == "quantulum":
        values = [v for v in (pred.low, pred.high) if v is not None]
        if pred.low is not None and pred.high is not None:
            values.append((pred.low + pred.high) / 2)
        return any(_close(v, gold.low) for v in values)
    return _close(pred.low, gold.low) and _close(pred.high, gold.high)


def score_case(
    score: Score,
    label: str,
    text: str,
    gold: list[Item],
    ignore: list[Item],
    preds: list[Item],
    mode: str = "exact",
) -> None:
    score.cases += 1
    used: set[int] = set()
    for g in gold:
        match = None
        for k, p in enumerate(preds):
            if k not in used and _overlap(p, g) and _values_match(p, g, mode):
                match = k
                break
        if match is None:
            score.fn += 1
            got = [f"{p.text!r}({_fmt(p.low)},{_fmt(p.high)})" for p in preds if _overlap(p, g)]
            score.misses.append(
                f"  MISS {label}: {g.text!r} want ({_fmt(g.low)},{_fmt(g.high)})"
                f" got {', '.join(got) or 'nothing'}"
            )
            continue
        used.add(match)
        p = preds[match]
        score.tp += 1
        if g.unit is not None and _unit_ok(p.unit, g.unit):
            score.unit_ok += 1
        elif g.unit is not None:
            score.misses.append(f"  UNIT {label}: {g.text!r} want {g.unit!r} got {p.unit!r}")
        if g.topic is not None:
            score.topic_n += 1
            if p.topic == g.topic:
                score.topic_ok += 1
            else:
                score.misses.append(f"  TOPIC {label}: {g.text!r} want {g.topic} got {p.topic}")
    for k, p in enumerate(preds):
        if k in used or any(_overlap(p, x) for x in ignore):
            continue
        score.fp += 1
        score.misses.append(f"  FALSE {label}: {p.text!r} ({_fmt(p.low)},{_fmt(p.high)}) unit={p.unit!r}")


def _fmt(v: float | None) -> str:
    if v is None:
        return "None"
    return str(int(v)) if float(v).is_integer() else f"{v:g}"


def _head(unit: str) -> str:
    words = re.findall(r"[a-z]+", unit.lower())
    if not words:
        return unit.lower()
    w = words[-1]
    return w[:-1] if w.endswith("s") and not w.endswith("ss") else w


def _unit_ok(pred: str | None, gold: str) -> bool:
    if pred is None:
        return False
    if pred.lower() == gold.lower():
        return True
    p_words = {w.rstrip("s") for w in re.findall(r"[a-z]+", pred.lower())}
    g_words = {w.rstrip("s") for w in re.findall(r"[a-z]+", gold.lower())}
    return _head(gold).rstrip("s") in p_words or _head(pred).rstrip("s") in g_words


def _items(
    quantities: Iterable[Quantity], text: str, keep: Callable[[Quantity], bool] = lambda q: True
) -> list[Item]:
    return [Item(q.start, q.end, q.low, q.high, q.unit, None, q.text) for q in quantities if keep(q)]


# ------------------------------------------------------------------------------------------------
# Recognizers-Text

_OUT_OF_SCOPE = re.compile(r"\d+\.\d+\.\d+|\d+/\d+/\d+|\+\d[\d/-]+|\b[A-Z]{2,}-\d+|\bnrs?\.", re.IGNORECASE)


_MEASURE = re.compile(r"\d\s?(?:ml|km|kg|cm|mm)$", re.IGNORECASE)


def _dotnet_unsupported(case: dict[str, Any]) -> bool:
    flags = f"{case.get('NotSupported', '')},{case.get('NotSupportedByDesign', '')}".lower()
    return "dotnet" in flags


def _gold_span(case: dict[str, Any], result: dict[str, Any]) -> tuple[int, int]:
    text = case["Input"]
    if "Start" in result and "End" in result:
        return int(result["Start"]), int(result["End"]) + 1
    found = text.lower().find(str(result.get("Text", "")).lower())
    if found < 0:
        return 0, len(text)
    return found, found + len(result["Text"])


def _interval(value: str) -> tuple[float | None, float | None]:
    inner = value.strip()[1:-1]
    left, right = inner.split(",")
    return (float(left) if left.strip() else None, float(right) if right.strip() else None)


def recognizers(path: Path, kind: str, show: bool) -> Score:
    score = Score(f"Recognizers {kind}")
    cases = json.loads(path.read_text("utf-8"))
    for n, case in enumerate(cases):
        if _dotnet_unsupported(case):
            continue
        text = case["Input"]
        if kind == "Number" and _OUT_OF_SCOPE.search(text):
            continue
        gold: list[Item] = []
        ignore: list[Item] = []
        for r in case.get("Results", []):
            start, end = _gold_span(case, r)
            res = r.get("Resolution") or {}
            value = res.get("value")
            if kind == "Number":
                if res.get("subtype") in ("fraction", "power") or value is None:
                    ignore.append(Item(start, end, None, None))
                    continue
                v = float(value)
                gold.append(Item(start, end, v, v, text=r.get("Text", "")))
            elif kind == "NumberRange":
                low, high = _interval(value)
                gold.append(Item(start, end, low, high, text=r.get("Text", "")))
            elif kind == "Percent":
                v = float(str(value).rstrip("%"))
                gold.append(Item(start, end, v, v, text=r.get("Text", "")))
            else:
                if value is None:
                    ignore.append(Item(start, end, None, None))
                    continue
                v = float(value)
                if str(res.get("unit", "")).lower() in ("cent", "pence", "penny"):
                    v /= 100
                gold.append(Item(start, end, v, v, text=r.get("Text", "")))
        quantities = find_quantities(text)
        # NumberModel leaves numbers with a unit to the NumberWithUnit models ("the 180ml liquid").
        keep: Callable[[Quantity], bool] = lambda q: not _MEASURE.search(q.text)  # noqa: E731
        if kind == "Percent":
            keep = lambda q: q.percent  # noqa: E731
        elif kind == "Currency":
            keep = lambda q: q.currency is not None  # noqa: E731
        preds = _items(quantities, text, keep)
        score_case(
            score,
            f"#{n} {text[:70]!r}",
            text,
            gold,
            ignore,
            preds,
            mode="exact" if kind == "NumberRange" else "number",
        )
    return score


# ------------------------------------------------------------------------------------------------
# quantulum3 (informational)


def quantulum(folder: Path) -> Score:
    score = Score("quantulum3 quantities (info)")
    for name in ("quantulum3_quantities.json", "quantulum3_quantities.ambiguity.json"):
        path = folder / name
        if not path.exists():
            continue
        for n, case in enumerate(json.loads(path.read_text("utf-8"))):
            text = case["req"]
            gold = []
            for r in case["res"]:
                surface = r.get("surface", "")
                start = text.find(surface)
                start = 0 if start < 0 else start
                value = float(r["value"])
                gold.append(Item(start, start + len(surface), value, value, text=surface))
            preds = _items(find_quantities(text), text)
            score_case(score, f"{name[:22]}#{n} {text[:60]!r}", text, gold, [], preds, mode="quantulum")
    return score


def spellout(folder: Path) -> Score:
    score = Score("quantulum3 spellout (info)")
    path = folder / "quantulum3_spellout_values.json"
    if not path.exists():
        return score
    for n, case in enumerate(json.loads(path.read_text("utf-8"))):
        text = case["req"]
        gold = [Item(0, len(text), float(v), float(v), text=text) for v in case["res"]]
        preds = _items(find_quantities(text), text)
        score_case(score, f"spellout#{n} {text!r}", text, gold, [], preds, mode="quantulum")
    return score


# ------------------------------------------------------------------------------------------------
# News


def _news_predictions(text: str, published: str | None) -> tuple[list[Item], str]:
    try:
        from dprk_tracker.extract import extract
    except Exception:  # the pipeline may not import yet while the team works
        extract = None
    if extract is not None:
        try:
            result = extract(text, published)
            figures = result.figures
            return [Item(f.start, f.end, f.low, f.high, f.unit, f.topic, f.text) for f in figures], "extract"
        except Exception:
            pass
    lexicon = default_lexicon()
    spans = sentence_spans(text)
    items = []
    for q in find_quantities(text):
        sentence = next((text[s:e] for s, e in spans if s <= q.start < e), text)
        counted = None
        if q.unit_start is not None and q.unit_end is not None:
            counted = text[q.unit_start : q.unit_end]
        if q.currency:
            topic = lexicon.classify("$")
        elif q.percent:
            topic = lexicon.classify(sentence, counted)
        else:
            topic = lexicon.classify(counted or q.unit, sentence)
        items.append(Item(q.start, q.end, q.low, q.high, q.unit, topic, q.text))
    return items, "find_quantities"


def news(path: Path) -> tuple[Score, str]:
    score = Score("News cases")
    source = "find_quantities"
    for line in path.read_text("utf-8").splitlines():
        if not line.strip():
            continue
        case = json.loads(line)
        text = case["text"]
        gold = [
            Item(
                g["start"],
                g["start"] + len(g["text"]),
                _num(g["low"]),
                _num(g["high"]),
                g.get("unit"),
                g.get("topic"),
                g["text"],
            )
            for g in case.get("figures", [])
        ]
        ignore = [
            Item(g["start"], g["start"] + len(g["text"]), None, None, text=g["text"])
            for g in case.get("ignore", [])
        ]
        preds, source = _news_predictions(text, case.get("published"))
        score_case(score, case["id"], text, gold, ignore, preds)
    return score, source


def _num(v: Any) -> float | None:
    return None if v is None else float(v)


# ------------------------------------------------------------------------------------------------


def _timebank_text(limit: int = 1_000_000) -> str:
    folder = DEFAULT_NEWS.parent.parent / "timebank"
    parts: list[str] = []
    size = 0
    for path in sorted(folder.glob("*/*.tml")):
        body = re.sub(r"<[^>]+>", "", path.read_text("utf-8", errors="replace"))
        parts.append(body)
        size += len(body)
        if size > limit:
            break
    return "\n\n".join(parts)


def speed(news_path: Path, seconds: float = 3.0) -> list[tuple[str, float, float]]:
    """MB/s of CPU time (one core) over news-case text and TimeBank text, each repeated to ~1 MB:
    (corpus, all passes together, fastest pass). On a shared machine the fastest pass is the
    figure least disturbed by other processes."""
    texts = [json.loads(line)["text"] for line in news_path.read_text("utf-8").splitlines() if line.strip()]
    texts += [p.read_text("utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    corpora = [("news cases + seed (figure-dense)", "\n\n".join(texts))]
    timebank = _timebank_text()
    if timebank:
        corpora.append(("TimeBank/AQUAINT articles", timebank))
    results = []
    find_quantities("warm up 3,000 troops")  # compile the patterns first
    # A fixed pure-Python loop shows how fast this core is right now (shared machines vary a lot).
    reference = []
    for _ in range(3):
        started = time.process_time()
        sum(range(10**7))
        reference.append(time.process_time() - started)
    best = min(reference)
    results.append(("reference loop sum(range(10**7)), seconds (idle modern core: ~0.13)", best, best))
    for name, blob in corpora:
        blob = (blob + "\n\n") * max(1, 1_000_000 // max(1, len(blob)))
        size = len(blob.encode("utf-8"))
        passes: list[float] = []
        started = time.process_time()
        while time.process_time() - started < seconds:
            began = time.process_time()
            find_quantities(blob)
            passes.append(time.process_time() - began)
        results.append((name, size * len(passes) / sum(passes) / 1e6, size / min(passes) / 1e6))
    return results


def _row(s: Score) -> str:
    extra = ""
    if s.topic_n:
        extra = (
            f"  unit {s.unit_ok}/{s.tp} = {s.unit_ok / max(1, s.tp):.3f}"
            f"  topic {s.topic_ok}/{s.topic_n} = "
            f"{s.topic_ok / s.topic_n:.3f}"
        )
    return (
        f"{s.name:34s} cases {s.cases:4d}  P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}"
        f"  (tp {s.tp} fp {s.fp} fn {s.fn}){extra}"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quantities", type=Path, default=DEFAULT_QUANTITIES)
    ap.add_argument("--news", type=Path, default=DEFAULT_NEWS)
    ap.add_argument("--misses", action="store_true", help="list misses, false alarms, unit and topic errors")
    ap.add_argument("--speed", action="store_true", help="measure MB/s of find_quantities")
    args = ap.parse_args(argv)

    scores: list[Score] = []
    source = "-"
    if args.news.exists():
        news_score, source = news(args.news)
        scores.append(news_score)
    q = args.quantities
    for kind, name in (
        ("Number", "recognizers_en_NumberModel.json"),
        ("NumberRange", "recognizers_en_NumberRangeModel.json"),
        ("Percent", "recognizers_en_PercentModel.json"),
        ("Currency", "recognizers_en_CurrencyModel.json"),
    ):
        if (q / name).exists():
            scores.append(recognizers(q / name, kind, args.misses))
    if q.exists():
        scores.append(quantulum(q))
        scores.append(spellout(q))
    print(f"news figures from: {source}")
    for s in scores:
        print(_row(s))
    if args.speed:
        for name, rate, best in speed(args.news):
            if name.startswith("reference"):
                print(f"speed: {name}: {rate:.3f}")
            else:
                print(
                    f"speed: {rate:.2f} MB/s of CPU time on {name} (find_quantities, one core;"
                    f" fastest pass {best:.2f} MB/s)"
                )
    if args.misses:
        for s in scores:
            if s.misses:
                print(f"\n== {s.name}")
                print("\n".join(s.misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
