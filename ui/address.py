"""The address: what a session was opened with, what each run writes back, and the link to share.

Every setting a page draws is written to the address as it is drawn (write); at the end of a run the
address keeps only those, so it never carries stray or huge parameters. Changes replace the browser's
history entry rather than add one: Back leaves the page instead of undoing knob turns one by one.
"""
from urllib.parse import urlencode

import streamlit as st

from ui import keys
from ui.i18n import md, t


def warn(text: str) -> None:
    """A correction made to a value from the link; `text` holds escaped user text only."""
    st.warning(t("link.prefix") + text, icon=":material/link_off:")


MOST_TEXT = 2000      # longer typed text is not put in the address: percent-encoded, it would pass the
                      # server's 64 kB limit for a request line on the next reload
LINK = keys.LINK        # the address a session was opened with: {"params": {name: [values]}, "used": bool}
WRITTEN = keys.WRITTEN  # the names this script run has put in the address


def write(name: str, value: str) -> None:
    """Put a setting in the address (and so in the share link); names not written in a run are dropped."""
    st.session_state.setdefault(WRITTEN, set()).add(name)
    if st.query_params.get(name) != value:
        st.query_params[name] = value


def open_link() -> None:
    """At the start of a run: before a session's first, keep the address it was opened with."""
    st.session_state[WRITTEN] = set()
    if LINK not in st.session_state:
        params = {k: st.query_params.get_all(k) for k in st.query_params}
        st.session_state[LINK] = {"params": params, "used": False}


def close_link(tidy: bool = True) -> None:
    """At the end of a run: after a full one (tidy) the link has set what it could, and the address holds
    only what the page uses, so a share link carries no stray (or huge) parameters. Say what was left out."""
    link, written = st.session_state[LINK], st.session_state.get(WRITTEN, set())
    stray = [k for k in st.query_params if k not in written]
    if tidy and not link["used"]:
        unknown = [k for k in stray if k in link["params"]]
        if unknown:
            warn(t("link.unknown", names=md(", ".join(n[:30] for n in unknown[:5]))))
    for k in stray if tidy else ():
        del st.query_params[k]
    # only a run that got to its end has applied the link; one cut short (a rerun asked for while it
    # waited for torch, an error) leaves it to the next run, which applies what was not yet applied
    link["used"] = link["used"] or tidy


# Streamlit adds a history entry for every change of the query string; within one page we replace the
# entry instead, so the address always shows the controls and Back goes to the page before.
REPLACE_HISTORY = """<script>
(function () {
  const h = window.history;
  if (h.__playgroundReplaces) return;
  const push = h.pushState.bind(h);
  h.pushState = function (state, title, url) {
    try {
      if (new URL(url, window.location.href).pathname === window.location.pathname) {
        return h.replaceState(state, title, url);
      }
    } catch (e) { /* a URL we cannot read: let the browser push it */ }
    return push(state, title, url);
  };
  h.__playgroundReplaces = true;
})();
</script>"""


def replace_history() -> None:
    st.html(REPLACE_HISTORY, unsafe_allow_javascript=True, width="content")


def link_for(base: str, params: dict[str, str]) -> str:
    """The address to share: every value percent-encoded, so one holding & or # stays one value."""
    return f"{base}?{urlencode(params)}" if params else base


def share_link() -> None:
    """A copyable address that opens this page with these settings (st.code has a copy button)."""
    base = st.context.url
    if not base:
        return
    with st.sidebar.popover(t("controls.share"), icon=":material/link:", width="stretch"):
        st.caption(t("controls.share_help"))
        st.code(link_for(base, st.query_params.to_dict()), language=None, wrap_lines=True)
