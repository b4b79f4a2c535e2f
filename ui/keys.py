"""Every session-state key the app uses, made in one place.

A page's keys are "<page>.<name>": its controls (the name is also the link's parameter), the run it
shows ("<page>.shown", a ui.live_run.Shown), its runs list ("<page>.runs"), and its own state (a page asks
controls.For(page).key(name), never writes a key itself: tests/pages/test_state_keys.py).
A control's value is also kept under "_<page>.<name>", which outlives the widget
(ui/controls.py); only ui/controls.py reads or writes those, through set_value().
"""

LANG = "app.lang"         # the interface's language (ui/i18n.py)
PRESENT = "app.present"   # presenter mode (ui/present.py)
LINK = "_link"            # the address a session was opened with (ui/address.py)
WRITTEN = "_written"      # the names this script run put in the address (ui/address.py)


def of(page: str, name: str) -> str:
    """A page's key: a control's (f"linear.lr"), or a piece of its state (f"linear.run")."""
    return f"{page}.{name}"


def kept(key: str) -> str:
    """Where a control's value outlives its widget."""
    return "_" + key


def seen(key: str) -> str:
    """Set once a link has had its say on this control."""
    return f"_seen.{key}"
