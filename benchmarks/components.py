"""Where the time of a lint goes: each pipeline stage timed on its own over the same corpus.

    python benchmarks/components.py [--postings 1000]

Tokenisation (make_doc), each jdlint component, and building the results (positions, rules),
each over all postings in turn, with time.perf_counter. This is the profile behind the
speed targets: what costs more than the tokenizer, and so what to work on next.
"""

from __future__ import annotations

import argparse
import time

from speed import posting_texts

from jdlint.linter import Linter
from jdlint.source import Source


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postings", type=int, default=1000)
    args = parser.parse_args()
    texts = list(posting_texts(args.postings))
    linter = Linter()
    linter.lint_text("Data Engineer\n\n- Build ETL pipelines\n")  # warm-up

    start = time.perf_counter()
    docs = [linter._make_doc(text) for text in texts]
    rows = [("tokenizer (make_doc)", time.perf_counter() - start)]
    for name, component in linter.nlp.pipeline:
        start = time.perf_counter()
        docs = [component(doc) for doc in docs]
        rows.append((name, time.perf_counter() - start))
    sources = [Source(f"p{i}.txt", text) for i, text in enumerate(texts)]
    start = time.perf_counter()
    for source, doc in zip(sources, docs, strict=True):
        linter._result(source, doc, linter.config)
    rows.append(("results and rules", time.perf_counter() - start))

    floor = rows[0][1]
    for name, seconds in rows:
        print(f"{name:<22} {seconds:6.2f} s  {seconds / floor:5.2f}x the tokenizer")
    total = sum(seconds for _, seconds in rows)
    print(f"{'total':<22} {total:6.2f} s  {total / floor:5.2f}x the tokenizer")


if __name__ == "__main__":
    main()
