"""ISO Schematron validation: the schema compiled to XSLT 3.0 here, run by Saxon (saxonche).

The TBX-Basic constraints are Schematron with the XSLT 2 query binding, which lxml's
Schematron refuses. SchXslt, the usual compiler, is published only where this project's
build machines cannot reach (Maven Central), so this module compiles the part of ISO
Schematron (ISO/IEC 19757-3) that such schemas use: `ns`, `let`, `pattern`, `rule`,
`assert`, `report`, and `value-of`/`name` in messages. Each pattern becomes an XSLT mode
that visits every element and attribute; a pattern's rules become templates of
decreasing priority, so that a node is handled by the first rule whose context matches
it, as the standard asks. Anything else (phases, abstract patterns, includes) is
refused with a FormatError rather than silently skipped.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

import regex
from lxml import etree

from unterm.errors import FormatError

SCH = "http://purl.oclc.org/dsdl/schematron"
SVRL = "http://purl.oclc.org/dsdl/svrl"
_UNSUPPORTED = ("phase", "include", "extends", "param", "diagnostics", "properties")


@dataclass(frozen=True, slots=True)
class Failure:
    """A failed assertion or a successful report: where, and what it says."""

    location: str
    test: str
    message: str
    kind: str  # "assert" or "report"

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


def compile_schematron(schema: etree._Element) -> str:
    """The XSLT 3.0 stylesheet that validates against a Schematron schema, as text."""
    for el in schema.iter(f"{{{SCH}}}*"):
        name = etree.QName(el).localname
        if name in _UNSUPPORTED or el.get("abstract") == "true" or el.get("is-a"):
            raise FormatError(f"Schematron feature <{name}> is not supported by unterm's compiler")
    binding = schema.get("queryBinding", "xslt2")
    if binding not in ("xslt2", "xslt3", "xpath2", "xpath31"):
        raise FormatError(f"Schematron query binding {binding!r} is not supported (xslt2 or xslt3)")
    namespaces = {ns.get("prefix"): ns.get("uri") for ns in schema.iter(f"{{{SCH}}}ns")}
    declarations = " ".join(f'xmlns:{p}="{u}"' for p, u in namespaces.items())
    out = [
        '<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" '
        f'xmlns:svrl="{SVRL}" {declarations} exclude-result-prefixes="#all">',
        '<xsl:output method="xml" indent="no"/>',
    ]
    out += [_variable(v) for v in schema.findall(f"{{{SCH}}}let")]
    patterns = schema.findall(f"{{{SCH}}}pattern")
    out.append('<xsl:template match="/"><svrl:schematron-output>')
    out += [f'<xsl:apply-templates select="/" mode="p{i}"/>' for i in range(len(patterns))]
    out.append("</svrl:schematron-output></xsl:template>")
    for i, pattern in enumerate(patterns):
        rules = pattern.findall(f"{{{SCH}}}rule")
        for r, rule in enumerate(rules):
            context = rule.get("context")
            if not context:
                raise FormatError(f"Schematron rule without a context in pattern {pattern.get('id') or i}")
            out.append(f'<xsl:template match={quoteattr(context)} mode="p{i}" priority="{len(rules) - r}">')
            out += [_variable(v) for v in rule.findall(f"{{{SCH}}}let")]
            for check in rule:
                kind = etree.QName(check).localname if isinstance(check.tag, str) else ""
                if kind in ("assert", "report"):
                    out.append(_check(check, kind))
            out.append(f'<xsl:apply-templates select="@*|node()" mode="p{i}"/></xsl:template>')
        out.append(
            f'<xsl:template match="@*|node()" mode="p{i}" priority="-10">'
            f'<xsl:apply-templates select="@*|node()" mode="p{i}"/></xsl:template>'
        )
    out.append("</xsl:stylesheet>")
    return "\n".join(out)


def _variable(let: etree._Element) -> str:
    return f"<xsl:variable name={quoteattr(let.get('name', ''))} select={quoteattr(let.get('value', '()'))}/>"


def _check(check: etree._Element, kind: str) -> str:
    test = check.get("test", "true()")
    condition = f"not({test})" if kind == "assert" else f"({test})"
    element = "failed-assert" if kind == "assert" else "successful-report"
    return (
        f"<xsl:if test={quoteattr(condition)}>"
        f'<svrl:{element} test={quoteattr(test)} location="{{path()}}"><svrl:text>{_message(check)}</svrl:text>'
        f"</svrl:{element}></xsl:if>"
    )


def _message(check: etree._Element) -> str:
    parts = [_escape(check.text or "")]
    for child in check:
        name = etree.QName(child).localname if isinstance(child.tag, str) else ""
        if name == "value-of":
            parts.append(f"<xsl:value-of select={quoteattr(child.get('select', '.'))}/>")
        elif name == "name":
            parts.append(f"<xsl:value-of select={quoteattr('name(' + child.get('path', '.') + ')')}/>")
        else:
            parts.append(_escape("".join(str(t) for t in child.itertext())))
        parts.append(_escape(child.tail or ""))
    return " ".join("".join(parts).split())


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@cache
def _saxon() -> Any:
    from saxonche import PySaxonProcessor

    return PySaxonProcessor(license=False)


@cache
def _executable(schema_path: str) -> Any:
    schema = etree.parse(schema_path).getroot()
    processor = _saxon().new_xslt30_processor()
    return processor.compile_stylesheet(stylesheet_text=compile_schematron(schema))


def validate(document: bytes, schema_path: Path) -> list[Failure]:
    """The Schematron failures of an XML document (an empty list: valid)."""
    saxon = _saxon()
    node = saxon.parse_xml(xml_text=document.decode("utf-8"))
    report = _executable(str(schema_path)).transform_to_string(xdm_node=node)
    out: list[Failure] = []
    for el in etree.fromstring(report.encode("utf-8")):
        kind = "assert" if etree.QName(el).localname == "failed-assert" else "report"
        text = el.findtext(f"{{{SVRL}}}text") or ""
        location = regex.sub(r"Q\{[^}]*\}", "", el.get("location", ""))
        out.append(Failure(location, el.get("test", ""), " ".join(text.split()), kind))
    return out
