"""Estimates over time (`figures --trend`) through the CLI, on a temporary notebook."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

# Four outlets on North Korean losses: March agrees (an open "over 3,000" and 4,000 overlap),
# January disagrees ("about 1,000" allows 900–1,100; 1,500 is outside it).
REPORTS = (
    (
        "a.md",
        "Spy agency counts losses",
        "Yonhap",
        "2025-03-20",
        "South Korea's spy agency said over 3,000 North Korean soldiers had been killed or injured in "
        "March 2025.",
    ),
    (
        "b.md",
        "Kyiv gives a higher toll",
        "Kyiv Independent",
        "2025-03-25",
        "Ukraine's military intelligence said 4,000 North Korean soldiers had been killed or wounded in "
        "March 2025.",
    ),
    (
        "c.md",
        "First losses",
        "Reuters",
        "2025-02-02",
        "About 1,000 casualties among North Korean troops were reported in January 2025.",
    ),
    (
        "d.md",
        "Losses in January",
        "BBC",
        "2025-02-03",
        "Officials said 1,500 North Korean troops were killed or wounded in January 2025.\n\n"
        "Pyongyang had sent 11,000 soldiers to Russia in October 2024.",
    ),
)


@pytest.fixture(autouse=True)
def _eighty_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")  # the chart's layout depends on the width


@pytest.fixture
def reports(tracker, articles) -> None:
    result = tracker("ingest", str(articles(*REPORTS)))
    assert result.exit_code == 0, result.stderr


def test_trend_json_gives_the_series(tracker, reports) -> None:
    result = tracker("figures", "--trend", "--format", "json")
    assert result.exit_code == 0 and result.stderr == ""
    assert json.loads(result.stdout) == [
        {
            "counted": "killed or wounded",  # "killed or injured" and "casualties" folded in
            "unit": "count",
            "topic": "casualties",
            "granularity": "month",
            "points": [
                {
                    "period": "2025-01",
                    "low": 1000,
                    "best": 1250,
                    "high": 1500,
                    "articles": [3, 4],
                    "disagree": True,
                    "low_open": False,
                    "high_open": False,
                    "low_articles": [3],
                    "high_articles": [4],
                    "figures": [3, 4],
                },
                {
                    "period": "2025-03",
                    "low": 3000,
                    "best": 3500,
                    "high": 4000,
                    "articles": [1, 2],
                    "disagree": False,
                    "low_open": False,
                    "high_open": False,
                    "low_articles": [1],
                    "high_articles": [2],
                    "figures": [1, 2],
                },
            ],
        },
        {
            "counted": "troops",  # "soldiers"
            "unit": "count",
            "topic": "deployment",
            "granularity": "month",
            "points": [
                {
                    "period": "2024-10",
                    "low": 11000,
                    "best": 11000,
                    "high": 11000,
                    "articles": [4],
                    "disagree": False,
                    "low_open": False,
                    "high_open": False,
                    "low_articles": [4],
                    "high_articles": [4],
                    "figures": [5],
                }
            ],
        },
    ]


def test_trend_chart_fits_eighty_columns(tracker, reports) -> None:
    result = tracker("figures", "--trend", "--topic", "casualties")
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout.splitlines() == [
        "killed or wounded (casualties, by month)",
        "  2025-01 ··········━━━●━━━·························· 1,000–1,500 ≈1,250 ≠ [3,4]",
        "  2025-03 ································━━━━━●━━━━━ 3,000–4,000 ≈3,500 [1,2]",
        "          0                                     4,000",
        "",
        "● best  ━ low–high  >N N+ at least  ≤N up to  ≠ disagree  [1,2 +3] articles",
    ]
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


def test_trend_csv_one_line_per_period(tracker, reports) -> None:
    result = tracker("figures", "--trend", "--format", "csv", "--topic", "casualties")
    assert result.stdout.splitlines() == [
        "counted,unit,topic,period,low,best,high,articles,disagree,low_open,high_open",
        'killed or wounded,count,casualties,2025-01,1000,1250,1500,"3,4",True,False,False',
        'killed or wounded,count,casualties,2025-03,3000,3500,4000,"1,2",False,False,False',
    ]


def test_open_bounds_yearly_series_and_undated(tracker, articles, seed: Path) -> None:
    folder = articles(
        (
            "y.md",
            "Year toll",
            "AP",
            "2025-06-01",
            "Analysts estimate 1,000 to 2,000 North Korean soldiers were killed in 2025.\n\n"
            "In January 2025 up to 300 soldiers were killed, Seoul said.",
        )
    )
    (folder / "undated.txt").write_text("Losses\n\nAbout 500 soldiers were killed, officials said.\n")
    assert tracker("ingest", str(seed), str(folder)).exit_code == 0
    result = tracker("figures", "--trend", "--topic", "casualties")
    # A year-only figure makes its series yearly; "up to 300" is an open low, "over 3,000" alone ">".
    assert result.stdout.splitlines()[:7] == [
        "killed (casualties, by year)",
        "  2025 ·······━━━━━━━━━━━━━━●━━━━━━━━━━━━━━━━━━━━━━━━━━ ≤300–2,000 ≈900 [3]",
        "       0                                          2,000",
        "",
        "killed or wounded (casualties, by year)",
        "  2025 ···············································● >3,000 [1]",
        "       0                                          3,000",
    ]
    assert result.stderr == "note: 1 figure without an as-of date left out\n"
    series = json.loads(tracker("figures", "--trend", "--topic", "casualties", "--format", "json").stdout)
    points = {s["counted"]: s["points"][0] for s in series}
    assert [s["granularity"] for s in series] == ["year", "year", "year"]
    assert (points["killed"]["low"], points["killed"]["low_open"], points["killed"]["high_open"]) == (
        300,
        True,
        False,
    )
    assert (points["killed or wounded"]["low"], points["killed or wounded"]["high_open"]) == (3000, True)


def test_counted_file_beside_the_notebook(tracker, reports, db: Path) -> None:
    (db.parent / "counted.toml").write_text('[counted]\n"casualty toll" = ["casualties"]\n')
    series = json.loads(tracker("figures", "--trend", "--topic", "casualties", "--format", "json").stdout)
    assert [(s["counted"], [p["period"] for p in s["points"]]) for s in series] == [
        ("killed or wounded", ["2025-01", "2025-03"]),  # more articles: first
        ("casualty toll", ["2025-01"]),
    ]
    (db.parent / "counted.toml").write_text("[counted]\nkilled = 3\n")
    bad = tracker("figures", "--trend")
    assert (bad.exit_code, bad.stdout) == (1, "")
    assert bad.stderr == f"error: {db.parent / 'counted.toml'}: 'killed' needs a list of phrases\n"


def test_trend_of_nothing(tracker, reports) -> None:
    result = tracker("figures", "--trend", "--since", "2026")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "no figures match\n")
    assert tracker("figures", "--trend", "--since", "2026", "--format", "json").stdout == "[]\n"


def test_a_periods_label_keeps_the_mark_and_counts_what_it_cannot_list() -> None:
    from dprk_tracker.chart import _label
    from dprk_tracker.trends import Point

    many = Point("2024", 1_500, 6_499.5, 15_000, list(range(1, 12)), [1], [11], list(range(11)), True)
    assert _label(many, "count") == "1,500–15,000 ≈6,500 ≠ [1,2,3,4,5,6 +5]"
    money = Point("2024", 1.5, 2.25, 3.0, [2, 3], [2], [3], [1, 2], False)
    assert _label(money, "USD") == "$1.5–$3 ≈$2.25 [2,3]"  # not whole: the best is as computed


def test_counts_of_nothing_named_are_left_out(tracker, reports) -> None:
    """A count with no noun found ("about 30") is no point of any series: charted together, such
    counts would join unrelated numbers."""
    text = "Tallies\n\nThe tally rose to about 30 in March 2025, officials said.\n"
    assert tracker("ingest", "-", "--published", "2025-04-01", input=text).exit_code == 0
    [figure] = json.loads(tracker("figures", "--article", "5", "--format", "json").stdout)
    assert (figure["value"], figure["unit"]) == ("~30", None)
    result = tracker("figures", "--trend")
    assert result.stderr == "note: 1 count of nothing named left out\n"
    series = json.loads(tracker("figures", "--trend", "--format", "json").stdout)
    assert [s["counted"] for s in series] == ["killed or wounded", "troops"]


def test_a_total_since_a_date_stands_at_the_report(tracker, reports, articles) -> None:
    # "14,000 since October 2024" in a March 2025 report is the count by March 2025, not in October.
    later = (
        "e.md",
        "Deployment grows",
        "AP",
        "2025-03-28",
        "Pyongyang has sent 14,000 troops to Russia since October 2024.",
    )
    assert tracker("ingest", str(articles(later))).exit_code == 0
    series = json.loads(tracker("figures", "--trend", "--topic", "deployment", "--format", "json").stdout)
    assert [(p["period"], p["best"], p["articles"]) for p in series[0]["points"]] == [
        ("2024-10", 11000, [4]),
        ("2025-03", 14000, [5]),
    ]


def test_as_of_of_a_since_figure() -> None:
    from dprk_tracker.trends import as_of

    since = {"when": "2024-10", "relation": "ON_OR_AFTER", "earliest": "2024-10-01"}
    assert as_of({**since, "latest": "2025-03-28"}) == "2025-03-28"
    # a span still inside its starting month (or stored before spans ran to the report) keeps it
    assert as_of({**since, "latest": "2024-10-20"}) == "2024-10"
    assert as_of({**since, "latest": "2024-10-31"}) == "2024-10"
    assert as_of({"when": "2024-10", "relation": None, "latest": "2025-03-28"}) == "2024-10"
    assert as_of({"when": "2024-FA", "relation": "ON_OR_AFTER", "latest": "2025-03-28"}) == "2025-03-28"
    assert as_of({"when": "2024-FA", "relation": "ON_OR_AFTER", "latest": "2024-11-30"}) == "2024-FA"
