"""Compare a draft with its final version: read both, match their blocks, score and diff
each pair; or a folder of drafts with a folder of finals, paired by name."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from unterm.align.paragraphs import align_documents, checked_languages
from unterm.documents.model import Document
from unterm.documents.read import read_document
from unterm.errors import MismatchError, UntermError
from unterm.lang.languages import Lang
from unterm.qa.model import block_names
from unterm.revision import diff, scores
from unterm.revision.compare import Match, compare, dice, shingles
from unterm.revision.model import Change, Corpus, Failure, RevisedPair, Revision
from unterm.signature import Input, Signature, file_name, library_versions

# Below this similarity (Dice of the two documents' n-grams) two files are not versions
# of one document: A/RES/77/173 against the GA 55/100 sample gives 0.05 (Chinese) and
# 0.12 (English); a draft with a fifth of its paragraphs rewritten, 0.8 and more.
SAME_DOCUMENT = 0.25
BREAK = "\n"  # between the blocks of one side of a pair (a split shows as an inserted break)


def revise(
    draft: Path | str | Document,
    final: Path | str | Document,
    *,
    english: Path | str | Document | None = None,
    name: str = "",
) -> Revision:
    """What the reviser changed between a draft and the final version of one document
    (files of any kind unterm reads, or Documents), pair by pair, with TER and chrF;
    `english`, for a Chinese revision, is the English original shown beside each pair.

    Raises InputError for a file that cannot be read, MismatchError for two versions in
    different languages or two different documents.
    """
    d = draft if isinstance(draft, Document) else read_document(draft)
    f = final if isinstance(final, Document) else read_document(final)
    _check_versions(d, f)
    en = _english_of(d, f, english) if english is not None else None
    d_names, f_names = block_names(d), block_names(f)
    pairs = [_pair(m, d, f, d_names, f_names, en) for m in compare(d, f)]
    ter, chrf = _totals(pairs)
    return Revision(
        d,
        f,
        tuple(pairs),
        ter,
        chrf,
        _signature(d, f),
        english="" if en is None else en[0],
        name=name,
    )


def _check_versions(draft: Document, final: Document) -> None:
    if draft.lang is not final.lang:
        raise MismatchError(
            f"{draft.path}: is {draft.lang.name_en} and {final.path} is {final.lang.name_en}: "
            "a revision compares two versions in one language"
        )
    lang = final.lang
    a: Counter[str] = Counter()
    b: Counter[str] = Counter()
    for block in draft.blocks:
        a.update(shingles(block.body, lang))
    for block in final.blocks:
        b.update(shingles(block.body, lang))
    similarity = dice(a, b)
    if similarity < SAME_DOCUMENT:
        raise MismatchError(
            f"{draft.path} and {final.path}: share {similarity:.0%} of their text "
            f"(versions of one document share more than {SAME_DOCUMENT:.0%}): "
            "they look like different documents"
        )


# an English original, as (its path, per draft block and per final block its English text)
_English = tuple[str, dict[int, str], dict[int, str]]


def _english_of(draft: Document, final: Document, english: Path | str | Document) -> _English:
    """The English original aligned with both versions, so that each pair, even a
    deleted one, shows the English it renders."""
    if final.lang is not Lang.ZH:
        raise MismatchError(
            f"{final.path}: is English: the English original (--en) is for comparing "
            "two versions of a Chinese translation"
        )
    en = english if isinstance(english, Document) else read_document(english)
    out: list[dict[int, str]] = []
    for version in (draft, final):
        zh, en = checked_languages(version, en)
        alignment = align_documents(zh, en)
        by_block: dict[int, str] = {}
        for p in alignment.pairs:
            if p.zh and p.en:
                text = alignment.text(p, Lang.EN)
                for i in p.zh:
                    by_block[i] = text
        out.append(by_block)
    return en.name, out[0], out[1]


def _pair(
    m: Match,
    draft: Document,
    final: Document,
    d_names: list[str],
    f_names: list[str],
    english: _English | None,
) -> RevisedPair:
    lang = final.lang
    renumbered = _numbered(m.draft, draft) and _numbered(m.final, final)
    d_text, f_text = _text(m.draft, draft, renumbered), _text(m.final, final, renumbered)
    change = Change.EDITED if m.change is Change.UNCHANGED and d_text != f_text else m.change
    typography = (
        change in (Change.EDITED, Change.MOVED)
        and d_text != f_text
        and diff.typographic_form(d_text, lang) == diff.typographic_form(f_text, lang)
    )
    measured = scores.pair_scores(d_text, f_text)
    return RevisedPair(
        change,
        m.draft,
        m.final,
        "+".join(d_names[i] for i in m.draft),
        "+".join(f_names[i] for i in m.final),
        d_text,
        f_text,
        diff.edits(d_text, f_text, lang),
        measured.ter,
        measured.ter_edits,
        measured.ref_length,
        measured.chrf,
        typography,
        renumbered and draft.blocks[m.draft[0]].key != final.blocks[m.final[0]].key,
        _english_for(m, english) if english is not None else "",
    )


def _numbered(blocks: tuple[int, ...], doc: Document) -> bool:
    return bool(blocks) and doc.blocks[blocks[0]].body != doc.blocks[blocks[0]].text


def _text(blocks: tuple[int, ...], doc: Document, without_numbers: bool) -> str:
    """One side's text. Where both sides are numbered paragraphs, without the numbers:
    a number is the paragraph's key, not what it says, and renumbering after a deletion
    should not make every later paragraph an edited one (the pair is marked renumbered)."""
    return BREAK.join(doc.blocks[i].body if without_numbers else doc.blocks[i].text for i in blocks)


def _english_for(m: Match, english: _English) -> str:
    _, by_draft, by_final = english
    texts = [by_final[i] for i in m.final if i in by_final] or [by_draft[i] for i in m.draft if i in by_draft]
    return " ".join(dict.fromkeys(texts))  # a split pair's blocks may share one English paragraph


def _signature(draft: Document, final: Document) -> Signature:
    inputs = (draft.input("draft"), final.input("final"))
    return Signature("revision", scores.settings(), inputs, library_versions("sacrebleu"))


def pair_folders(drafts: Path, finals: Path) -> tuple[list[tuple[str, Path, Path]], list[Failure]]:
    """Drafts and finals paired by name: the same path below each folder, whatever the
    extension (`drafts/A_RES_77_173.docx` with `finals/A_RES_77_173.md`); a file with no
    partner, or two that claim one name, is a failure."""
    found: list[dict[str, list[Path]]] = []
    for folder in (drafts, finals):
        by_name: dict[str, list[Path]] = {}
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not any(part.startswith(".") for part in path.relative_to(folder).parts):
                by_name.setdefault(path.relative_to(folder).with_suffix("").as_posix(), []).append(path)
        found.append(by_name)
    pairs: list[tuple[str, Path, Path]] = []
    failures: list[Failure] = []
    for name in sorted(found[0].keys() | found[1].keys()):
        d, f = found[0].get(name, []), found[1].get(name, [])
        if len(d) > 1 or len(f) > 1:
            both = ", ".join(str(p) for p in d + f)
            failures.append(Failure(name, f"{both}: more than one file with this name"))
        elif not d:
            failures.append(Failure(name, f"{f[0]}: no draft of this name in {drafts}"))
        elif not f:
            failures.append(Failure(name, f"{d[0]}: no final version of this name in {finals}"))
        else:
            pairs.append((name, d[0], f[0]))
    return pairs, failures


def revise_folders(drafts: Path, finals: Path, *, english: Path | None = None) -> Corpus:
    """Every draft in one folder against the final of the same name in another (and the
    English original of that name in `english`, where there is one); a document that
    cannot be compared is a failure, and the others are done."""
    pairs, failures = pair_folders(drafts, finals)
    revisions: list[Revision] = []
    for name, d, f in pairs:
        en = _named(english, name) if english is not None else None
        try:
            revisions.append(revise(d, f, english=en, name=name))
        except UntermError as err:
            failures.append(Failure(name, str(err)))
    ter, chrf = _totals([p for r in revisions for p in r.pairs])
    folders = (Input("drafts", file_name(str(drafts))), Input("finals", file_name(str(finals))))
    signature = Signature("revision", scores.settings(), folders, library_versions("sacrebleu"))
    return Corpus(tuple(revisions), tuple(sorted(failures, key=lambda x: x.name)), ter, chrf, signature)


def _totals(pairs: list[RevisedPair]) -> tuple[float, float]:
    measured = [scores.Scores(p.ter, p.ter_edits, p.ter_length, p.chrf) for p in pairs]
    return scores.document_scores(measured, [p.draft_text for p in pairs], [p.final_text for p in pairs])


def _named(folder: Path, name: str) -> Path | None:
    return next((p for p in sorted(folder.glob(f"{name}.*")) if p.is_file()), None)
