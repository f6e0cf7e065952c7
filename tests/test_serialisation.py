"""jdlint's Docs and pipelines as spaCy serialises them: ``doc.to_bytes()``, ``DocBin`` with
user data and ``nlp.pipe(n_process=2)`` keep every extension, typed and usable by the rules;
a saved pipeline carries its lexicons and role weights inside it, not their paths."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc, DocBin

from jdlint.duties import DutyHit
from jdlint.extensions import DOC_EXTENSIONS, LEMMAS_KEY, TEXT_KEY
from jdlint.pipeline import COMPONENTS, USES_LEXICONS, build_nlp
from jdlint.role_model import Mention
from jdlint.role_profile import Evidence, RoleProfile
from jdlint.sections import Section
from jdlint.skills import SkillHit
from jdlint.source import Source
from jdlint.wording import WordingHit

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
# Postings with findings of every family between them: wording hits, duties, skills, work of
# no role, a mismatch.
POSTINGS = [
    "tone-bro-startup.txt",
    "inclusive-rockstar-ninja.txt",
    "prestige-ml-woocommerce-chatbot.txt",
    "sales-posting-no-role.txt",
]
TYPES = {
    "jdlint_sections": Section,
    "jdlint_skills": SkillHit,
    "jdlint_duties": DutyHit,
    "jdlint_other_work": SkillHit,
    "jdlint_wording": WordingHit,
}


def _text(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def docs(linter) -> list[Doc]:
    """The postings through the linter's pipeline, as the Linter makes their Docs."""
    return [linter.nlp(linter._make_doc(_text(name))) for name in POSTINGS]


def _values(doc: Doc) -> dict[str, object]:
    """Every extension's value, the title as what it covers."""
    out: dict[str, object] = {}
    for name in DOC_EXTENSIONS:
        value = getattr(doc._, name)
        if name == "jdlint_title":
            value = (value.start, value.end, value.label_) if value is not None else None
        out[name] = value
    return out


def _assert_same(restored: Doc, original: Doc) -> None:
    assert _values(restored) == _values(original)
    for name, kind in TYPES.items():
        value = getattr(restored._, name)
        assert isinstance(value, list) and all(type(item) is kind for item in value), name
    assert type(restored._.jdlint_title_roles) is tuple
    profile = restored._.jdlint_profile
    assert type(profile) is RoleProfile
    assert all(type(e) is Evidence for items in profile.evidence.values() for e in items)
    assert all(type(m) is Mention and type(m.lexicon) is tuple for m in profile.mentions)
    assert restored.user_data[TEXT_KEY] == original.user_data[TEXT_KEY]
    assert list(restored.user_data[LEMMAS_KEY]) == list(original.user_data[LEMMAS_KEY])


def _findings(linter, name: str, doc: Doc) -> list[tuple[str, int, str]]:
    source = Source(name, _text(name))
    result = linter._result(source, doc, linter.config)
    return [(f.code, f.start, f.message) for f in result.findings]


def test_the_postings_hold_something_of_every_kind(docs):
    for name in TYPES:
        assert any(getattr(doc._, name) for doc in docs), name
    assert all(doc._.jdlint_title is not None for doc in docs)


def test_doc_to_bytes_keeps_every_extension(linter, docs):
    for name, doc in zip(POSTINGS, docs, strict=True):
        restored = Doc(linter.nlp.vocab).from_bytes(doc.to_bytes())
        _assert_same(restored, doc)
        # the rules read the restored Doc as they read the one the pipeline made
        assert _findings(linter, name, restored) == _findings(linter, name, doc)
        assert _findings(linter, name, restored)


def test_docbin_with_user_data_keeps_every_extension(linter, docs):
    stored = DocBin(store_user_data=True, docs=docs).to_bytes()
    restored = list(DocBin().from_bytes(stored).get_docs(linter.nlp.vocab))
    for name, doc, again in zip(POSTINGS, docs, restored, strict=True):
        _assert_same(again, doc)
        assert _findings(linter, name, again) == _findings(linter, name, doc)


def test_a_restored_wording_hit_names_its_entry(linter):
    doc = linter.nlp(linter._make_doc(_text("inclusive-rockstar-ninja.txt")))
    restored = Doc(linter.nlp.vocab).from_bytes(doc.to_bytes())
    hits = restored._.jdlint_wording
    assert [h.entry for h in hits] == [h.entry for h in doc._.jdlint_wording]
    assert "rockstar" in {h.entry.phrase for h in hits}


def test_pipe_with_two_processes(linter):
    texts = [_text(name) for name in POSTINGS[:3]]
    alone = list(linter.nlp.pipe(texts))
    together = list(linter.nlp.pipe(texts, n_process=2, batch_size=1))
    for doc, other in zip(alone, together, strict=True):
        assert _values(other) == _values(doc)
        assert type(other._.jdlint_profile) is RoleProfile


# A user's lexicon: a skill, a title head and a duty no built-in lexicon has.
EXTRA_LEXICON = {
    "role": "ai_engineer",
    "name": "AI Engineer",
    "description": "our additions",
    "title": {"terms": ["retrieval"], "heads": ["wrangler"]},
    "skills": [{"term": "AcmeRetriever", "variants": ["acmeretriever"], "weight": 3}],
    "duties": [{"verbs": ["wrangle"], "objects": ["gizmo indexes"], "weight": 3}],
    "sources": ["our team"],
}
EXTRA_POSTING = "Retrieval Wrangler\n\n- Wrangle gizmo indexes in AcmeRetriever\n"
WITH_EXTRA = (("ai_engineer",), ["AcmeRetriever"], ["wrangle"])  # what _found finds with it


def _found(nlp) -> tuple[tuple[str, ...], list[str], list[str]]:
    doc = nlp(EXTRA_POSTING)
    canonical = [s.canonical for s in doc._.jdlint_skills]
    return doc._.jdlint_title_roles, canonical, [d.verb for d in doc._.jdlint_duties]


_LOAD_ELSEWHERE = """\
import json, sys, spacy
doc = spacy.load(sys.argv[1])(sys.argv[2])
roles, skills, duties = doc._.jdlint_title_roles, doc._.jdlint_skills, doc._.jdlint_duties
print(json.dumps([roles, [s.canonical for s in skills], [d.verb for d in duties]]))
"""


def _found_elsewhere(saved: Path) -> tuple[tuple[str, ...], list[str], list[str]]:
    """What ``_found`` finds with the saved pipeline loaded in a fresh interpreter, as on
    another machine: nothing of this process (its lexicon cache) helps it."""
    done = subprocess.run(
        [sys.executable, "-c", _LOAD_ELSEWHERE, str(saved), EXTRA_POSTING],
        capture_output=True,
        text=True,
        check=True,
    )
    roles, skills, verbs = json.loads(done.stdout)
    return tuple(roles), skills, verbs


@pytest.fixture()
def extra_lexicon(tmp_path):
    folder = tmp_path / "our-lexicons"
    folder.mkdir()
    (folder / "acme.json").write_text(json.dumps(EXTRA_LEXICON), encoding="utf-8")
    return folder


def test_the_extra_lexicon_is_what_finds_the_terms(linter, extra_lexicon):
    assert _found(linter.nlp) == ((), [], [])
    assert _found(build_nlp(lexicons=[extra_lexicon])) == WITH_EXTRA


def test_a_saved_pipeline_carries_its_lexicons(tmp_path, extra_lexicon):
    nlp = build_nlp(lexicons=[extra_lexicon])
    found = _found(nlp)
    assert str(extra_lexicon) not in nlp.config.to_str()
    nlp.to_disk(tmp_path / "saved")
    shutil.rmtree(extra_lexicon)
    loaded = spacy.load(tmp_path / "saved")
    assert _found(loaded) == found
    assert str(extra_lexicon) not in loaded.config.to_str()
    # ... and saved again from where it was loaded, it still does, on another machine too
    loaded.to_disk(tmp_path / "again")
    shutil.rmtree(tmp_path / "saved")
    assert _found_elsewhere(tmp_path / "again") == found


def test_a_training_configs_initialize_settings_give_the_lexicons(tmp_path, extra_lexicon):
    """``[initialize.components.jdlint_skills] lexicons = [...]``, read by nlp.initialize()."""
    nlp = spacy.blank("en")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    config = nlp.config.copy()
    for name in USES_LEXICONS:
        config["initialize"]["components"][name] = {"lexicons": [str(extra_lexicon)]}
    nlp = spacy.util.load_model_from_config(config, auto_fill=True)
    nlp.initialize()
    assert _found(nlp) == WITH_EXTRA
    nlp.to_disk(tmp_path / "saved")
    shutil.rmtree(extra_lexicon)
    assert _found_elsewhere(tmp_path / "saved") == WITH_EXTRA


def test_lexicon_paths_in_a_components_config_are_carried_too(tmp_path, extra_lexicon):
    nlp = spacy.blank("en")
    for name in COMPONENTS:
        config = {"lexicons": [str(extra_lexicon)]} if name in USES_LEXICONS else {}
        nlp.add_pipe(name, config=config)
    assert _found(nlp) == WITH_EXTRA
    nlp.to_disk(tmp_path / "saved")
    shutil.rmtree(extra_lexicon)
    assert _found_elsewhere(tmp_path / "saved") == WITH_EXTRA  # the path is not read


def test_a_saved_pipeline_without_extra_lexicons_has_the_built_in_ones(linter, tmp_path):
    linter.nlp.to_disk(tmp_path / "saved")
    assert _found(spacy.load(tmp_path / "saved")) == ((), [], [])


def test_a_saved_pipeline_carries_its_role_weights(linter, tmp_path):
    from importlib import resources

    builtin = json.loads(
        resources.files("jdlint.lexicons.weights").joinpath("roles.json").read_text("utf-8")
    )
    builtin["bias"] = {**builtin["bias"], "data_analyst": 50.0}  # every posting an analyst's
    weights = tmp_path / "weights.json"
    weights.write_text(json.dumps(builtin), encoding="utf-8")
    nlp = build_nlp(role_weights=weights)
    posting = _text("prestige-ml-woocommerce-chatbot.txt")
    assert nlp(posting)._.jdlint_profile.primary == "data_analyst"
    assert linter.nlp(posting)._.jdlint_profile.primary != "data_analyst"
    assert str(weights) not in nlp.config.to_str()
    nlp.to_disk(tmp_path / "saved")
    weights.unlink()
    assert spacy.load(tmp_path / "saved")(posting)._.jdlint_profile.primary == "data_analyst"
