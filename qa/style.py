"""House style: what the checks take as right where the document alone cannot say.

By default the checks flag inconsistency within a document rather than impose a style:
if most numbers are written `2030 年`, the few `2030年` are flagged, and the reverse. A
TOML file can set the style instead:

    [typography]
    cjk-digit-spacing = "none"          # "none" (2030年), "space" (2030 年) or "consistent"
    halfwidth-punctuation = "full-width" # "full-width": always flag `,` after Chinese; or "consistent"

    [suspicious]
    low-confidence = 0.5                # flag pairs the aligner is less sure of than this
    latin-run = 6                       # flag this many Latin words in a row in the Chinese

    [checks]
    disable = ["typography.double-space"]

    [severity]
    "terms.inconsistent" = "info"
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from unterm.errors import FormatError, InputError
from unterm.qa.model import CHECKS, Severity

_SPACING = ("consistent", "none", "space")
_HALFWIDTH = ("consistent", "full-width")


@dataclass(frozen=True, slots=True)
class HouseStyle:
    cjk_digit_spacing: str = "consistent"
    halfwidth_punctuation: str = "consistent"
    low_confidence: float = 0.5
    latin_run: int = 6
    disabled: frozenset[str] = field(default=frozenset())
    severity: tuple[tuple[str, Severity], ...] = ()

    def describe(self) -> str:
        parts = [
            f"spacing between Chinese and digits: {self.cjk_digit_spacing}",
            f"half-width punctuation: {self.halfwidth_punctuation}",
            f"low confidence below {self.low_confidence:g}",
        ]
        if self.disabled:
            parts.append("disabled: " + ", ".join(sorted(self.disabled)))
        return "; ".join(parts)


DEFAULT_STYLE = HouseStyle()


def read_style(path: Path) -> HouseStyle:
    """A house style from a TOML file; an unknown section, key or value is an error that
    names the file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"{path}: cannot be read ({e})") from None
    except tomllib.TOMLDecodeError as e:
        raise FormatError(f"{path}: is not valid TOML ({e})") from None
    allowed = {
        "typography": {"cjk-digit-spacing", "halfwidth-punctuation"},
        "suspicious": {"low-confidence", "latin-run"},
        "checks": {"disable"},
        "severity": set(CHECKS),
    }

    def section(name: str) -> dict[str, Any]:
        value = data.get(name, {})
        if not isinstance(value, dict):
            raise FormatError(f"{path}: [{name}] must be a table")
        unknown = sorted(set(value) - allowed[name])
        if unknown:
            raise FormatError(f"{path}: unknown key(s) in [{name}]: {', '.join(unknown)}")
        return value

    unknown_sections = sorted(set(data) - set(allowed))
    if unknown_sections:
        raise FormatError(f"{path}: unknown section(s): {', '.join(unknown_sections)}")
    typo, susp, checks, sev = (section(n) for n in ("typography", "suspicious", "checks", "severity"))

    def choice(value: Any, options: tuple[str, ...], key: str) -> str:
        if value not in options:
            raise FormatError(f"{path}: {key} must be one of {', '.join(options)}, not {value!r}")
        return str(value)

    disabled = checks.get("disable", [])
    if not isinstance(disabled, list) or any(d not in CHECKS for d in disabled):
        raise FormatError(f"{path}: [checks] disable must list check ids from: {', '.join(CHECKS)}")
    severities = []
    for check, value in sev.items():
        severities.append((check, Severity(choice(value, tuple(s.value for s in Severity), check))))
    low = susp.get("low-confidence", 0.5)
    run = susp.get("latin-run", 6)
    if not isinstance(low, int | float) or not 0 <= low <= 1:
        raise FormatError(f"{path}: low-confidence must be a number from 0 to 1")
    if not isinstance(run, int) or run < 2:
        raise FormatError(f"{path}: latin-run must be a whole number of at least 2")
    return HouseStyle(
        cjk_digit_spacing=choice(typo.get("cjk-digit-spacing", "consistent"), _SPACING, "cjk-digit-spacing"),
        halfwidth_punctuation=choice(
            typo.get("halfwidth-punctuation", "consistent"), _HALFWIDTH, "halfwidth-punctuation"
        ),
        low_confidence=float(low),
        latin_run=run,
        disabled=frozenset(disabled),
        severity=tuple(severities),
    )
