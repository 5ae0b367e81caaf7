"""Other annotators' layers in the window: the View ▸ Layers submenu (one checkable entry with
a colour swatch per annotator who has a layer on the open document, off by default), the
legend above the text, and Annotation ▸ Copy to My Layer.

Which layers are shown, their contents and the span pointed at live in the session
(:mod:`annotator.ui.session.other_layers`); the workbench reads and draws them.
"""

from __future__ import annotations

from functools import partial

from annotator.ui.i18n import translate
from annotator.ui.panels.layers_legend import LayersLegend, swatch
from annotator.ui.qt import QAction, QMainWindow, QtGui, QtWidgets, QVBoxLayout
from annotator.ui.window.menu_actions import WorkbenchActions
from annotator.ui.workbench import Workbench


class LayersWiring:
    """The Layers submenu, the legend and Copy to My Layer of one window."""

    def __init__(self, window: QMainWindow, workbench: Workbench, actions: WorkbenchActions,
                 central: QVBoxLayout, position: int) -> None:
        self.workbench = workbench
        self.legend = LayersLegend(window)
        central.insertWidget(position, self.legend)
        view = actions.menus["&View"].menu()
        assert isinstance(view, QtWidgets.QMenu)
        view.addSeparator()
        self.menu = view.addMenu(translate("LayersWiring", "&Layers"))
        self.menu.setObjectName("layersMenu")
        self.copy_action = actions.copy_to_my_layer
        self.layer_actions: dict[str, QAction] = {}
        actions.connect("copy_to_my_layer", workbench.actions.layers.copy_to_mine)
        workbench.layersChanged.connect(self.refresh)
        workbench.otherSpanFocused.connect(self._on_focused)
        self.refresh()

    def refresh(self) -> None:
        """Entries for the open document's other annotators, ticked when shown; the legend."""
        others = self.workbench.session.others
        self.menu.clear()
        self.layer_actions = {}
        for name in others.available:
            # "&&": an & in a name is shown, not taken as a menu mnemonic.
            action = QAction(QtGui.QIcon(swatch(others.color(name))), name.replace("&", "&&"),
                             self.menu)
            action.setCheckable(True)
            action.setChecked(name in others.shown)
            action.setToolTip(translate(
                "LayersWiring", "Show {name}'s annotations of this document, read-only").format(
                    name=name))
            action.toggled.connect(partial(self.workbench.set_layer_shown, name))
            self.menu.addAction(action)
            self.layer_actions[name] = action
        if not others.available:
            empty = self.menu.addAction(translate("LayersWiring",
                                                  "No other annotator's layer on this document"))
            empty.setEnabled(False)
        self.legend.show_layers([(others.legend_name(n), others.color(n))
                                 for n in others.shown], hidden=len(others.available))
        self._on_focused(others.focused or "")

    def _on_focused(self, span_id: str) -> None:
        self.copy_action.setEnabled(bool(span_id)
                                    and self.workbench.session.others.entity(span_id)
                                    is not None)
