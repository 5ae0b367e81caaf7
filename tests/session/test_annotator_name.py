"""Which annotator name the app opens a project as (no Qt)."""

from __future__ import annotations

import pytest

from annotator.ui.session.annotator_name import choose_name, name_problem


def test_the_argument_wins_then_the_environment_then_the_remembered_name() -> None:
    def pick(argument: str | None, stored: str | None, env: str) -> tuple[str | None, str]:
        choice = choose_name(argument, stored, env)
        return choice.name, choice.source

    assert pick("alice", "carol", "bob") == ("alice", "argument")
    assert pick(None, "carol", "bob") == ("bob", "environment")
    assert pick(None, "carol", "") == ("carol", "settings")


def test_nothing_known_means_ask_with_the_login_name_offered(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ANNOTATOR_NAME", raising=False)
    monkeypatch.setattr("getpass.getuser", lambda: "login")
    choice = choose_name(None, None)
    assert (choice.name, choice.source, choice.suggested) == (None, "ask", "login")


@pytest.mark.parametrize("bad", ["", "   ", "x" * 65, "bob\u202e", "a\nb"])
def test_a_name_that_is_no_name_is_refused_and_never_chosen(bad: str) -> None:
    assert name_problem(bad) is not None
    assert choose_name(bad, None, bad).source == "ask"


def test_names_are_kept_as_typed_less_the_outer_spaces() -> None:
    assert name_problem("سارة") is None
    assert choose_name("  سارة ", None, "").name == "سارة"
