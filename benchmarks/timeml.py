"""Score time-expression extraction the TempEval-3 way on TimeBank/AQUAINT and the news dev cases.

Usage (from the repository root):
    .venv/bin/python benchmarks/timeml.py [--data DIR] [--misses [FILE]] [--json] [--speed]

Strict span F1 (same offsets), relaxed span F1 (overlap, one-to-one), and value/type F1 over relaxed
matches with P = correct / system and R = correct / gold, overall and by TIMEX3 type. The news cases
score gold DATE expressions; spans listed under ``ignore`` are neither rewarded nor penalized and
``alt`` values also count. Decade/century values are compared modulo their X padding (``199X`` == ``199``).
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dprk_tracker.model import Reference, TimeExpr  # noqa: E402
from dprk_tracker.times import find_times  # noqa: E402

DEFAULT_DATA = ROOT / ".." / "shared" / "dev"
TYPES = ("DATE", "TIME", "DURATION", "SET")


@dataclass
class Gold:
    start: int
    end: int
    type: str
    values: tuple[str, ...]
    text: str


@dataclass
class Document:
    name: str
    text: str
    reference: str | None
    gold: list[Gold]
    ignore: list[tuple[int, int]] = field(default_factory=list)


# --- Loading --------------------------------------------------------------------------------------


def load_timebank(folder: Path) -> list[Document]:
    documents = []
    for path in sorted(folder.glob("*/*.tml")):
        root = ET.parse(path).getroot()
        dct = root.find("DCT/TIMEX3").get("value")  # type: ignore[union-attr]
        parts: list[str] = []
        gold: list[Gold] = []
        _walk(root.find("TEXT"), parts, gold)  # type: ignore[arg-type]
        documents.append(Document(path.name, "".join(parts), dct, gold))
    return documents


def _walk(element: ET.Element, parts: list[str], gold: list[Gold]) -> None:
    """Collect TEXT's plain text and its TIMEX3 offsets (offsets count only text inside TEXT)."""
    if element.text:
        parts.append(element.text)
    for child in element:
        start = sum(map(len, parts))
        _walk(child, parts, gold)
        end = sum(map(len, parts))
        if child.tag == "TIMEX3":
            value = child.get("value", "")
            gold.append(Gold(start, end, child.get("type", ""), (value,), "".join(child.itertext())))
        if child.tail:
            parts.append(child.tail)


def load_news(path: Path) -> list[Document]:
    documents = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        case = json.loads(line)
        gold = [
            Gold(t["start"], t["start"] + len(t["text"]), "DATE", (t["value"], *t.get("alt", [])), t["text"])
            for t in case["times"]
        ]
        ignore = [(item["start"], item["start"] + len(item["text"])) for item in case["ignore"]]
        documents.append(Document(case["id"], case["text"], case["published"], gold, ignore))
    return documents


# --- Extraction -----------------------------------------------------------------------------------


def reference_of(dct: str | None) -> Reference | None:
    """The DCT as a Reference at its own precision (datetimes reduce to the date)."""
    if not dct:
        return None
    match = re.match(r"(\d{4})(?:-?(\d\d)(?:-?(\d\d))?)?", dct)
    if not match:
        return None
    value = "-".join(part for part in match.groups() if part)
    precision = {1: "year", 2: "month", 3: "day"}[sum(1 for part in match.groups() if part)]
    return Reference(value, precision, "document")


def extractor(use_extract: bool) -> tuple[Callable[[str, str | None], list[TimeExpr]], str]:
    """``dprk_tracker.extract.extract`` when the lead's module exists, else ``find_times``."""
    if use_extract:
        try:
            from dprk_tracker.extract import extract  # type: ignore[import-not-found]

            def run(text: str, dct: str | None) -> list[TimeExpr]:
                reference = reference_of(dct)
                return list(extract(text, reference.value if reference else None).times)

            run("", "2000-01-01")
            return run, "dprk_tracker.extract.extract"
        except Exception:  # the lead's module is missing or not ready: measure the engine itself
            pass
    return (lambda text, dct: find_times(text, reference_of(dct))), "dprk_tracker.times.find_times"


# --- Scoring --------------------------------------------------------------------------------------


def canonical(value: str) -> str:
    """A value as compared: decades modulo X padding, week numbers modulo zero padding."""
    value = value.strip()
    if re.fullmatch(r"\d{3}X", value):
        return value[:3]
    if re.fullmatch(r"\d\dXX", value):
        return value[:2]
    return re.sub(r"-W(\d)(?!\d)", r"-W0\1", value)  # "2000-W8" is "2000-W08"


def same_value(system: str, gold: Iterable[str]) -> bool:
    return any(canonical(system) == canonical(value) for value in gold)


@dataclass
class Tally:
    """Counts for one type (or ALL): system-side counts by the system's type, gold-side by gold's."""

    system: int = 0
    gold: int = 0
    strict_system: int = 0
    strict_gold: int = 0
    relaxed_system: int = 0
    relaxed_gold: int = 0
    value_system: int = 0
    value_gold: int = 0
    type_system: int = 0
    type_gold: int = 0

    def f1(self, correct_system: int, correct_gold: int) -> tuple[float, float, float]:
        precision = correct_system / self.system if self.system else 0.0
        recall = correct_gold / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


def _match(document: Document, system: list[TimeExpr]) -> dict[int, TimeExpr]:
    """One-to-one relaxed matching (overlap); an exact-span candidate wins over other overlaps."""
    used: set[int] = set()
    matched: dict[int, TimeExpr] = {}
    for gold_index, gold in enumerate(document.gold):
        best = None
        for index, item in enumerate(system):
            if index in used or item.end <= gold.start or item.start >= gold.end:
                continue
            if best is None or (item.start, item.end) == (gold.start, gold.end):
                best = index
        if best is not None:
            used.add(best)
            matched[gold_index] = system[best]
    return matched


def score(
    documents: list[Document], run: Callable[[str, str | None], list[TimeExpr]]
) -> tuple[dict[str, Tally], list[dict[str, object]]]:
    tallies: dict[str, Tally] = defaultdict(Tally)
    misses: list[dict[str, object]] = []
    for document in documents:
        system = [t for t in run(document.text, document.reference) if not _ignored(t, document)]
        matched_gold = _match(document, system)
        for item in system:
            for key in {"ALL", item.type}:
                tallies[key].system += 1
        for gold_index, gold in enumerate(document.gold):
            for key in {"ALL", gold.type}:
                tallies[key].gold += 1
            item = matched_gold.get(gold_index)
            if item is None:
                misses.append(
                    {
                        "doc": document.name,
                        "kind": "missed",
                        "gold": gold.text,
                        "type": gold.type,
                        "value": gold.values[0],
                        "reference": document.reference,
                        "context": _context(document.text, gold.start, gold.end),
                    }
                )
                continue
            strict = (item.start, item.end) == (gold.start, gold.end)
            value_ok = same_value(item.value, gold.values)
            type_ok = item.type == gold.type
            for key in {"ALL", gold.type}:
                tally = tallies[key]
                tally.relaxed_gold += 1
                tally.strict_gold += strict
                tally.value_gold += value_ok
                tally.type_gold += type_ok
            for key in {"ALL", item.type}:
                tally = tallies[key]
                tally.relaxed_system += 1
                tally.strict_system += strict
                tally.value_system += value_ok
                tally.type_system += type_ok
            if not (value_ok and type_ok and strict):
                misses.append(
                    {
                        "doc": document.name,
                        "kind": "wrong",
                        "gold": gold.text,
                        "system": item.text,
                        "type": gold.type,
                        "system_type": item.type,
                        "value": gold.values[0],
                        "system_value": item.value,
                        "reference": document.reference,
                        "context": _context(document.text, gold.start, gold.end),
                    }
                )
        matched_items = set(map(id, matched_gold.values()))
        for item in system:
            if id(item) not in matched_items:
                misses.append(
                    {
                        "doc": document.name,
                        "kind": "spurious",
                        "system": item.text,
                        "type": item.type,
                        "system_value": item.value,
                        "reference": document.reference,
                        "context": _context(document.text, item.start, item.end),
                    }
                )
    return tallies, misses


def _ignored(item: TimeExpr, document: Document) -> bool:
    if not document.ignore:
        return False
    overlaps_gold = any(item.start < g.end and g.start < item.end for g in document.gold)
    return not overlaps_gold and any(item.start < end and start < item.end for start, end in document.ignore)


def _context(text: str, start: int, end: int) -> str:
    snippet = text[max(0, start - 40) : start] + "[" + text[start:end] + "]" + text[end : end + 30]
    return snippet.replace("\n", " ")


def summary(tallies: dict[str, Tally]) -> dict[str, dict[str, float | int]]:
    result: dict[str, dict[str, float | int]] = {}
    for key in ("ALL", *TYPES):
        tally = tallies.get(key)
        if tally is None:
            continue
        relaxed = tally.f1(tally.relaxed_system, tally.relaxed_gold)
        result[key] = {
            "gold": tally.gold,
            "system": tally.system,
            "strict_f1": round(tally.f1(tally.strict_system, tally.strict_gold)[2], 3),
            "relaxed_p": round(relaxed[0], 3),
            "relaxed_r": round(relaxed[1], 3),
            "relaxed_f1": round(relaxed[2], 3),
            "value_f1": round(tally.f1(tally.value_system, tally.value_gold)[2], 3),
            "type_f1": round(tally.f1(tally.type_system, tally.type_gold)[2], 3),
        }
    return result


def print_table(name: str, table: dict[str, dict[str, float | int]]) -> None:
    print(f"\n{name}")
    print(
        f"{'type':<9}{'gold':>6}{'sys':>6}{'strict':>8}{'rel P':>7}{'rel R':>7}{'rel F1':>8}"
        f"{'value':>7}{'type':>7}"
    )
    for key, row in table.items():
        print(
            f"{key:<9}{row['gold']:>6}{row['system']:>6}{row['strict_f1']:>8.3f}{row['relaxed_p']:>7.3f}"
            f"{row['relaxed_r']:>7.3f}{row['relaxed_f1']:>8.3f}{row['value_f1']:>7.3f}{row['type_f1']:>7.3f}"
        )


def speed(documents: list[Document], seconds: float = 6.0) -> dict[str, float]:
    """MB/s of find_times (recognition + normalization) over the TimeBank texts, repeated for ``seconds``.

    CPU time of this process; ``best`` is the fastest full pass (least disturbed by other processes on a
    shared machine), ``mean`` the average over all passes. A fixed pure-Python loop and the load average
    tell how fast the core was at the time (shared machines vary a lot), so runs can be compared.
    """
    reference_loop = []
    for _ in range(3):
        started = time.process_time()
        sum(range(10**7))
        reference_loop.append(time.process_time() - started)
    texts = [(d.text, reference_of(d.reference)) for d in documents]
    size = sum(len(text.encode("utf-8")) for text, _ in texts)
    passes: list[float] = []
    began = time.perf_counter()
    while time.perf_counter() - began < seconds or len(passes) < 3:
        start = time.process_time()
        for text, reference in texts:
            find_times(text, reference)
        passes.append(time.process_time() - start)
    return {
        "best_mb_per_s": round(size / min(passes) / 1e6, 2),
        "mean_mb_per_s": round(size * len(passes) / sum(passes) / 1e6, 2),
        "megabytes": round(size / 1e6, 3),
        "passes": len(passes),
        "reference_loop_s": round(min(reference_loop), 3),
        "load_average": round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else -1.0,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with timebank/ and news/")
    parser.add_argument("--misses", nargs="?", const="-", help="print misses, or write them to FILE (JSONL)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--speed", action="store_true", help="also time find_times (MB/s)")
    parser.add_argument(
        "--engine",
        choices=("extract", "times"),
        default="extract",
        help="score dprk_tracker.extract.extract (default; falls back) or find_times",
    )
    args = parser.parse_args(argv)
    data = args.data.resolve()
    run, engine_name = extractor(args.engine == "extract")
    timebank = load_timebank(data / "timebank")
    news_path = data / "news" / "cases.jsonl"
    news = load_news(news_path) if news_path.exists() else []
    results: dict[str, object] = {}
    all_misses: list[dict[str, object]] = []
    for name, documents in (("timebank", timebank), ("news", news)):
        if not documents:
            continue
        tallies, misses = score(documents, run)
        results[name] = summary(tallies)
        all_misses += [{"set": name, **miss} for miss in misses]
    if args.speed:
        results["speed"] = speed(timebank)
    results["engine"] = args.engine if args.engine == "times" else engine_name
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        for name in ("timebank", "news"):
            if name in results:
                print_table(name, results[name])  # type: ignore[arg-type]
        print(f"\nengine: {results['engine']}")
        if "speed" in results:
            figures = results["speed"]
            print(
                f"speed (find_times, one core, {figures['passes']} passes over {figures['megabytes']} MB): "  # type: ignore[index]
                f"best {figures['best_mb_per_s']} MB/s, mean {figures['mean_mb_per_s']} MB/s"  # type: ignore[index]
                f"; reference loop sum(range(10**7)) {figures['reference_loop_s']} s (idle core ~0.13),"  # type: ignore[index]
                f" load average {figures['load_average']}"  # type: ignore[index]
            )
    if args.misses:
        lines = [json.dumps(miss, ensure_ascii=False) for miss in all_misses]
        if args.misses == "-":
            for miss in all_misses:
                print(" | ".join(f"{k}={html.unescape(str(v))}" for k, v in miss.items()), file=sys.stderr)
        else:
            Path(args.misses).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
