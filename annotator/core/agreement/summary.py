"""The headline figures of an agreement result as rows (layer, figure, who, value, counts):
one list shared by the terminal table, report.md and report.html."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Row:
    layer: str
    figure: str
    who: str
    value: float | None
    counts: str
    empty: bool = False
    """Nothing to compare (no units, or neither annotator has an item)."""

    @property
    def shown(self) -> str:
        """The value with three decimals, ``n/a`` when undefined."""
        return "n/a" if self.value is None else f"{self.value:.3f}"


def _prf(layer: str, figure: str, who: str, found: dict[str, Any]) -> Row:
    micro = found.get("micro", found)
    return Row(layer, figure, who, micro["f1"],
               f"tp {micro['tp']}, fp {micro['fp']}, fn {micro['fn']}",
               not (micro["tp"] or micro["fp"] or micro["fn"]))


def _stat(layer: str, figure: str, who: str, found: dict[str, Any] | None) -> Iterator[Row]:
    if found is not None:
        yield Row(layer, figure, who, found["value"],
                  f"{found['units']} units, {found['categories']} values", not found["units"])


def _entities(data: dict[str, Any]) -> Iterator[Row]:
    for who, pair in data["pairs"].items():
        yield _prf("entities", "span F1 exact", who, pair["exact"])
        yield _prf("entities", "span F1 overlap", who, pair["overlap"])
        labels = len(pair["overlap"]["per_label"])
        yield Row("entities", "macro F1 overlap", who, pair["overlap"]["macro_f1"],
                  f"{labels} labels, {pair['documents']} documents", not labels)
    everyone = "all"
    for level in data["token_levels"]:
        n = level["level"]
        for who, found in level["cohen_kappa"].items():
            yield from _stat("entities", f"token Cohen kappa, level {n}", who, found)
        yield from _stat("entities", f"token Fleiss kappa, level {n}", everyone,
                         level["fleiss_kappa"])
        yield from _stat("entities", f"token Krippendorff alpha, level {n}", everyone,
                         level["krippendorff_alpha"])


def _quotes(data: dict[str, Any]) -> Iterator[Row]:
    for who, pair in data["pairs"].items():
        yield _prf("quotes", "content F1 exact", who, pair["content"]["exact"])
        yield _prf("quotes", "content F1 overlap", who, pair["content"]["overlap"])
        yield _prf("quotes", "cue F1 overlap", who, pair["cue"]["overlap"])
        yield from _stat("quotes", "kind kappa (matched)", who, pair["kind_kappa"])
        speaker = pair["speaker_agreement"]
        yield Row("quotes", "same speaker (matched)", who, speaker["value"],
                  f"{speaker['agreed']} of {speaker['units']}", not speaker["units"])


def _events(data: dict[str, Any]) -> Iterator[Row]:
    for who, pair in data["pairs"].items():
        yield _prf("events", "trigger F1 exact", who, pair["trigger"]["exact"])
        yield _prf("events", "trigger F1 overlap", who, pair["trigger"]["overlap"])
        yield _prf("events", "trigger+type F1 overlap", who, pair["typed_trigger"]["overlap"])
        yield from _stat("events", "type agreement (matched)", who, pair["type_agreement"])
        yield from _stat("events", "type kappa (matched)", who, pair["type_kappa"])
        yield _prf("events", "argument F1 overlap", who, pair["arguments"]["overlap"])


def _stances(data: dict[str, Any]) -> Iterator[Row]:
    for who, pair in data["pairs"].items():
        yield _prf("stances", "holder/target F1 exact", who, pair["holder_target"]["exact"])
        yield _prf("stances", "holder/target F1 overlap", who,
                   pair["holder_target"]["overlap"])
        yield from _stat("stances", "label kappa (matched)", who, pair["label_kappa"])


def _labels(data: dict[str, Any]) -> Iterator[Row]:
    for key, found in data["labels"].items():
        for who, kappa in found["cohen_kappa"].items():
            yield from _stat("labels", f"{key}: Cohen kappa", who, kappa)
        yield from _stat("labels", f"{key}: Fleiss kappa", "all", found["fleiss_kappa"])
        yield from _stat("labels", f"{key}: Krippendorff alpha", "all",
                         found["krippendorff_alpha"])


_LAYERS = {"entities": _entities, "quotes": _quotes, "events": _events, "stances": _stances,
           "labels": _labels}


def summary_rows(data: dict[str, Any], *, empty: bool = False) -> list[Row]:
    """The rows of ``AgreementResult.to_dict()``, layer by layer; with ``empty`` also the
    ones with nothing to compare."""
    rows: list[Row] = []
    for layer, found in data["layers"].items():
        rows.extend(row for row in _LAYERS[layer](found) if empty or not row.empty)
    return rows


def empty_layers(data: dict[str, Any]) -> list[str]:
    """The layers with nothing to compare at all."""
    return [layer for layer, found in data["layers"].items()
            if all(row.empty for row in _LAYERS[layer](found))]
