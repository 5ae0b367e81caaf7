"""``annotator recommend train|evaluate|status``: the recommender (issue 16), a thin caller
of :mod:`annotator.core.recommend`. ``annotator preannotate --model`` lives with
``preannotate`` (:mod:`annotator.cli.commands`) and calls :func:`model_preannotation`."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import click

from annotator.cli.common import annotator_option, echo, echo_json, open_project
from annotator.cli.errors import user_errors

LAYER_CHOICE = click.Choice(["entities", "events"])


@contextmanager
def recommender_errors() -> Iterator[None]:
    """The recommender's refusals (python-crfsuite missing, too few documents, no model)
    as one-line usage errors."""
    from annotator.core.recommend.model_store import RecommenderUnavailableError

    try:
        yield
    except (RecommenderUnavailableError, LookupError, ValueError) as error:
        raise click.ClickException(str(error)) from None


def _figure(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _score_lines(title: str, scores: dict[str, Any]) -> list[str]:
    lines = [f"{title}\tlabel\tprecision\trecall\tf1\ttp\tfp\tfn"]
    rows = [*scores["per_label"].items(), ("micro", scores["micro"])]
    for label, c in rows:
        lines.append(f"{title}\t{label}\t{_figure(c['precision'])}\t{_figure(c['recall'])}"
                     f"\t{_figure(c['f1'])}\t{c['tp']}\t{c['fp']}\t{c['fn']}")
    return lines


@click.group("recommend")
def recommend_group() -> None:
    """Model-assisted annotation: train a CRF on the documents marked done, evaluate it,
    see how its suggestions are received (needs python-crfsuite: the 'recommend' extra)."""


@recommend_group.command("train")
@click.argument("project", type=click.Path(dir_okay=False))
@click.option("--layer", "kind", type=LAYER_CHOICE, default="entities", show_default=True,
              help="What to learn: entities, or event triggers with their event type.")
@click.option("--min-docs", type=click.IntRange(min=1), default=5, show_default=True,
              help="Refuse to train on fewer documents marked done.")
@annotator_option("Whose done documents to learn from (the curated layer when there is one)")
@user_errors
def train_command(project: str, kind: str, min_docs: int, annotator: str | None) -> None:
    """Train the recommender on the documents marked done (the curated layer's when a
    curator curated any) and store it with the project, versioned by the data it saw."""
    from annotator.core.recommend.training import train

    with recommender_errors(), open_project(project, annotator=annotator) as proj:
        result = train(proj, kind, min_docs=min_docs)
    echo(f"trained {kind} model {result.version} on {result.documents} document(s)"
         f" of {result.layer}'s layer")
    for level, spans in enumerate(result.spans_per_level, 1):
        echo(f"level {level}\t{spans} span(s)")
    echo("labels\t" + " ".join(result.labels))


@recommend_group.command("evaluate")
@click.argument("project", type=click.Path(dir_okay=False))
@click.option("--layer", "kind", type=LAYER_CHOICE, default="entities", show_default=True)
@click.option("--folds", type=click.IntRange(min=2), default=None,
              help="K-fold cross-validation instead of the fixed held-out split.")
@click.option("--json", "as_json", is_flag=True, help="Print every figure as JSON.")
@annotator_option("Whose done documents to evaluate on")
@user_errors
def evaluate_command(project: str, kind: str, folds: int | None, as_json: bool,
                     annotator: str | None) -> None:
    """Precision, recall and F1 per label on held-out done documents (a fixed split, or
    --folds K), beside the gazetteer pre-annotation on the same documents."""
    from annotator.core.recommend.evaluate import evaluate

    with recommender_errors(), open_project(project, readonly=True,
                                            annotator=annotator) as proj:
        result = evaluate(proj, kind, folds=folds)
    figures = result.to_dict()
    if as_json:
        echo_json(figures)
        return
    echo(f"{result.documents} document(s) of {result.layer}'s layer, {result.folds}"
         f" split(s), {result.held_out} held out (exact span and label)")
    for line in _score_lines("model", figures["model"]):
        echo(line)
    if figures["gazetteer"] is not None:
        for line in _score_lines("gazetteer", figures["gazetteer"]):
            echo(line)


@recommend_group.command("status")
@click.argument("project", type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@user_errors
def status_command(project: str, as_json: bool) -> None:
    """The stored models and the suggestions accepted and rejected per label (the
    recommender's precision as the annotators experience it)."""
    from annotator.core.recommend.model_store import KINDS

    with open_project(project, readonly=True) as proj:
        models = {kind: [{"level": m.level, "version": m.version, "layer": m.layer,
                          "documents": m.documents, "labels": list(m.labels),
                          "created": m.created} for m in proj.models(kind)]
                  for kind in KINDS}
        reviews = proj.review_counts()
        sources = proj.suggestion_sources()
    if as_json:
        echo_json({"models": models, "reviews": reviews,
                   "imported": [dataclasses.asdict(s) for s in sources]})
        return
    for kind, levels in models.items():
        for m in levels:
            echo(f"model\t{kind}\tlevel {m['level']}\t{m['version']}\t{m['documents']}"
                 f" document(s) of {m['layer']}\t{m['created']}")
        if not levels:
            echo(f"model\t{kind}\tnone (annotator recommend train)")
    for label, counts in sorted(reviews.items()):
        seen = counts["accepted"] + counts["rejected"]
        echo(f"reviews\t{label}\taccepted {counts['accepted']}\trejected {counts['rejected']}"
             f"\tprecision {_figure(counts['accepted'] / seen if seen else None)}")
    for line in source_lines(sources):
        echo(line)


def source_lines(sources: list[Any]) -> list[str]:
    """``imported`` lines: each imported suggestion source (issue 18) with its stored
    suggestions and its reviews."""
    lines = []
    for s in sources:
        seen = s.accepted + s.rejected
        lines.append(f"imported\t{s.kind}\t{s.source}\t{s.suggestions} suggestion(s) in"
                     f" {s.documents} document(s)\taccepted {s.accepted}\trejected"
                     f" {s.rejected}\tprecision {_figure(s.accepted / seen if seen else None)}")
    return lines


def model_preannotation(proj: Any, kind: str, statuses: list[str] | None,
                        echo_line: Callable[[str], None]) -> None:
    """``preannotate --model``: store suggestions for the documents still to do."""
    from annotator.core.recommend.suggest import preannotate_with_model

    with recommender_errors():
        added: Counter[str] = preannotate_with_model(proj, kind, statuses)
    for label, count in sorted(added.items()):
        echo_line(f"{label}\t{count}")
    total = sum(added.values())
    echo_line(f"stored {total} suggestion(s): accept or reject them in the app")
    for line in source_lines(proj.suggestion_sources(kind)):
        echo_line(line + " (kept beside the model's)")


COMMANDS: list[click.Command] = [recommend_group]
"""The commands of this module, for ``annotator.cli.commands.ALL``."""
