"""The benchmark corpus generator: densities, and a folder never mixes two corpora."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import corpus


def test_density_sets_the_share_of_dated_fact_sentences() -> None:
    # Context sentences carry no digits; fact sentences always carry a date or a figure in digits
    # or number words, so the share of sentences with a digit rises with the density.
    def with_digits(density: str) -> tuple[int, int]:
        sentences = [
            s for i in range(40) for s in corpus.article(5, i, density)[1].split(". ") if len(s) > 40
        ]
        return sum(any(ch.isdigit() for ch in s) for s in sentences), len(sentences)

    # Seeded: the same counts on every machine (31% and 76% of sentences).
    assert with_digits("news") == (464, 1518)
    assert with_digits("dense") == (1084, 1420)


def test_same_seed_index_and_density_give_the_same_article() -> None:
    assert corpus.article(2, 17, "news") == corpus.article(2, 17, "news")
    assert corpus.article(2, 17, "news") != corpus.article(2, 17, "dense")
    assert corpus.article(2, 17)[1] == corpus.article(2, 17, "news")[1]


def test_a_folder_of_another_density_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "c"
    corpus.ensure(out, 3, seed=4, density="dense")
    assert (out / ".corpus").read_text() == "4 3 dense\n"
    with pytest.raises(SystemExit, match=r"holds corpus seed 4 \(dense\), not 4 \(news\)"):
        corpus.ensure(out, 3, seed=4, density="news")
    (out / ".corpus").write_text("4 3\n")  # a marker written before densities existed
    assert corpus.ensure(out, 3, seed=4, density="dense") == out
    assert len(list(out.rglob("*_*.*"))) == 3
