"""Hypothesis fuzzing of the importers and the schema loader, bounded for CI
(``ANNOTATOR_FUZZ_EXAMPLES`` per test, default 120): whatever the bytes, the pipeline returns
problems (``InputError``/``SchemaError``), never another exception, and the CLI prints lines,
never a traceback. atheris is not used: it is not a project dependency."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.cli.main import cli
from annotator.core.importing import import_paths
from annotator.core.schema import SchemaError, default_schema_path, parse_schema
from annotator.core.store import Project
from tests.reliability.helpers import make_project

EXAMPLES = int(os.environ.get("ANNOTATOR_FUZZ_EXAMPLES", "120"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

ARABIC = st.text(alphabet=st.sampled_from(list("ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإىة ًٌٍَُِّْـ"
                                                "\u200c\u200d\u200f\U0001F600\n\r\t .،")),
                 max_size=60)
OFFSET = st.one_of(st.integers(-5, 80), st.floats(allow_nan=True), st.none(), st.text(max_size=3))
JSON_VALUE = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=5)),
                          lambda inner: st.lists(inner, max_size=3)
                          | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                          max_leaves=8)


@st.composite
def canonical_line(draw: st.DrawFn) -> str:
    record: dict[str, Any] = {"id": draw(st.text(max_size=4)), "text": draw(ARABIC)}
    record["entities"] = draw(st.lists(st.fixed_dictionaries({
        "id": st.sampled_from(["e1", "e2", 3]), "start": OFFSET, "end": OFFSET,
        "label": st.sampled_from(["PERS", "ORG", "ALIEN", ""])}), max_size=3))
    if draw(st.booleans()):
        record["quotes"] = [{"id": "q1", "content": {"start": draw(OFFSET), "end": draw(OFFSET)},
                             "speaker": draw(st.sampled_from(["e1", "e9", "AUTHOR", None]))}]
    if draw(st.booleans()):
        record[draw(st.sampled_from(["status", "labels", "meta", "events", "stances"]))] = (
            draw(JSON_VALUE))
    line = json.dumps(record, ensure_ascii=draw(st.booleans()))
    cut = draw(st.integers(0, len(line)))
    return line if draw(st.integers(0, 4)) else line[:cut]


@st.composite
def doccano_line(draw: st.DrawFn) -> str:
    spans = draw(st.lists(st.tuples(OFFSET, OFFSET, st.sampled_from(["PERS", "X"])),
                          max_size=3))
    return json.dumps({"text": draw(ARABIC), "label": [list(s) for s in spans]},
                      ensure_ascii=False)


@st.composite
def brat_pair(draw: st.DrawFn) -> tuple[str, str]:
    text = draw(ARABIC)
    lines = draw(st.lists(st.one_of(
        st.builds(lambda n, a, b: f"T{n}\tPERS {a} {b}\tx", st.integers(0, 3), OFFSET, OFFSET),
        st.builds(lambda n, t: f"E{n}\tContact:Meet:T{t} Entity:T1", st.integers(0, 3),
                  st.integers(0, 5)),
        st.builds(lambda n: f"#{n}\tAnnotatorNotes T1\tملاحظة", st.integers(0, 3)),
        st.text(max_size=20)), max_size=5))
    return text, "\n".join(lines)


def _files(kind: str, draw_value: Any) -> dict[str, bytes]:
    if kind == "txt":
        return {"a.txt": draw_value}
    if kind == "brat":
        text, ann = draw_value
        return {"a.txt": text.encode("utf-8", "surrogatepass"),
                "a.ann": ann.encode("utf-8", "surrogatepass")}
    return {"a.jsonl": "\n".join(draw_value).encode("utf-8", "surrogatepass")}


INPUTS = st.one_of(
    st.tuples(st.just("txt"), st.binary(max_size=400)),
    st.tuples(st.just("txt"), ARABIC.map(lambda t: t.encode("utf-8"))),
    st.tuples(st.just("txt"), ARABIC.map(lambda t: t.encode("cp1256", "ignore"))),
    st.tuples(st.just("canonical"), st.lists(canonical_line(), min_size=1, max_size=4)),
    st.tuples(st.just("doccano"), st.lists(doccano_line(), min_size=1, max_size=4)),
    st.tuples(st.just("brat"), brat_pair()),
)


def _project() -> tuple[tempfile.TemporaryDirectory[str], Path]:
    folder = tempfile.TemporaryDirectory()
    path = Path(folder.name) / "p.annotator"
    make_project(path, docs=1)
    return folder, path


def test_importers_never_raise() -> None:
    holder, path = _project()
    with holder, Project.open(path, annotator="fuzz") as project:

        @FUZZ
        @given(INPUTS, st.booleans())
        def run(case: tuple[str, Any], skip_bad: bool) -> None:
            kind, value = case
            with tempfile.TemporaryDirectory() as folder:
                for name, data in _files(kind, value).items():
                    (Path(folder) / name).write_bytes(data)
                fmt = "auto" if kind in ("txt", "brat") else kind
                result = import_paths(project, [folder], fmt=fmt, skip_bad=skip_bad)
                for problem in result.bad:
                    assert "\n" not in str(problem).strip()
            assert not project.conn.in_transaction

        run()
        assert project.validate() == []


def test_cli_import_prints_lines_not_tracebacks() -> None:
    holder, path = _project()
    with holder:

        @settings(FUZZ, max_examples=max(10, EXAMPLES // 4))
        @given(INPUTS)
        def run(case: tuple[str, Any]) -> None:
            kind, value = case
            with tempfile.TemporaryDirectory() as folder:
                for name, data in _files(kind, value).items():
                    (Path(folder) / name).write_bytes(data)
                result = CliRunner().invoke(cli, ["import", "--skip-bad", str(path), folder])
            assert result.exit_code in (0, 1), result.output
            assert result.exception is None or isinstance(result.exception, SystemExit), (
                repr(result.exception))
            assert "Traceback" not in result.output

        run()


DEFAULT_SCHEMA = Path(default_schema_path()).read_text(encoding="utf-8")


@st.composite
def schema_text(draw: st.DrawFn) -> str:
    """The default schema with lines dropped, duplicated or replaced, or random text."""
    lines = DEFAULT_SCHEMA.splitlines()
    for _ in range(draw(st.integers(1, 6))):
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["drop", "dup", "junk", "swap-value"]))
        if action == "drop":
            del lines[i]
        elif action == "dup":
            lines.insert(i, lines[i])
        elif action == "junk":
            lines[i] = draw(st.text(max_size=30))
        elif "=" in lines[i]:
            key = lines[i].split("=", 1)[0]
            lines[i] = f"{key}= {json.dumps(draw(JSON_VALUE))}"
        if not lines:
            break
    return "\n".join(lines)


@FUZZ
@given(st.one_of(schema_text(), st.text(max_size=200)))
def test_schema_loader_raises_only_schema_errors(text: str) -> None:
    problems: list[str] = []
    try:
        parse_schema(text, "fuzz.toml")
    except SchemaError as error:
        problems = [str(problem) for problem in error.problems] or ["<no problem listed>"]
    assert all("\n" not in p.strip() and p != "<no problem listed>" for p in problems)
