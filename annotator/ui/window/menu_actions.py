"""The window's actions and menus, following desktop conventions.

Edge keys work in *logical* order and are named for reading, not for the screen: the start
edge of an annotation is where it begins when reading, the end edge where it stops. In the
right-to-left text the editor shows, Left moves towards the reading end and Right towards
the reading start (as the text cursor does):

=======================  ===========================  ===============================
Keys                     Start edge                   End edge
=======================  ===========================  ===============================
Alt+Right / Ctrl+]       one grapheme towards start   (with Shift) towards start
Alt+Left  / Ctrl+[       one grapheme towards end     (with Shift) towards end
Ctrl+Alt+Right / Left    one word towards start/end   (with Shift) word towards start/end
=======================  ===========================  ===============================

On a selected quote the same keys move an edge of its quoted words, or of its cue after a
click on the cue or Ctrl+Alt+C ("Quote Edges: Words/Cue").

The Links menu marks quotes, cues, events and stances and links speakers and arguments
(Ctrl+Shift letters; Ctrl+Alt letters cycle a quote's kind and an event's attributes).

Label keys (single letters from the schema) are not actions: they are read by the main
window only while the editor has the focus, so that typing in a field never labels text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from annotator.ui.action_names import action_text
from annotator.ui.i18n import translate
from annotator.ui.qt import QAction, QKeySequence, QMainWindow, QtGui

Std = QKeySequence.StandardKey


@dataclass(frozen=True, slots=True)
class ActionSpec:
    """One action: attribute name, menu text, shortcuts (strings or standard keys), tip."""

    name: str
    text: str
    shortcuts: tuple[str | QKeySequence.StandardKey, ...] = ()
    tip: str = ""
    checkable: bool = False


EDGE_TEXTS: dict[tuple[str, str, str], tuple[str, str]] = {
    ("start", "grapheme", "start"): (
        "Start edge: one grapheme towards reading start",
        "Move the start edge of the selected annotation (a quote's words or cue) one"
        " grapheme towards the reading start"),
    ("start", "grapheme", "end"): (
        "Start edge: one grapheme towards reading end",
        "Move the start edge of the selected annotation (a quote's words or cue) one"
        " grapheme towards the reading end"),
    ("start", "word", "start"): (
        "Start edge: one word towards reading start",
        "Move the start edge of the selected annotation (a quote's words or cue) one"
        " word towards the reading start"),
    ("start", "word", "end"): (
        "Start edge: one word towards reading end",
        "Move the start edge of the selected annotation (a quote's words or cue) one"
        " word towards the reading end"),
    ("end", "grapheme", "start"): (
        "End edge: one grapheme towards reading start",
        "Move the end edge of the selected annotation (a quote's words or cue) one"
        " grapheme towards the reading start"),
    ("end", "grapheme", "end"): (
        "End edge: one grapheme towards reading end",
        "Move the end edge of the selected annotation (a quote's words or cue) one"
        " grapheme towards the reading end"),
    ("end", "word", "start"): (
        "End edge: one word towards reading start",
        "Move the end edge of the selected annotation (a quote's words or cue) one"
        " word towards the reading start"),
    ("end", "word", "end"): (
        "End edge: one word towards reading end",
        "Move the end edge of the selected annotation (a quote's words or cue) one"
        " word towards the reading end"),
}
"""Text and tip of each edge action, (edge, unit, towards): one literal each, translated
whole."""


def _edge_specs() -> list[ActionSpec]:
    specs: list[ActionSpec] = []
    for edge, shift in (("start", ""), ("end", "Shift+")):
        for unit, ctrl in (("grapheme", ""), ("word", "Ctrl+")):
            for to, arrow, bracket in (("start", "Right", "]"), ("end", "Left", "[")):
                keys: list[str] = [f"{ctrl}Alt+{shift}{arrow}"]
                if edge == "start" and unit == "grapheme":
                    keys.append(f"Ctrl+{bracket}")
                text, tip = EDGE_TEXTS[(edge, unit, to)]
                specs.append(ActionSpec(f"edge_{edge}_{unit}_{to}", text, tuple(keys), tip))
    return specs


MENUS: list[tuple[str, list[ActionSpec | None]]] = [
    ("&File", [
        ActionSpec("open_project", "&Open Project…", (Std.Open,), "Open another project file"),
        ActionSpec("new_project", "&New Project…", (Std.New,), "Create an empty project"),
        None,
        ActionSpec("import_files", "&Import…", ("Ctrl+I",), "Import documents into this project"),
        ActionSpec("export_project", "&Export…", ("Ctrl+E",), "Export as canonical JSONL"),
        None,
        ActionSpec("quit", "&Quit", (Std.Quit, "Ctrl+Q"), "Close the window"),
    ]),
    ("&Edit", [
        ActionSpec("undo", "&Undo", (Std.Undo, "Ctrl+Z")),
        ActionSpec("redo", "&Redo", ("Ctrl+Shift+Z", "Ctrl+Y")),
        None,
        ActionSpec("delete_annotation", "&Delete Annotation", ("Delete", "Backspace"),
                   "Delete the selected annotation"),
        None,
        ActionSpec("find", "&Find…", (Std.Find, "Ctrl+F"), "Find in the document (folded)"),
        ActionSpec("find_next", "Find &Next", (Std.FindNext,)),
        ActionSpec("find_previous", "Find &Previous", (Std.FindPrevious,)),
        None,
        ActionSpec("preferences", "Pr&eferences…", (Std.Preferences, "Ctrl+,")),
    ]),
    ("&View", [
        ActionSpec("zoom_in", "Zoom &In", (Std.ZoomIn, "Ctrl+=")),
        ActionSpec("zoom_out", "Zoom &Out", (Std.ZoomOut, "Ctrl+-")),
        ActionSpec("zoom_reset", "&Reset Zoom", ("Ctrl+0",)),
        None,
        ActionSpec("show_invisibles", "Show &Invisible Characters", ("Ctrl+Shift+I",),
                   "Mark joiners, bidi marks and tatweel", checkable=True),
        ActionSpec("character_mode", "&Character Mode", ("Ctrl+Shift+M",),
                   "Label exactly the selected characters (no snapping to names)",
                   checkable=True),
    ]),
    ("&Annotation", [
        *_edge_specs(),
        None,
        ActionSpec("copy_to_my_layer", "&Copy to My Layer", ("Ctrl+Shift+Y",),
                   "Copy the other annotator's span under the pointer (or clicked) to your"
                   " layer (View ▸ Layers shows other layers)"),
    ]),
    ("&Links", [
        ActionSpec("mark_quote", "Mark &Quote", ("Ctrl+Shift+Q",),
                   "Mark the selected words as a direct quote"),
        ActionSpec("cycle_quote_kind", "Quote &Kind: Next", ("Ctrl+Alt+Q",),
                   "Direct → indirect → mixed for the selected quote"),
        ActionSpec("mark_cue", "Mark &Cue", ("Ctrl+Shift+C",),
                   "The selected speech verb becomes the selected quote's cue"),
        ActionSpec("quote_part", "Quote &Edges: Words/Cue", ("Ctrl+Alt+C",),
                   "Switch the edge keys between the selected quote's words and its cue"),
        ActionSpec("link_speaker", "Link &Speaker…", ("Ctrl+Shift+S",),
                   "Click (or Enter on) the entity who speaks the selected quote"),
        ActionSpec("plausible_speaker", "Link &Nearest Speaker", ("Ctrl+Shift+L",),
                   "Link the most plausible speaker (the previous quote's for وأضاف)"),
        ActionSpec("speaker_author", "Speaker: &Author", ("Ctrl+Shift+A",),
                   "The article's author speaks the selected quote"),
        ActionSpec("speaker_unknown", "Speaker: &Unknown", ("Ctrl+Shift+U",)),
        None,
        ActionSpec("mark_event", "Mark &Event…", ("Ctrl+Shift+E",),
                   "The selected words trigger an event: choose its type"),
        ActionSpec("add_argument", "Add &Argument…", ("Ctrl+Shift+R",),
                   "Click (or Enter on) the entity that fills a role of the selected event"),
        ActionSpec("cycle_polarity", "Event &Polarity: Next", ("Ctrl+Alt+P",)),
        ActionSpec("cycle_modality", "Event &Modality: Next", ("Ctrl+Alt+M",)),
        ActionSpec("cycle_genericity", "Event &Genericity: Next", ("Ctrl+Alt+G",)),
        None,
        ActionSpec("new_stance", "S&tance…", ("Ctrl+Shift+T",),
                   "Open the stance form (holder from the selection)"),
        None,
        ActionSpec("suggest_quotes", "Su&ggest Quotes", ("Ctrl+Shift+G",),
                   "Quotation marks near speech verbs become suggestions (not stored)"),
        ActionSpec("accept_suggestion", "Accept Suggestion", ("Alt+Return",),
                   "Store the selected suggestion as a quote (Enter in the editor too)"),
        ActionSpec("reject_suggestion", "Reject Suggestion", ("Alt+Backspace",),
                   "Forget the selected suggestion (Delete in the editor too)"),
        None,
        ActionSpec("next_model_suggestion", "Next Recommender Suggestion", ("F9",),
                   "Select the next entity the recommender suggests (Enter accepts, Delete"
                   " rejects)"),
        ActionSpec("accept_label_suggestions", "Accept All Suggestions of This Label",
                   ("Alt+Shift+Return",),
                   "Accept every suggestion of the selected suggestion's label here"),
        ActionSpec("retrain_recommender", "Retrain Recommender Now", (),
                   "Train the recommender on the documents marked done, in the background"),
    ]),
    ("&Project", [
        ActionSpec("edit_schema", "Edit &Schema…", (),
                   "Edit labels, kinds, topics and event types (a new schema version)"),
        ActionSpec("overview", "&Overview…", ("Ctrl+Shift+O",),
                   "Where the project stands: documents per status and annotator, actions per"
                   " day, labels per layer, agreement"),
        ActionSpec("agreement", "&Agreement…", (),
                   "Inter-annotator agreement of the documents two or more annotators"
                   " marked done: figures, charts, disagreements, report"),
    ]),
    ("C&uration", [
        ActionSpec("curate", "&Curate…", ("Ctrl+Shift+J",),
                   "Curate (a curator only): the curated layer becomes the one you edit,"
                   " every annotator's layer is shown, disagreements are marked"),
        None,
        ActionSpec("next_disagreement", "&Next Disagreement", ("F8",),
                   "Go to the next open disagreement of the document"),
        ActionSpec("previous_disagreement", "&Previous Disagreement", ("Shift+F8",)),
        ActionSpec("take_1", "Take Annotator &1's Version", ("Alt+1",)),
        ActionSpec("take_2", "Take Annotator &2's Version", ("Alt+2",)),
        ActionSpec("take_3", "Take Annotator &3's Version", ("Alt+3",)),
        ActionSpec("reject_item", "&Reject", ("Alt+0", "Alt+Delete"),
                   "Nothing at this place in the curated layer"),
        ActionSpec("accept_edited", "Accept as &Edited", ("Ctrl+Alt+Return", "Ctrl+Alt+Enter"),
                   "Decide the disagreement as you edited it in the curated layer"),
    ]),
    ("&Document", [
        ActionSpec("mark_done", "Mark &Done", ("Ctrl+Return", "Ctrl+Enter")),
        ActionSpec("mark_skipped", "Mark &Skipped", ("Ctrl+Shift+K",)),
        ActionSpec("mark_in_progress", "Mark In &Progress", ()),
        None,
        ActionSpec("next_unfinished", "&Next Unfinished", ("Ctrl+PgDown", "Alt+Down")),
        ActionSpec("previous_unfinished", "&Previous Unfinished", ("Ctrl+PgUp", "Alt+Up")),
    ]),
]


class WorkbenchActions:
    """Creates every action of :data:`MENUS` on a window and its menu bar (titles, texts and
    tips translated in the context ``Menu``: ``make i18n`` extracts them from :data:`MENUS`;
    ``menus`` stays keyed by the English title).

    Actions are reachable as attributes (``actions.undo``) and by name (``actions["undo"]``).
    """

    def __init__(self, window: QMainWindow) -> None:
        self._actions: dict[str, QAction] = {}
        self.menus: dict[str, QtGui.QAction] = {}
        for title, specs in MENUS:
            menu = window.menuBar().addMenu(translate("Menu", title))
            self.menus[title] = menu.menuAction()
            for spec in specs:
                if spec is None:
                    menu.addSeparator()
                    continue
                action = QAction(translate("Menu", spec.text), window)
                keys = [QKeySequence(k) for k in spec.shortcuts]
                unique: list[QKeySequence] = []
                for key in keys:
                    if not key.isEmpty() and all(key != other for other in unique):
                        unique.append(key)
                action.setShortcuts(unique)
                if spec.tip:
                    tip = translate("Menu", spec.tip)
                    action.setStatusTip(tip)
                    action.setToolTip(tip)
                action.setCheckable(spec.checkable)
                menu.addAction(action)
                window.addAction(action)
                self._actions[spec.name] = action

    def __getitem__(self, name: str) -> QAction:
        return self._actions[name]

    def __getattr__(self, name: str) -> QAction:
        try:
            return self._actions[name]
        except KeyError:
            raise AttributeError(name) from None

    def names(self) -> list[str]:
        """Every action name."""
        return list(self._actions)

    def connect(self, name: str, slot: Callable[[], object]) -> None:
        """Run ``slot`` when the action is triggered (the checked flag is dropped)."""
        self._actions[name].triggered.connect(lambda _checked=False: slot())


def undo_label(store_text: str | None, verb: str) -> str:
    """The Edit menu's text for the store's ``"Undo Add PERS entity"`` (``verb`` ``Undo`` or
    ``Redo``): the verb translated, the store's description of the action kept; the bare verb
    when there is nothing to undo."""
    if store_text is None or not store_text.startswith(verb + " "):
        if store_text:
            return store_text
        return translate("Menu", "&Undo") if verb == "Undo" else translate("Menu", "&Redo")
    action = action_text(store_text[len(verb) + 1:])
    if verb == "Undo":
        return translate("Menu", "Undo {action}").format(action=action)
    return translate("Menu", "Redo {action}").format(action=action)
