"""What QA reports on untouched official pairs: findings per check, per corpus.

Every bundled pair as it was published (A/RES/77/173 as Markdown and as PDF text, the
UDHR, the first paragraphs of GA 55/100, the SDG goals, targets and indicators, the UN
Charter's chapters I-III in the three forms a translator gets them: the site's Markdown,
text copied from the web page and the saved HTML) and the 732 documents of the UNPC v1.0
development set (their sentence pairs put back into documents by their ids, one a line,
as bench.term_recall groups them). A finding on such a pair is either a true difference
between the published versions or a false alarm: `--list` prints every error so that
each can be judged.

usage: python -m bench.qa_false_rate [--list] [--no-unpc] [--severity error|warning|info]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections import Counter
from pathlib import Path

from bench.term_recall import devset_documents
from tests.support.corpora import ARES, CHARTER, CORPORA, PDF_TEXT
from tests.support.meaning_faults import real_pairs
from tests.support.web import charter_html, charter_markdown, charter_web_text
from unterm.align.paragraphs import align_files
from unterm.qa.model import Finding, Severity
from unterm.qa.run import run_checks


def bundled(folder: Path) -> dict[str, tuple[Path, Path]]:
    """The bundled official pairs, written into `folder` where they need rendering."""
    out = {
        "A/RES/77/173": (ARES / "zh.md", ARES / "en.md"),
        "A/RES/77/173 PDF text": (PDF_TEXT / "zh.pdftotext.txt", PDF_TEXT / "en.pdftotext.txt"),
        "GA 55/100": (
            CORPORA / "un_ga_55_100_sample" / "UN.en-zh.zh",
            CORPORA / "un_ga_55_100_sample" / "UN.en-zh.en",
        ),
    }
    out.update(real_pairs(folder))
    for form, render, ext in (
        ("Markdown", charter_markdown, "md"),
        ("web text", charter_web_text, "txt"),
        ("HTML", charter_html, "html"),
    ):
        paths = []
        for side in ("zh", "en"):
            path = folder / f"charter.{form.replace(' ', '_')}.{side}.{ext}"
            path.write_text(render(CHARTER, side), encoding="utf-8")
            paths.append(path)
        out[f"Charter I-III {form}"] = (paths[0], paths[1])
    return out


def unpc(folder: Path) -> dict[str, tuple[Path, Path]]:
    """The UNPC dev documents, one sentence a line on each side."""
    out = {}
    for symbol, rows in devset_documents().items():
        target = folder / symbol.replace("/", "_")
        target.mkdir(parents=True)
        (target / "zh.txt").write_text("\n".join(z for z, _ in rows) + "\n", encoding="utf-8")
        (target / "en.txt").write_text("\n".join(e for _, e in rows) + "\n", encoding="utf-8")
        out[symbol] = (target / "zh.txt", target / "en.txt")
    return out


def findings(pair: tuple[Path, Path]) -> list[Finding]:
    return list(run_checks(align_files(*pair)).findings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--list", action="store_true", help="print every finding at the severity")
    parser.add_argument("--no-unpc", action="store_true", help="leave out the UNPC documents")
    parser.add_argument("--severity", default="error", choices=[s.value for s in Severity])
    args = parser.parse_args()
    least = Severity(args.severity)
    with tempfile.TemporaryDirectory() as tmp:
        corpora: dict[str, dict[str, tuple[Path, Path]]] = {
            name: {name: pair} for name, pair in bundled(Path(tmp)).items()
        }
        if not args.no_unpc:
            corpora["UNPC dev (732 documents)"] = unpc(Path(tmp) / "unpc")
        totals: Counter[str] = Counter()
        start = time.perf_counter()
        for corpus, pairs in corpora.items():
            counts: Counter[str] = Counter()
            listed = []
            for name, pair in pairs.items():
                for f in findings(pair):
                    if f.severity.at_least(least):
                        counts[f.check] += 1
                        listed.append((name, f))
            totals.update(counts)
            shown = ", ".join(f"{c} {n}" for c, n in sorted(counts.items())) or "none"
            print(f"{corpus}: {sum(counts.values())} ({shown})")
            if args.list:
                for name, f in listed:
                    print(f"    {name} | {f.check} | {f.zh_key} | {f.en_key} | {f.message}")
        print(f"total at {least.value} or worse: {sum(totals.values())} ({dict(sorted(totals.items()))})")
        print(f"{time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    main()
