"""Copy another annotator's entity to your own layer (one store action, undoable).

Another layer is never changed: the copy is a new entity of the user's layer with the same
span, label and attributes (``Project.add_entity``), so one Ctrl+Z removes it again.
"""

from __future__ import annotations

from annotator.ui.actions.base import SessionActions
from annotator.ui.i18n import translate


class LayerActions(SessionActions):
    """What the user does with the other layers shown."""

    def copy_to_mine(self, span_id: str | None = None) -> bool:
        """Copy the other layer's entity ``span_id`` (default: the one last hovered or
        clicked) into the user's layer and select the copy; refused, with the reason, when
        there is none or the user's layer already has the same span and label."""
        session = self.session
        target = span_id or session.others.focused
        found = session.others.entity(target) if target else None
        if found is None or session.doc_id is None:
            return self.refuse(translate(
                "Layers", "Point at (or click) another annotator's span to copy it to your"
                " layer."))
        owner, entity = found
        if any((e.start, e.end, e.label) == (entity.start, entity.end, entity.label)
               for e in session.entities.values()):
            return self.refuse(translate(
                "Layers", "Your layer already has this {label} span.").format(label=entity.label))
        doc_id = session.doc_id
        added = self.run(lambda: self.project.add_entity(doc_id, entity.start, entity.end,
                                                         entity.label, entity.attrs or None))
        if not isinstance(added, int) or isinstance(added, bool):
            return False
        session.select(str(added))
        self.notify.message(translate(
            "Layers", "Copied {owner}'s {label} span to your layer (Ctrl+Z removes the"
            " copy).").format(owner=owner, label=entity.label))
        return True
