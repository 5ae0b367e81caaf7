"""The recommender's suggestions in the app (issue 16; :mod:`annotator.core.recommend`).

When the project has a trained model of entities (or of event triggers), each opened
document gets its suggestions (stored ones of the model's version, else predicted: a few
tens of milliseconds for a news article, docs/BENCHMARKS.md), less what is annotated and
what the annotator ever rejected there. A long document is predicted part by part: the
first part at once, the others by :meth:`RecommenderActions.suggest_more` while the app is
idle (the window's timer), so opening it never waits for the whole text. They are drawn
dashed (entities ``m0``, ``m1``...; triggers ``t0``, ``t1``... with their event type). Enter
accepts the selected one (an ordinary undoable entity, or an event with that type and
trigger), Delete rejects it (never offered to this annotator again); either way the next one
is selected. One key accepts every suggestion of the selected one's label or type (one
undoable action). Each review is counted per label, the annotator's and the team's, and the
status line says how the label fares.

Suggestions imported from another tool's predictions (Label Studio, issue 18:
:mod:`annotator.core.recommend.imported`) are offered with the model's, even without a
model, and reviewed the same way; their reviews are counted under their source.
"""

from __future__ import annotations

from collections.abc import Callable

from annotator.core.recommend.imported import with_imported
from annotator.core.recommend.model_store import (
    ENTITIES,
    EVENTS,
    Recommender,
    available,
    feature_context,
)
from annotator.core.recommend.suggest import (
    DocumentOffer,
    accept_suggestion,
    offer_suggestions,
    reject_suggestion,
)
from annotator.core.recommend.tags import Labelled
from annotator.core.store.recommender import ACCEPTED, REJECTED
from annotator.ui.actions.base import SessionActions
from annotator.ui.i18n import translate
from annotator.ui.row_text import isolate

PREFIXES = {ENTITIES: "m", EVENTS: "t"}
"""The span-id prefix of each kind's suggestions in the editor."""
KIND_OF = {prefix: kind for kind, prefix in PREFIXES.items()}


class RecommenderActions(SessionActions):
    """Showing, accepting and rejecting the recommender's suggestions."""

    _loaded: dict[str, Recommender] | None = None
    _offers: dict[str, DocumentOffer] | None = None
    _offer_doc: int | None = None

    def recommender(self, kind: str = ENTITIES) -> Recommender | None:
        """The project's model of ``kind`` (loaded again when a newer one was trained), or
        None without a model or without python-crfsuite."""
        if self._loaded is None:
            self._loaded = {}
        version = self.project.model_version(kind)
        if version is None or not available():
            self._loaded.pop(kind, None)
            return None
        found = self._loaded.get(kind)
        if found is None or found.version != version:
            shared = next(iter(self._loaded.values()), None)  # one word cache for both kinds
            context = shared.context if shared is not None else feature_context(self.project)
            found = Recommender.load(self.project, kind, context)
            if found is None:
                return None
            self._loaded[kind] = found
        return found

    def suggestions(self, kind: str) -> list[Labelled]:
        """The open document's suggestions of ``kind`` (the session's list)."""
        session = self.session
        return session.model_suggestions if kind == ENTITIES else session.trigger_suggestions

    def _show(self, kind: str, suggestions: list[Labelled], version: str,
              sources: dict[Labelled, str] | None = None) -> None:
        if kind == ENTITIES:
            self.session.set_model_suggestions(suggestions, version, sources)
        else:
            self.session.set_trigger_suggestions(suggestions, version)

    def _version(self, kind: str) -> str:
        session = self.session
        return session.model_version if kind == ENTITIES else session.trigger_version

    def _existing(self, kind: str) -> list[tuple[int, int]]:
        session = self.session
        if kind == ENTITIES:
            return [(e.start, e.end) for e in session.entities.values()]
        return [(ev.trigger.start, ev.trigger.end) for ev in session.links.events.values()]

    def suggest(self) -> int:
        """Compute the open document's suggestions of every kind with a model (a long
        document's first part; :meth:`suggest_more` does the rest); their count."""
        session = self.session
        self._offers = {}
        self._offer_doc = session.doc_id
        if session.doc_id is None:
            return 0
        count = 0
        for kind in PREFIXES:
            recommender = self.recommender(kind)
            existing = self._existing(kind)
            model: list[Labelled] = []
            if recommender is not None:
                offer = offer_suggestions(self.project, session.doc_id, recommender,
                                          session.text, existing)
                self._offers[kind] = offer
                model = list(offer.found)
            found, sources = with_imported(self.project, session.doc_id, kind, existing, model)
            if found or self.suggestions(kind):
                self._show(kind, found, "" if recommender is None else recommender.version,
                           sources)
            count += len(found)
        return count

    def _source(self, kind: str, suggestion: Labelled) -> str:
        """The source a suggestion's review is counted under: its imported source, else the
        model's version."""
        if kind == ENTITIES:
            return self.session.suggestion_sources.get(suggestion, self._version(kind))
        return self._version(kind)

    def pending(self) -> bool:
        """Whether parts of the open document are still to be predicted."""
        return bool(self._offers) and self._offer_doc == self.session.doc_id and any(
            not offer.done for offer in (self._offers or {}).values())

    def suggest_more(self) -> bool:
        """Predict the next part of the open document (of the first kind with parts left:
        one part per call, so the event loop turns between them); True while more remain."""
        if not self.pending():
            return False
        kind, offer = next((k, o) for k, o in (self._offers or {}).items() if not o.done)
        added = offer.step()
        if added:
            self._show(kind, sorted({*self.suggestions(kind), *added}), self._version(kind))
        return self.pending()

    def drop_annotated(self) -> int:
        """Take away the suggestions whose span is now annotated (an entity made by hand, or
        by a colleague's save on the server, over a suggested one); the selected suggestion
        stays selected. Returns how many were dropped."""
        dropped = 0
        selected = self.session.selected
        kept_selection = None
        if selected is not None and selected[:1] in KIND_OF and self.session.exists(selected):
            kept_selection = (selected[:1], self.suggestions(KIND_OF[selected[:1]])[
                int(selected[1:])])
        for kind, prefix in PREFIXES.items():
            offered = self.suggestions(kind)
            if not offered:
                continue
            taken = set(self._existing(kind))
            rest = [s for s in offered if (s[0], s[1]) not in taken]
            if len(rest) == len(offered):
                continue
            dropped += len(offered) - len(rest)
            self._forget(kind, {s for s in offered if (s[0], s[1]) in taken})
            self._show(kind, rest, self._version(kind))
            if kept_selection is not None and kept_selection[0] == prefix:
                chosen = kept_selection[1]
                self.session.select(f"{prefix}{rest.index(chosen)}" if chosen in rest
                                    else None)
        return dropped

    def ordered(self) -> list[str]:
        """Every suggestion's owner (``m3``, ``t0``) in text order: F9 walks them."""
        found = [(s[0], s[1], prefix, n) for kind, prefix in PREFIXES.items()
                 for n, s in enumerate(self.suggestions(kind))]
        return [f"{prefix}{n}" for _s, _e, prefix, n in sorted(found)]

    def next_suggestion(self) -> bool:
        """Select the first suggestion (entity or trigger) after the selected one in text
        order (or the first)."""
        owners = self.ordered()
        if not owners:
            self.notify.message(translate(
                "Recommender", "No suggestions from the recommender in this document."))
            return False
        selected = self.session.selected
        current = owners.index(selected) if selected in owners else None
        self._select_owner(owners[0 if current is None else (current + 1) % len(owners)])
        return True

    def _chosen(self, owner: str | None) -> tuple[str, int] | None:
        owner = owner if owner is not None else self.session.selected
        if owner is None or owner[:1] not in KIND_OF or not self.session.exists(owner):
            self.notify.message(translate(
                "Recommender",
                "Select a suggested entity or trigger first (dashed; F9 goes to the next"
                " one)."))
            return None
        return KIND_OF[owner[:1]], int(owner[1:])

    def _select_owner(self, owner: str | None) -> None:
        self.session.select(owner)
        start = self.session.start_of(owner) if owner is not None else None
        if start is not None:
            self.session.scroll_requested.emit(start)
        if owner is not None and owner[:1] in KIND_OF and self.session.exists(owner):
            self.notify.message(self.describe(owner))

    def describe(self, owner: str) -> str:
        """What the status line says of the selected suggestion: its label, its text and
        the keys (the user sees at once what Enter will add)."""
        kind = KIND_OF[owner[:1]]
        start, end, label = self.suggestions(kind)[int(owner[1:])]
        return translate(
            "Recommender", "Suggested {label}: {text}. Enter accepts, Delete rejects,"
            " Alt+Shift+Enter accepts every {label}; F9 goes to the next.").format(
                label=label, text=isolate(self.session.text[start:end]))

    def accept(self, owner: str | None = None) -> bool:
        """Add the selected suggestion as an entity or an event (one undoable action);
        select the next."""
        return self._review(owner, accept_suggestion)

    def reject(self, owner: str | None = None) -> bool:
        """Reject the selected suggestion (never offered to this annotator again); select
        the next."""
        return self._review(owner, reject_suggestion)

    def _review(self, owner: str | None, review: Callable[..., object]) -> bool:
        chosen = self._chosen(owner)
        doc_id = self.session.doc_id
        if chosen is None or doc_id is None:
            return False
        kind, index = chosen
        suggestion = self.suggestions(kind)[index]
        version = self._source(kind, suggestion)
        if self.run(lambda: review(self.project, doc_id, kind, suggestion, version)) is None:
            return False
        source = self.session.suggestion_sources.get(suggestion) if kind == ENTITIES else None
        self._drop(kind, suggestion, source)
        return True

    def accept_label(self, owner: str | None = None) -> int:
        """Accept every suggestion of the selected one's label (or event type) in this
        document, as one undoable action; returns how many."""
        chosen = self._chosen(owner)
        doc_id = self.session.doc_id
        if chosen is None or doc_id is None:
            return 0
        kind, index = chosen
        label = self.suggestions(kind)[index][2]
        same = [s for s in self.suggestions(kind) if s[2] == label]
        version = self._version(kind)

        def accept_all() -> None:
            with self.project.batch(f"Accept {len(same)} suggested {label}"):
                for suggestion in same:
                    accept_suggestion(self.project, doc_id, kind, suggestion,
                                      self._source(kind, suggestion))

        if self.run(accept_all) is None:
            return 0
        self._forget(kind, set(same))
        self._show(kind, [s for s in self.suggestions(kind) if s[2] != label], version)
        owners = self.ordered()
        self._select_owner(owners[0] if owners else None)
        self.notify.message(translate("Recommender", "Accepted {count} suggested {label}.")
                            .format(count=len(same), label=label)
                            + " " + self.precision(label, kind))
        return len(same)

    def _forget(self, kind: str, reviewed: set[Labelled]) -> None:
        """Reviewed suggestions are not offered again by parts still to predict."""
        offer = (self._offers or {}).get(kind)
        if offer is not None:
            offer.rejected |= reviewed
            offer.existing |= {(s, e) for s, e, _label in reviewed}

    def _drop(self, kind: str, suggestion: Labelled, source: str | None = None) -> None:
        """Take a reviewed suggestion away and select the one after it in text order."""
        before = self.ordered()
        offered = self.suggestions(kind)
        position = before.index(f"{PREFIXES[kind]}{offered.index(suggestion)}") \
            if suggestion in offered else 0
        self._forget(kind, {suggestion})
        rest = [s for s in self.suggestions(kind) if s != suggestion]
        self._show(kind, rest, self._version(kind))
        owners = self.ordered()
        self._select_owner(owners[position] if position < len(owners) else None)
        self.notify.message(self.precision(suggestion[2], kind, source))

    def precision(self, label: str, kind: str = ENTITIES, source: str | None = None) -> str:
        """``Recommender PERS: you 12 accepted, 2 rejected (85%); team 30 accepted, 4
        rejected (88%)``: how the label fares for this annotator and for the team (with an
        imported ``source``, how it fares from that source)."""
        empty = {ACCEPTED: 0, REJECTED: 0}
        if source is not None:
            counts = self.project.source_review_counts(kind, source).get(label, empty)
            return translate("Recommender", "{source} {label}: {accepted} accepted, {rejected}"
                             " rejected{share}; suggestions left here: {left}.").format(
                source=isolate(source), label=label, accepted=counts[ACCEPTED],
                rejected=counts[REJECTED], share=_share(counts),
                left=len(self.suggestions(ENTITIES)) + len(self.suggestions(EVENTS)))
        mine = self.project.review_counts(kind, annotator=self.project.annotator).get(
            label, empty)
        team = self.project.review_counts(kind).get(label, empty)
        left = len(self.suggestions(ENTITIES)) + len(self.suggestions(EVENTS))
        return translate("Recommender", "Recommender {label}: you {accepted} accepted,"
                         " {rejected} rejected{share}; team {team_accepted} accepted,"
                         " {team_rejected} rejected{team_share}; suggestions left here:"
                         " {left}.").format(
            label=label, accepted=mine[ACCEPTED], rejected=mine[REJECTED],
            share=_share(mine), team_accepted=team[ACCEPTED], team_rejected=team[REJECTED],
            team_share=_share(team), left=left)


def _share(counts: dict[str, int]) -> str:
    seen = counts[ACCEPTED] + counts[REJECTED]
    return f" ({100 * counts[ACCEPTED] // seen}%)" if seen else ""
