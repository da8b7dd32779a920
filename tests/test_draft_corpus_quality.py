"""The corpus harness (migkg.draft.corpus_quality, ``migkg draft-quality``): layout, metadata, refusals, pooling.

The end-to-end test drafts two texts of the domain test corpus (tests/fixtures/domain, laid out by
bench/domain_corpus.py); never a text of tests/fixtures/drafting/test or pool-*.
"""
from __future__ import annotations

import importlib.util
import re
import shutil
from pathlib import Path

import pytest

from migkg.draft.corpus_quality import CorpusText, corpus_texts, draft_data_folder, pooled, run_half
from migkg.draft.evaluate import Evaluation, Row
from migkg.errors import InputError
from migkg.schema.resources import ontology_dir
from migkg.schema.vocabulary import load_vocabulary

ROOT = Path(__file__).resolve().parents[1]
KNOWN = ROOT / "tests" / "fixtures" / "drafting" / "known" / "registry"
BAKU = "2019-04-24-trend-baku-third-ministerial"
ASHGABAT = "2017-11-02-iom-ashgabat-senior-officials"


def _domain_corpus(out: Path, keep: tuple[str, ...]) -> Path:
    spec = importlib.util.spec_from_file_location("domain_corpus", ROOT / "bench" / "domain_corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.lay_out(out)
    for folder in out.iterdir():
        if folder.name not in keep:
            shutil.rmtree(folder)
    return out


def test_the_domain_corpus_is_laid_out_with_the_registry_the_curator_lacks_and_the_supplied_metadata(tmp_path):
    half = _domain_corpus(tmp_path / "dev", (BAKU, "2018-06-iom-unhcr-almaty-process-data-project"))
    texts = corpus_texts(half)
    assert [t.id for t in texts] == ["2018-06-iom-unhcr-almaty-process-data-project", BAKU]
    assert texts[0].meta() == {"issued": "2018-06",
                               "url": "https://example.org/iom/news/2018/06/almaty-process-data-project"}
    assert texts[1].meta() == {}
    registry = texts[1].registry.read_text("utf-8")
    assert "id: baku" not in registry  # known/ has it: the drafter sees it
    assert "UZB" not in registry


def test_a_meta_file_with_an_unknown_key_is_an_error(tmp_path):
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "meta.yaml").write_text("issued: 2019-04-24\npublsher: trend\n", encoding="utf-8")
    with pytest.raises(InputError, match="publsher"):
        CorpusText("dev", tmp_path / "t").meta()


def test_a_refused_text_counts_every_reviewed_fact_as_missed_and_the_metadata_reaches_the_drafter(tmp_path):
    half = _domain_corpus(tmp_path / "dev", ("2018-06-iom-unhcr-almaty-process-data-project",))
    given = []

    def refuse(text, data_folder, meta):
        given.append(meta)
        return "error: refused for the test", ["a note"]
    data_folder = draft_data_folder(tmp_path / "data", ROOT / "data", KNOWN)
    assert (data_folder / "registry" / "known-known.yaml").is_file()
    [result] = run_half(corpus_texts(half), refuse, data_folder, ROOT / "data", KNOWN,
                        load_vocabulary(ontology_dir()), lambda text: "en", iter([0.0, 1.5]).__next__)
    assert given == [{"issued": "2018-06", "url": "https://example.org/iom/news/2018/06/almaty-process-data-project"}]
    assert result.refused == "error: refused for the test" and result.notes == ["a note"] and result.seconds == 1.5
    overall = result.evaluation.row("overall")
    assert overall.drafted == 0 and overall.reviewed > 10 and overall.recall == 0


def test_pooling_sums_the_counts_of_each_kind():
    one = Evaluation([Row("states", 2, 4, 2, 2), Row("overall", 2, 4, 2, 2)])
    two = Evaluation([Row("states", 1, 1, 0, 0), Row("overall", 1, 1, 0, 0)])
    states = pooled([one, two]).row("states")
    assert (states.drafted, states.reviewed, states.precision, states.recall) == (3, 5, 2 / 3, 2 / 5)


def test_draft_quality_drafts_each_text_and_prints_a_markdown_table_per_half(run_migkg, tmp_path):
    half = _domain_corpus(tmp_path / "dev", (ASHGABAT,))
    done = run_migkg("draft-quality", half, "--keep", tmp_path / "drafts")
    assert done.returncode == 0, done.stderr
    report = done.stdout
    assert report.startswith("### dev: 1 texts")
    assert "| kind of fact | t1 | **pooled** |" in report
    assert f"* t1 `{ASHGABAT}` (en): drafted in" in report
    overall = next(line for line in report.splitlines() if line.startswith("| **overall**"))
    assert overall.count("/") == 2  # the text's and the pooled figures
    assert (tmp_path / "drafts" / "0-dev" / "releases" / ASHGABAT / "card.draft.yaml").is_file()


POOLED = re.compile(r"^Pooled: precision (?P<p>[0-9.]+), recall (?P<r>[0-9.]+); texts refused: (?P<refused>\d+)", re.M)


def test_the_development_half_reaches_the_issues_targets_and_no_text_is_refused(run_migkg):
    """The drafter as tuned, on tests/fixtures/drafting/dev (in-sample: the rules were tuned on these texts; the
    figures that say how it does on new texts are those of a half measured once, in docs/drafting.md): pooled
    precision >= 0.95 and recall >= 0.9 (0.97 / 0.94 in round 5), every text drafted. It guards the tuned rules
    against regressions."""
    done = run_migkg("draft-quality", ROOT / "tests" / "fixtures" / "drafting" / "dev")
    assert done.returncode == 0, done.stderr
    pooled_line = POOLED.search(done.stdout)
    assert pooled_line, done.stdout
    assert int(pooled_line["refused"]) == 0, done.stdout
    assert float(pooled_line["p"]) >= 0.95 and float(pooled_line["r"]) >= 0.9, pooled_line.group()
