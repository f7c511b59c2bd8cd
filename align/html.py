"""A side-by-side page a reviser reads in a browser: one self-contained HTML file.

Each pair is a row: paragraph key and kind, the Chinese, the English, and the
confidence, whose tooltip lists the evidence. Pairs below 0.5 confidence are marked
and pairs with one side only are shaded; a checkbox hides the rest. No network fetches.
"""

from __future__ import annotations

from html import escape as html_escape
from typing import BinaryIO

from unterm.align.model import Alignment
from unterm.align.rows import LOW_CONFIDENCE, signature, summarise
from unterm.lang.text import xml_safe

_CSS = """
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d232a;background:#f6f7f9}
header{padding:1rem 1.5rem;background:#0b4f8a;color:#fff}
header h1{margin:0 0 .3rem;font-size:1.3rem}
header p{margin:.2rem 0;font-size:.9rem}
.legend{display:flex;gap:1rem;flex-wrap:wrap;padding:.6rem 1.5rem;background:#fff;border-bottom:1px solid #d5dae0;
  font-size:.85rem;position:sticky;top:0;z-index:1}
.legend span{padding:.1rem .5rem;border-radius:3px}
table{border-collapse:collapse;width:100%;background:#fff;table-layout:fixed}
th,td{border-bottom:1px solid #e3e7eb;padding:.45rem .6rem;vertical-align:top;text-align:left}
th{background:#eef1f4;font-size:.85rem}
col.n{width:3.5rem}col.key{width:8rem}col.score{width:7.5rem}
td{overflow-wrap:anywhere}
td.zh{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif;line-height:1.7}
td.en{line-height:1.5}
td.key{font-size:.8rem;color:#4a5561}
td.key b{display:block;font-size:.95rem;color:#1d232a}
td.score{font-variant-numeric:tabular-nums;cursor:help}
tr.low{background:#fff4e0}tr.low td.score{color:#a34a00;font-weight:bold}
tr.gap{background:#f0f0f0}tr.gap td.missing{color:#8a949e;font-style:italic}
tr.footnote td{font-size:.9rem;background:#fafbfc}
.only-attention tr.ok{display:none}
footer{padding:1rem 1.5rem;font-size:.75rem;color:#5b6672}
.low-key{background:#fff4e0}.gap-key{background:#f0f0f0}
"""

_JS = (
    "document.getElementById('attention').addEventListener('change',function(e){"
    "document.getElementById('pairs').classList.toggle('only-attention',e.target.checked);});"
)


def escape(text: str) -> str:
    """Text as HTML shows it: escaped, without the characters no document may hold."""
    return html_escape(xml_safe(text))


def html_page(alignment: Alignment) -> str:
    """The alignment as a self-contained HTML page."""
    summary = summarise(alignment)
    title = alignment.symbol or f"{alignment.zh.path} / {alignment.en.path}"
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}: Chinese–English alignment</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<header><h1>{escape(title)}: Chinese–English alignment</h1>",
        f"<p>中文 <code>{escape(alignment.zh.path)}</code> · English <code>{escape(alignment.en.path)}</code></p>",
        f"<p>{escape(str(summary).split('; lowest')[0])}</p></header>",
        '<div class="legend"><label><input type="checkbox" id="attention"> show only pairs that need a look</label>',
        f'<span class="low-key">confidence below {LOW_CONFIDENCE}</span>',
        '<span class="gap-key">no counterpart found</span>',
        "<span>hover a confidence for its evidence</span></div>",
        '<table id="pairs"><colgroup><col class="n"><col class="key"><col><col><col class="score"></colgroup>',
        '<thead><tr><th>#</th><th>key · kind</th><th lang="zh-CN">中文</th><th>English</th><th>confidence</th></tr></thead><tbody>',
    ]
    for n, (pair, row) in enumerate(zip(alignment.pairs, alignment.rows(), strict=True), start=1):
        gap = not (pair.zh and pair.en)
        low = not gap and row.score < LOW_CONFIDENCE
        classes = ["gap" if gap else "low" if low else "ok", row.kind]
        evidence = "; ".join(pair.evidence)
        if gap:
            evidence = f"confidence that this has no counterpart; {evidence}"

        def cell(text: str, lang: str) -> str:
            if not text:
                return f'<td class="{lang} missing">no counterpart</td>'
            return f'<td class="{lang}" lang="{"zh-CN" if lang == "zh" else "en"}">{escape(text)}</td>'

        out.append(
            f'<tr id="p{n}" class="{" ".join(classes)}"><td>{n}</td>'
            f'<td class="key"><b>{escape(row.key)}</b>{escape(row.kind)} · {pair.link}'
            + (f" · sentence {row.sentence}" if row.sentence else "")
            + "</td>"
            f"{cell(row.zh, 'zh')}{cell(row.en, 'en')}"
            f'<td class="score" title="{escape(evidence)}">{row.score:.2f}</td></tr>'
        )
    out += [
        "</tbody></table>",
        f"<footer>Made by {escape(signature(alignment))}</footer>",
        f"<script>{_JS}</script></body></html>",
    ]
    return "\n".join(out) + "\n"


def write_html(alignment: Alignment, out: BinaryIO) -> None:
    out.write(html_page(alignment).encode("utf-8"))
