"""The spaCy components: sections, skills and duties on the Doc, and the factories exposed to
every spaCy user through the ``spacy_factories`` entry point."""

from __future__ import annotations

import importlib.metadata

import pytest
import spacy

from jdlint.pipeline import COMPONENTS, build_nlp

POSTING = """\
Senior Machine Learning Engineer

About us
Acme is an AI-powered platform. We are building cutting-edge AI with large language models.

Responsibilities
- Training ranking models on our own data with PyTorch
- Trained and deployed scikit-learn classifiers
- Engineer features for the fraud team

Requirements
- Experience with sklearn, Py Torch and scikit learn
- LLMs or large language models are a plus

Benefits
- Free ChatGPT licences
We are an equal opportunity employer.
"""


@pytest.fixture(scope="module")
def doc():
    return build_nlp()(POSTING)


def test_title_and_sections(doc):
    assert doc._.jdlint_title.text == "Senior Machine Learning Engineer"
    assert doc._.jdlint_title_roles == ("ml_engineer",)
    kinds = [s.label_ for s in doc.spans["jdlint_sections"]]
    assert kinds[:1] == ["title"]
    for kind in ("about", "responsibilities", "requirements", "nice_to_have", "benefits", "eeo"):
        assert kind in kinds


def test_blurb_and_benefits_say_nothing_about_the_job(doc):
    sections = {s.text: s.section for s in doc._.jdlint_skills}
    assert sections["large language models"] in ("about", "nice_to_have")
    assert sections["ChatGPT"] == "benefits"
    evidence = [e for items in doc._.jdlint_profile.evidence.values() for e in items]
    assert not any(e.section in ("about", "benefits", "eeo") for e in evidence)


def test_skill_variants_are_one_skill(doc):
    canon = [(s.text, s.canonical) for s in doc._.jdlint_skills]
    assert ("PyTorch", "PyTorch") in canon and ("Py Torch", "PyTorch") in canon
    assert ("sklearn", "scikit-learn") in canon and ("scikit learn", "scikit-learn") in canon
    assert ("scikit-learn", "scikit-learn") in canon
    assert ("LLMs", "LLM") in canon and ("large language models", "LLM") in canon


def test_duties_are_lemma_aware(doc):
    duties = {(d.verb, d.object) for d in doc._.jdlint_duties}
    assert ("train", "ranking models") in duties
    assert ("train", "scikit-learn classifiers") in duties
    assert ("engineer", "features") in duties
    assert all(d.section == "responsibilities" for d in doc._.jdlint_duties)


def test_profile(doc):
    profile = doc._.jdlint_profile
    assert profile.primary == "ml_engineer"
    assert 0 < profile.confidence <= 1
    assert abs(sum(profile.shares.values()) - 1) < 1e-6


def test_factories_are_exposed_through_the_entry_point():
    points = importlib.metadata.entry_points(group="spacy_factories")
    names = {p.name for p in points}
    assert set(COMPONENTS) <= names


def test_components_work_in_a_users_own_pipeline():
    nlp = spacy.blank("en")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    doc = nlp("Data Engineer\n\n- Build ETL pipelines with Airflow and dbt\n")
    assert [s.canonical for s in doc._.jdlint_skills] == ["ETL", "Airflow", "dbt"]
    assert doc._.jdlint_duties[0].verb == "build"


def test_no_shared_mutable_defaults():
    nlp = spacy.blank("en")
    nlp.add_pipe("jdlint_sections")
    nlp.add_pipe("jdlint_skills")
    first, second = nlp("Data Engineer\n\nAirflow"), nlp("Data Engineer\n\nSpark")
    assert first._.jdlint_skills is not second._.jdlint_skills
    assert spacy.blank("en")("x")._.jdlint_skills is None


def test_model_option_on_a_trained_pipeline(trained_linter):
    """``--model``: jdlint's components on spaCy's trained English pipeline (a test
    dependency, so this runs wherever the tests do)."""
    nlp = trained_linter.nlp
    assert {"tagger", "parser", "lemmatizer"} <= set(nlp.pipe_names)
    assert nlp.pipe_names[-len(COMPONENTS) :] == list(COMPONENTS)
    doc = nlp(POSTING)
    assert doc.has_annotation("POS") and doc.has_annotation("DEP")
    assert doc._.jdlint_profile.primary == "ml_engineer"
    duties = {(d.verb, d.object) for d in doc._.jdlint_duties}
    assert {("train", "ranking models"), ("engineer", "features")} <= duties


BULLET_VERBS = """\
Platform Engineer

Responsibilities
- Provision cloud infrastructure on AWS with Terraform
- Monitor servers with Prometheus and Grafana
- Troubleshoot production incidents
"""


def test_bullet_verbs_a_trained_tagger_reads_as_nouns_are_duties(trained_linter):
    """The tagger's view is one signal, the bullet another: en_core_web_sm tags "Provision",
    "Monitor" and "Troubleshoot" at the head of a bullet as nouns, and they are duties all the
    same, with the objects the blank pipeline finds."""
    doc = trained_linter.nlp(BULLET_VERBS)
    heads = [t for t in doc if t.i and doc[t.i - 1].text == "-"]
    assert [t.text for t in heads] == ["Provision", "Monitor", "Troubleshoot"]
    assert all(t.pos_ in ("NOUN", "PROPN") for t in heads)  # what the test is about
    found = [(d.verb, d.object) for d in doc._.jdlint_duties]
    blank = [(d.verb, d.object) for d in build_nlp()(BULLET_VERBS)._.jdlint_duties]
    assert found == blank
    assert [verb for verb, _ in found] == ["provision", "monitor", "troubleshoot"]


def test_model_option_takes_a_pipeline_path_and_uses_its_tags(tmp_path):
    """A saved pipeline with a part-of-speech component: inside a line its tags decide what is
    a verb; a duty verb that opens a bullet is one whatever its tag."""
    from spacy.language import Language

    @Language.component("jdlint_test_tagger")
    def tagger(doc):
        for token in doc:
            token.pos_ = "VERB" if token.lower_ in {"build", "write"} else "NOUN"
        return doc

    base = spacy.blank("en")
    base.add_pipe("jdlint_test_tagger")
    base.to_disk(tmp_path / "tagged")
    nlp = build_nlp(str(tmp_path / "tagged"))
    assert nlp.pipe_names[0] == "jdlint_test_tagger"
    text = "Data Engineer\n\n- Build ETL pipelines and design dashboards\n- Design reports\n"
    doc = nlp(text)
    # "design" inside the first bullet is tagged as a noun: no duty; "Design" opens a bullet.
    assert [(d.verb, d.text) for d in doc._.jdlint_duties] == [
        ("build", "Build ETL pipelines"),
        ("design", "Design reports"),
    ]
    blank = [d.text for d in build_nlp()(text)._.jdlint_duties]
    assert blank == ["Build ETL pipelines", "design dashboards", "Design reports"]


def test_inline_labels_in_a_flattened_posting(linter):
    text = (
        "Data Engineer Job description: You will build ETL pipelines with Airflow. "
        "Requirements: Experience with Spark. Job benefits: Free ChatGPT Plus licences. "
        "Company description: We build AI agents for banks."
    )
    doc = linter.nlp(text)
    sections = {s.text: s.section for s in doc._.jdlint_skills}
    assert sections["Airflow"] in ("body", "responsibilities")
    assert sections["Spark"] == "requirements"
    assert sections["ChatGPT"] == "benefits"
    assert sections["AI agents"] == "about"


@pytest.mark.parametrize(
    "phrases",
    [
        ["scikit-learn", "Py Torch", "e.g. LLMs", "C++", "node.js", "U.S.", "don't", "GPT-4o"],
        ["trailing space ", "two  spaces", "", "tab\there"],  # one Doc a phrase instead
    ],
)
def test_phrase_patterns_are_the_tokens_of_each_phrase(phrases):
    from spacy.attrs import LOWER, ORTH

    from jdlint.lexicon import load_lexicon
    from jdlint.phrase_patterns import phrase_patterns
    from jdlint.skills import skill_table

    nlp = spacy.blank("en")
    nlp.max_length = 100  # patterns are data, not a posting: the limit does not apply
    every = [*phrases, *(form for form, _ in skill_table(load_lexicon()))]
    for attr in (LOWER, ORTH):
        expected = [nlp.tokenizer(p).to_array(attr).tolist() for p in every]
        assert phrase_patterns(nlp, every, attr) == expected
