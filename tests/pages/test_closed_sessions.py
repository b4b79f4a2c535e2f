"""A closed session's state is let go of (ui.sessions): Streamlit itself keeps the last one it flushed."""
import gc
import weakref

from ui import sessions

from apptest_helpers import is_running
from test_links import opened


def trained_cnn():
    """A session that trained the CNN, and a weak reference to its model (nothing here holds the model)."""
    at = opened("pages/mnist.py", dataset="sample", arch="cnn", epochs="1")
    at.button(key="mnist.train").click().run()
    for _ in range(30):
        if not is_running(at):
            break
        at.run()
    done = at.session_state["mnist.shown"].run.done
    return at, weakref.ref(at.session_state["mnist.shown"].run.model), done


def test_a_closed_sessions_runs_models_and_page_are_let_go_of():
    at, model, done = trained_cnn()
    assert done and not at.exception
    # the session is known while it is open: nothing is emptied
    assert sessions.let_go_of_closed(known=set(sessions._NOTED)) == 0
    gc.collect()
    assert "mnist.shown" in at.session_state and model() is not None
    # one look that misses it (a reconnect in between) empties nothing; found again, it is not missed twice
    live = set(sessions._NOTED)
    assert sessions.let_go_of_closed(known=set()) == 0
    assert sessions.let_go_of_closed(known=live) == 0
    assert sessions.let_go_of_closed(known=set()) == 0 and "mnist.shown" in at.session_state
    # closed: two looks miss it; something of Streamlit's still holds it (`at` here)
    assert sessions.let_go_of_closed(known=set()) >= 1
    gc.collect()
    assert "mnist.shown" not in at.session_state
    assert model() is None  # nothing else held the model: not the widgets' metadata, not the live fragment
