"""Helpers for the library pane tests: open a pane on a store, type a search and wait for it.

The stores themselves (``library_store``: a copy of the library built once per session from the
bundled samples; ``fresh_store``: an empty one) and the ``pane`` fixtures are in conftest.py.
"""

from __future__ import annotations


def make_pane(qtbot, store):
    from eduwriter.gui.panes.library_pane import LibraryPane

    widget = LibraryPane(store)
    qtbot.addWidget(widget)
    widget.resize(420, 820)
    widget.show()
    return widget


def wait_for_search(qtbot, pane, text: str, timeout: int = 5000) -> int:
    """Type ``text`` into the search box and wait for its results; returns the result count."""
    with qtbot.waitSignal(
        pane.searchFinished, timeout=timeout, check_params_cb=lambda query, _n: query == text
    ) as blocker:
        pane.search_edit.clear()
        if text.isascii():
            qtbot.keyClicks(pane.search_edit, text)  # typed key by key, like a writer
        else:  # QTest cannot type CJK characters; an input method commits them as one string
            pane.search_edit.insert(text)
    return blocker.args[1]
