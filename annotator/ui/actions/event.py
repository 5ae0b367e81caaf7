"""Event actions: mark a trigger with its type, add and remove arguments,
set polarity, modality and genericity.

Every operation is one store action, hence one journal entry. A role the event type does not
have, or that does not accept the entity's label, is refused with the reason in the status
bar (by this controller when it can tell, else by the store's ``ValueError``).
"""

from __future__ import annotations

from annotator.ui.actions.base import SessionActions
from annotator.ui.i18n import noop, translate


class EventActions(SessionActions):
    """Marking and editing the events of the open document."""

    def add_event(self, event_type: str) -> bool:
        """Store the text selection as the trigger of a new event of ``event_type``."""
        doc_id = self.session.doc_id
        span, why = self.session.link_span(noop("Session", "trigger"))
        if doc_id is None or span is None:
            return self.refuse(why) if why else False
        new_id = self.run(lambda: self.project.add_event(doc_id, event_type, span))
        if new_id is None:
            return False
        self.session.cursor_requested.emit(span.end)
        self.session.select(f"v{new_id}")
        return True

    def delete(self, key: str) -> bool:
        """Delete the event ``key`` with its arguments."""
        if key not in self.session.links.events:
            return False
        return self.run(lambda: self.project.delete_event(int(key))) is not None

    def roles_for(self, entity_id: str) -> list[str]:
        """Roles of the selected event that accept the entity's label."""
        key = self.session.selected_kind("v")
        entity = self.session.entities.get(entity_id)
        if key is None or entity is None:
            return []
        schema = self.project.schema
        event_type = self.session.links.events[key].type
        return [r for r in schema.allowed_roles(event_type)
                if schema.role_accepts(event_type, r, entity.label)]

    def add_argument_for(self, entity_id: str) -> bool:
        """Add ``entity_id`` to the selected event: with its only possible role at once;
        with several, ask (the session's ``role_choice_needed``); with none, refuse and say why."""
        key = self.session.selected_kind("v")
        entity = self.session.entities.get(entity_id)
        if key is None or entity is None:
            self.notify.message(translate("Event", "Select an event, then an entity."))
            return False
        roles = self.roles_for(entity_id)
        if not roles:
            event_type = self.session.links.events[key].type
            allowed = ", ".join(self.project.schema.allowed_roles(event_type)) or "none"
            self.notify.message(translate(
                "Event", "Refused: no role of {event_type} accepts a {label} entity"
                " (roles: {allowed}).").format(
                    event_type=event_type, label=entity.label, allowed=allowed))
            return False
        if len(roles) == 1:
            return self.add_argument(roles[0], entity_id)
        self.session.role_choice_needed.emit(entity_id, roles)
        return True

    def add_argument(self, role: str, entity_id: str) -> bool:
        """Let ``entity_id`` fill ``role`` of the selected event (the store refuses a role the
        type does not allow)."""
        key = self.session.selected_kind("v")
        if key is None:
            self.notify.message(translate("Event", "Select an event first."))
            return False
        return self.run(lambda: self.project.add_event_argument(
            int(key), role, entity_id)) is not None

    def remove_argument(self, argument_id: int) -> bool:
        """Remove one argument (by row id) of an event."""
        return self.run(lambda: self.project.remove_event_argument(argument_id)) \
            is not None

    def set_event_attribute(self, name: str, value: str | None) -> bool:
        """Set (None: remove) polarity, modality, genericity... of the selected event."""
        key = self.session.selected_kind("v")
        if key is None:
            self.notify.message(translate("Event", "Select an event first."))
            return False
        attrs = dict(self.session.links.events[key].attrs)
        if value is None:
            attrs.pop(name, None)
        else:
            attrs[name] = value
        if attrs == self.session.links.events[key].attrs:
            return False
        return self.run(lambda: self.project.set_event_attrs(int(key), attrs)) is not None

    def cycle_event_attribute(self, name: str) -> bool:
        """The next value of an event attribute (from its default) on the selected event."""
        key = self.session.selected_kind("v")
        definition = self.project.schema.event_attributes.get(name)
        if key is None or definition is None:
            self.notify.message(translate("Event", "Select an event first."))
            return False
        current = self.session.links.events[key].attrs.get(name, definition.default)
        values = definition.values
        following = values[(values.index(current) + 1) % len(values)] if current in values \
            else values[0]
        return self.set_event_attribute(name, following)
