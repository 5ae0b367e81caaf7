"""Functions with the same name mean the same thing (issue 10): ``check_*`` refuses (raises)
and returns at most a by-product (whether a path exists, notes), ``*_problems`` returns the
list of problems, ``*_problem`` one reason or None (or reports it and returns nothing). Read
from the source, not imported."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "annotator"


def _functions() -> list[tuple[str, str, str]]:
    """``(where, name, return annotation)`` of every function and method of the package."""
    found = []
    for path in sorted(ROOT.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                returns = ast.unparse(node.returns) if node.returns is not None else ""
                where = f"{path.relative_to(ROOT.parent)}:{node.lineno}"
                found.append((where, node.name, returns))
    return found


def test_the_source_has_functions_of_each_kind() -> None:
    names = {name for _where, name, _returns in _functions()}
    assert "check_backup" in names
    assert "record_problems" in names
    assert "span_problem" in names


def test_check_functions_refuse_instead_of_listing_problems() -> None:
    listing = [f"{where} {name} -> {returns}" for where, name, returns in _functions()
               if name.lstrip("_").startswith("check_")
               and returns not in ("None", "bool", "list[str]")]
    assert listing == []
    # ``list[str]`` is allowed only for notes returned beside a refusal: one such function.
    notes = [name for _where, name, returns in _functions()
             if name.lstrip("_").startswith("check_") and returns == "list[str]"]
    assert notes == ["_check_controls"]


def test_problems_functions_return_lists_and_problem_functions_one_reason() -> None:
    wrong = []
    for where, name, returns in _functions():
        if name.endswith("_problems") and not returns.startswith("list["):
            wrong.append(f"{where} {name} -> {returns}")
        if name.endswith("_problem") and returns not in ("str | None", "None"):
            wrong.append(f"{where} {name} -> {returns}")
    assert wrong == []
