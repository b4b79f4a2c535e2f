"""What a closed session kept, let go of.

Streamlit (1.67) keeps one closed session alive after it ends: Runtime._loop_coroutine flushes every
active session's messages in a `for active_session_info in ...` loop whose variable outlives the loop,
so the last session it flushed stays referenced, with its st.session_state (here: the page's runs,
their models and data, 100-150 MB for a CNN student), its widgets' metadata (a selectbox's
format_func holds the page script's globals) and its fragments (ui.live_run's live picture holds the page's
draw), until another session's messages are flushed.
On a quiet server after a class, that is never. So each script run notes its session's state, and the
reclaimer (core.memory.Reclaimer) empties the state of every noted session Streamlit no longer knows
(missing from two of its rounds in a row): no one can come back to it (a browser reconnecting within
server.disconnectedSessionTTL is still known).
"""
import threading
import weakref

from streamlit.runtime import Runtime
from streamlit.runtime.scriptrunner import get_script_run_ctx

TOKEN = "_sessions.token"


class _Token:
    """Kept in a session's own state, holding the way to that state. Streamlit's SessionState takes no
    weak reference (slots) and the SafeSessionState around it is made anew each script run, so the
    registry holds this, weakly: it lives exactly as long as the session's state does."""

    def __init__(self, state, fragments):
        self.state = state  # the SafeSessionState of the run that made it: its ._state is the session's
        self.fragments = fragments  # the session's fragments: ui.live_run's live picture closes over the page


_NOTED: dict[str, weakref.ref] = {}  # session id -> its _Token (weak: never what keeps a session alive)
_MISSED: set[str] = set()            # noted sessions the last look did not find
_LOCK = threading.Lock()


def note() -> None:
    """Remember this script run's session, so its state can be emptied once the session is closed."""
    ctx = get_script_run_ctx()
    if ctx is None:  # bare mode (tests calling a page's functions)
        return
    if TOKEN not in ctx.session_state:
        ctx.session_state[TOKEN] = _Token(ctx.session_state, ctx.fragment_storage)
    token = ctx.session_state[TOKEN]
    with _LOCK:
        noted = _NOTED.get(ctx.session_id)
        if noted is None or noted() is not token:  # AppTest gives every test's session one id
            _NOTED[ctx.session_id] = weakref.ref(token)


def known_sessions() -> set[str] | None:
    """The ids of the sessions the server holds, connected or waiting for a reconnect; None without a
    runtime (AppTest) or where Streamlit's session manager is not what this was written against."""
    if not Runtime.exists():
        return None
    try:
        return {info.session.id for info in Runtime.instance()._session_mgr.list_sessions()}
    except AttributeError:
        return None


def let_go_of_closed(known: set[str] | None = None) -> int:
    """Empty the state of every noted session missing from two looks in a row (two reclaimer rounds);
    returns how many were emptied.

    Two looks, because one can miss a live session: list_sessions() reads the connected sessions and the
    waiting ones one after the other, and a session moves between the two when its browser reconnects.
    Emptying a live session would freeze its page (its live picture's fragment gone)."""
    known = known_sessions() if known is None else known
    if known is None:
        return 0
    with _LOCK:
        missing = {sid for sid in _NOTED if sid not in known}
        closed = missing & _MISSED  # missed by this look and the last
        _MISSED.clear()
        _MISSED.update(missing - closed)
        tokens = [_NOTED.pop(sid)() for sid in closed]
    emptied = 0
    for token in tokens:
        if token is not None:  # None: already collected, nothing held it
            with token.state._lock:  # a closed session runs no script: only this thread touches it
                state = token.state._state
                state.clear()
                # SessionState.clear() leaves the widgets' metadata, whose serdes hold the page's own
                # functions (a selectbox's format_func), and through their globals the page's runs
                state._new_widget_state.widget_metadata.clear()
            token.fragments.clear()  # the live picture's fragment holds the page's draw, and its runs
            token.fragments.clear_outside_wrappers()
            emptied += 1
    return emptied
