"""Actions across documents: label-all (from concordance rows or a selected entity) and the
names the snapping lexicon must not learn.

Label-all always goes through the core's plan (:func:`annotator.core.corpus.plan_label_all`:
proclitics outside the name, never inside a longer word, never a duplicate or a crossing)
and is applied by :func:`~annotator.core.corpus.apply_plan` as ONE undoable action: one
Ctrl+Z removes every entity it added, in every document.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from annotator.core.corpus import ConcordanceRow, LabelAllPlan, PlannedEntity, apply_plan
from annotator.core.corpus import plan_label_all as core_plan
from annotator.core.text.clitics import name_key
from annotator.ui.actions.base import SessionActions
from annotator.ui.i18n import noop, translate

NOT_WHOLE_WORD = noop("Corpus", "not a whole word (inside a longer word, or a proclitic the rule"
                                " keeps)")


def _key(doc_id: int, start: int, end: int) -> tuple[int, int, int]:
    return doc_id, start, end


class CorpusActions(SessionActions):
    """Label-all and the lexicon's turned-off names."""

    # -- label-all ----------------------------------------------------------------------------

    def plan_for_selected(self) -> LabelAllPlan | None:
        """The plan for labelling every occurrence of the selected entity's text with its
        label; None (and why, told) without a selected entity."""
        entity = self.session.selected_entity()
        if entity is None:
            self.refuse(translate(
                "Corpus", "Select an entity first: its text and label are labelled everywhere."))
            return None
        return self.plan(self.session.text[entity.start:entity.end], entity.label)

    def plan(self, text: str, label: str) -> LabelAllPlan | None:
        """The plan for ``text`` as ``label`` in every document (None when refused)."""
        try:
            return core_plan(self.project, text, label)
        except ValueError as error:
            self.refuse(str(error))
            return None

    def plan_rows(self, rows: Sequence[ConcordanceRow], label: str) -> LabelAllPlan | None:
        """The plan for labelling exactly these concordance rows: each distinct match is
        planned by the core, and only the selected occurrences are kept; a selected row the
        core would not label is skipped with the core's reason (or :data:`NOT_WHOLE_WORD`)."""
        if not rows:
            self.refuse(translate("Corpus", "Select concordance rows first."))
            return None
        wanted = {_key(r.doc_id, r.start, r.end): r for r in rows}
        texts: dict[str, str] = {}
        for row in rows:
            texts.setdefault(name_key(row.match), row.match)
        combined = LabelAllPlan(" / ".join(texts.values()), label)
        seen: set[tuple[int, int, int]] = set()
        for text in texts.values():
            plan = self.plan(text, label)
            if plan is None:
                return None
            for planned in plan.add:
                if _key(planned.doc_id, planned.start, planned.end) in wanted:
                    combined.add.append(planned)
                    seen.add(_key(planned.doc_id, planned.start, planned.end))
            for planned in plan.skipped:
                if _key(planned.doc_id, planned.start, planned.end) in wanted:
                    combined.skipped.append(planned)
                    seen.add(_key(planned.doc_id, planned.start, planned.end))
        for key, row in wanted.items():
            if key not in seen:
                combined.skipped.append(PlannedEntity(row.doc_id, row.external_id, row.start,
                                                      row.end, row.match,
                                                      translate("Corpus", NOT_WHOLE_WORD)))
        combined.add.sort(key=lambda p: (p.doc_id, p.start))
        return combined

    def apply(self, plan: LabelAllPlan, leave_out: Iterable[int] = ()) -> list[int]:
        """Add the planned entities but those at the indexes ``leave_out`` of ``plan.add``,
        as ONE undoable action; tells how many were added. Returns the new ids."""
        excluded = set(leave_out)
        kept = replace(plan, add=[p for i, p in enumerate(plan.add) if i not in excluded],
                       skipped=list(plan.skipped))
        if not kept.add:
            self.refuse(translate(
                "Corpus", "Nothing to label as {label} ({count} skipped).").format(
                    label=plan.label, count=len(plan.skipped)) if plan.skipped
                else translate("Corpus", "Nothing to label as {label}.").format(label=plan.label))
            return []
        result = self.run(lambda: apply_plan(self.project, kept))
        if not isinstance(result, list):
            return []
        documents = len({p.doc_id for p in kept.add})
        skipped = (translate("Corpus", "; {count} skipped").format(count=len(plan.skipped))
                   if plan.skipped else "")
        added = {
            (True, True): translate("Corpus", "Added {count} {label} entity in {documents}"
                                    " document"),
            (True, False): translate("Corpus", "Added {count} {label} entity in {documents}"
                                     " documents"),
            (False, True): translate("Corpus", "Added {count} {label} entities in {documents}"
                                     " document"),
            (False, False): translate("Corpus", "Added {count} {label} entities in {documents}"
                                      " documents"),
        }[(len(result) == 1, documents == 1)]
        self.notify.message(added.format(count=len(result), label=plan.label, documents=documents)
                            + skipped + translate("Corpus", " (Ctrl+Z removes them all)."))
        lexicon = self.session.lexicon
        if lexicon is not None:  # the open document's own rows arrive by the store's events
            for planned in kept.add:
                if planned.doc_id != self.session.doc_id:
                    lexicon.learn(planned.text, plan.label)
        return result

    # -- the lexicon --------------------------------------------------------------------------

    def disable_selected_name(self) -> bool:
        """Stop using the selected entity's text as snapping evidence (in the project, so
        every window and the CLI agree); the lexicon drops it at once."""
        entity = self.session.selected_entity()
        if entity is None:
            return self.refuse(translate("Corpus",
                                         "Select an entity whose name must not be learned."))
        name = self.session.text[entity.start:entity.end]
        changed = self.run(lambda: self.project.disable_name(name))
        if changed is None:
            return False
        if self.session.lexicon is not None:
            self.session.lexicon.disable(name)
        self.notify.message(
            translate("Corpus", "«{name}» is no longer learned.").format(name=name)
            if changed is True
            else translate("Corpus", "«{name}» is no longer learned (it was already off).").format(
                name=name))
        return True

    def enable_name(self, name: str) -> bool:
        """Learn ``name`` again."""
        changed = self.run(lambda: self.project.enable_name(name))
        if changed is None:
            return False
        if self.session.lexicon is not None:
            self.session.lexicon.enable(name)
        self.notify.message(translate("Corpus", "«{name}» is learned again.").format(name=name))
        return True

    def disabled_names(self) -> list[str]:
        """The turned-off names, as they were given."""
        return sorted(self.project.disabled_names().values())
