"""unterm: align, mine terms from and check Chinese-English United Nations documents.

The same pipeline the `unterm` command runs, as functions of plain values:

    import unterm
    alignment = unterm.align("zh.md", "en.md")   # or level="sentence"
    for pair in alignment:                       # pair.zh, pair.en, pair.kind, pair.key, pair.score
        ...
    terms = unterm.mine_terms([alignment])       # a Termbase
    report = unterm.check(alignment)             # a Report of Findings
    unterm.write(alignment, "out.tmx")           # a termbase to .tbx, a report to .html, ...
    unterm.index(["corpus/"], "memory.sqlite")   # a corpus's pairs into a searchable memory
    results = unterm.search("memory.sqlite", "新城市议程")  # the pairs that hold it, renderings counted

Every stage is a pure function of its inputs, so a corpus is a map over document pairs
(a process pool, a Dask cluster) followed by `mine_terms` over the alignments.
"""

from __future__ import annotations

import importlib
import inspect
import types
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Literal

from unterm import align as _align_package
from unterm.errors import FormatError, InputError, MismatchError, OutputError, UntermError

if TYPE_CHECKING:
    from unterm.align.model import AlignedPair, Alignment, Row
    from unterm.batch.indexing import Summary as IndexSummary
    from unterm.documents.model import Block, BlockKind, Document
    from unterm.lang.languages import Lang
    from unterm.memory.model import Hit, Rendering, Results
    from unterm.qa.model import Finding, Report, Severity
    from unterm.revision.model import Corpus, Revision  # revision reports: unterm.revision
    from unterm.termbase.model import Entry, Term, Termbase

# The value types, imported when first used: `import unterm` loads next to nothing, so the
# command starts (and takes Ctrl-C) at once.
_TYPES = {
    "AlignedPair": "unterm.align.model",
    "Alignment": "unterm.align.model",
    "Row": "unterm.align.model",
    "Block": "unterm.documents.model",
    "BlockKind": "unterm.documents.model",
    "Document": "unterm.documents.model",
    "Lang": "unterm.lang.languages",
    "Hit": "unterm.memory.model",
    "Rendering": "unterm.memory.model",
    "Results": "unterm.memory.model",
    "Finding": "unterm.qa.model",
    "Report": "unterm.qa.model",
    "Severity": "unterm.qa.model",
    "Entry": "unterm.termbase.model",
    "Term": "unterm.termbase.model",
    "Termbase": "unterm.termbase.model",
}


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from unterm.version import __version__

        return __version__
    if name in _TYPES:
        value = getattr(importlib.import_module(_TYPES[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'unterm' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


__all__ = [
    "AlignedPair",
    "Alignment",
    "Block",
    "BlockKind",
    "Document",
    "Entry",
    "Finding",
    "FormatError",
    "Hit",
    "InputError",
    "Lang",
    "MismatchError",
    "OutputError",
    "Rendering",
    "Report",
    "Results",
    "Row",
    "Severity",
    "Term",
    "Termbase",
    "UntermError",
    "__version__",
    "align",
    "check",
    "index",
    "mine_terms",
    "read",
    "read_termbase",
    "search",
    "write",
]


def read(path: str | Path) -> Document:
    """Read a Chinese or English UN document (Markdown, text, PDF text, .docx, .pdf, a web
    page) into a Document: its blocks with kind, key, clean text and footnote references.

    Raises InputError, naming the file, for anything that cannot be read.
    """
    from unterm.documents.read import read_document

    return read_document(path)


def align(
    zh: str | Path | Document,
    en: str | Path | Document,
    *,
    level: Literal["paragraph", "sentence"] = "paragraph",
    termbase: Termbase | None = None,
    embeddings: str | None = None,
    srx: str | Path | None = None,
    zh_lang: str = "zh-CN",
    en_lang: str = "en",
) -> Alignment:
    """Align a Chinese and an English version of a document (files or Documents read
    with `read`), paragraph by paragraph or, with level="sentence", sentence by sentence
    inside each paragraph pair. A termbase's term pairs, where given, are evidence too;
    at sentence level, so is a sentence-embedding model where named (`embeddings="use"`
    or `"e5"`; the `embed` extra) for the paragraph pairs the aligner is least sure of.
    `srx` (sentence level): the SRX rules to cut sentences by, as a CAT tool does, an SRX
    file or OmegaT's segmentation.conf, or `omegat` (OmegaT's default rules) or `unterm`;
    the rules for `zh_lang` and `en_lang` apply.

    Iterating over the result gives each pair's text (`pair.zh`, `pair.en`), kind, key
    and confidence. Raises MismatchError for files in the wrong order or that are not
    versions of one document.
    """
    from unterm.align.embedding import Embeddings
    from unterm.align.paragraphs import align_documents, checked_languages
    from unterm.align.sentences import Segmentation, sentence_alignment
    from unterm.align.srx import load as load_srx
    from unterm.documents.model import Document
    from unterm.termbase.evidence import TermEvidence

    if level not in ("paragraph", "sentence"):
        raise FormatError(f"level {level!r}: use 'paragraph' or 'sentence'")
    if embeddings not in (None, "use", "e5"):
        raise FormatError(f"embeddings {embeddings!r}: use 'use' or 'e5'")
    zh_doc, en_doc = checked_languages(
        zh if isinstance(zh, Document) else read(zh), en if isinstance(en, Document) else read(en)
    )
    evidence = TermEvidence.of(termbase) if termbase is not None and termbase.entries else None
    alignment = align_documents(zh_doc, en_doc, evidence=evidence, name=evidence.name if evidence else "")
    if level == "paragraph":
        if srx is not None:
            raise FormatError("srx rules cut sentences: give level='sentence' with them")
        return alignment
    rules = Segmentation.of(load_srx(str(srx)), zh_lang, en_lang) if srx is not None else None
    return sentence_alignment(alignment, Embeddings(embeddings) if embeddings else None, rules)


class _CallablePackage(types.ModuleType):
    """The subpackage align/, which is also the function `unterm.align`."""

    def __call__(self, *args: Any, **kwargs: Any) -> Alignment:
        return _align(*args, **kwargs)


# `unterm.align` names both the function above and the subpackage align/ (unterm.align.dp,
# ...). The subpackage is made callable as the function, so that `unterm.align(zh, en)`,
# `import unterm.align.dp` and `mock.patch("unterm.align.dp.X")` all work.
_align = align
if not TYPE_CHECKING:
    _align_package.__class__ = _CallablePackage
    _align_package.__signature__ = inspect.signature(_align)
    align = _align_package


def mine_terms(
    alignments: Sequence[Alignment], *, min_freq: int = 1, top: int | None = None, min_confidence: float = 0.5
) -> Termbase:
    """Mine the Chinese-English term pairs that aligned documents fix into a termbase,
    one entry a concept, best first; entries below `min_confidence` are left out (0 keeps
    them all)."""
    from unterm.termbase.mine import mine_alignments

    return mine_alignments(alignments, min_freq=min_freq, top=top, min_confidence=min_confidence)


def check(
    alignment: Alignment, *, termbase: Termbase | None = None, style: str | Path | None = None
) -> Report:
    """Check the two versions of an aligned document against each other: structure,
    numbers and references, terminology (against `termbase`, and for consistency),
    typography (the document's own, or a house style TOML file), suspicious pairs."""
    from unterm.qa.run import run_checks
    from unterm.qa.style import DEFAULT_STYLE, read_style

    return run_checks(alignment, termbase=termbase, style=read_style(Path(style)) if style else DEFAULT_STYLE)


def read_termbase(path: str | Path) -> Termbase:
    """Read a termbase: TBX (TBX-Basic or TBX 2008), CSV, XLSX or an OmegaT glossary."""
    from unterm.files import read_termbase as read_any

    return read_any(path)


def index(
    sources: Sequence[str | Path],
    memory: str | Path,
    *,
    termbase: str | Path | None = None,
    jobs: int = 1,
    force: bool = False,
) -> IndexSummary:
    """Index the aligned pairs of a corpus (folders or list files of document pairs,
    TMX / JSON Lines / JSON files unterm wrote, or documents two by two) at paragraph and
    sentence level into a memory (an SQLite file), bringing an existing one up to date:
    new and changed sources are aligned, those not given any more removed. Returns what
    was done, in a line; raises InputError for a source that cannot be used."""
    from unterm.batch.indexing import Options, gather, index_corpus
    from unterm.batch.run import Progress

    gathered = gather([Path(s) for s in sources])
    options = Options(str(termbase) if termbase else None, jobs, None, force)
    summary = index_corpus(gathered, Path(memory), options, Progress(0, quiet=True))
    if summary.failures:
        first = summary.failures[0]
        raise InputError(f"{first.name}: {first.message}")
    return summary


def search(
    memory: str | Path,
    query: str,
    *,
    fuzzy: bool = False,
    level: Literal["paragraph", "sentence"] | None = None,
    symbols: Sequence[str] = (),
    kinds: Sequence[str] = (),
    years: tuple[int, int] | None = None,
    sort: Literal["newest", "score", "relevance"] = "newest",
    limit: int = 50,
    termbase: Termbase | None = None,
    min_match: int = 70,
) -> Results:
    """Look a word, a phrase, a "quoted exact phrase" or a document symbol up in a memory
    `index` made: the pairs that hold it (`results.hits`, the first `limit`, each with
    the query's spans and its equivalent's), how many in all, and the renderings counted
    (`results.renderings`). With `fuzzy=True`, `query` is a sentence and the hits are
    the closest earlier sentences with their match percentage (`hit.match`)."""
    from unterm.memory.model import Filters, Level, Sort
    from unterm.memory.search import search as run

    filters = Filters(Level(level) if level else None, tuple(symbols), tuple(kinds), years)
    return run(
        memory, query, fuzzy_match=fuzzy, filters=filters, sort=Sort(sort), limit=limit,
        termbase=termbase, min_match=min_match,
    )  # fmt: skip


def write(
    value: Alignment | Termbase | Report | Revision | Corpus | Results,
    target: str | Path | BinaryIO,
    format: str | None = None,
) -> str:
    """Write an alignment (TSV, CSV, XLSX, JSON, TMX, HTML), a termbase (TBX, CSV, XLSX,
    OmegaT TSV), a QA report or a revision report (HTML, JSON, CSV, XLSX) to a file, all or
    nothing, the format told by its extension unless `format` names it; `-` is standard
    output, and a binary stream is written as it is (then give `format`). Returns the
    format's name."""
    from unterm.files import write as write_any

    return write_any(value, target, format).name.value
