"""What a code box may hold: hostile texts to type or link in, and a run of a box's code that says what it did.

A student copies a code box and runs it, so whatever a page puts there runs on their machine. These
helpers run it in a folder of its own and report any file it made or any process, network or removal
it asked for (Python's audit hooks, PEP 578), so a test can assert that only the tensor code ran.
"""
import os
import sys
from contextlib import contextmanager
from pathlib import Path

import torch

PAYLOAD = "__import__('os').system('touch pwned')"
# Texts that break out of a literal, a call, a line, a comment or a docstring in some way, each carrying
# PAYLOAD: what a shared link or a pasted text could hold.
HOSTILE = [
    f"1) ; {PAYLOAD} ; (1",                      # the link: closes torch.tensor( and opens it again
    f"[1, 2]\n{PAYLOAD}",                         # a newline: a second statement
    f"1\r{PAYLOAD}",                              # a carriage return
    f"1\u2028{PAYLOAD}",                          # LINE SEPARATOR: where an editor breaks the line
    f"2, 3)\n{PAYLOAD}\n(1",                      # a shape that closes the call
    f"'''\n{PAYLOAD}\n'''",                       # triple quotes
    f'"""\n{PAYLOAD}\n"""',
    f"1 \\\n{PAYLOAD}",                           # a backslash: the line goes on
    f"1 # \n{PAYLOAD}",                           # a comment, then a new line
    f"{{{PAYLOAD}}}",                             # braces: a set, or an f-string's field
    f"'; {PAYLOAD}; '",                           # quotes
    f"[1, {PAYLOAD}]",                            # a call inside the list
    PAYLOAD,
    f"lambda: {PAYLOAD}",
]
SHORT = [HOSTILE[0], HOSTILE[1], HOSTILE[3], HOSTILE[6]]  # for the slower checks of whole pages

# Audit events that code in a box has no business raising: processes, network, removals, shell.
FORBIDDEN = ("os.system", "subprocess.Popen", "os.posix_spawn", "os.spawn", "os.exec", "os.fork", "os.forkpty",
             "pty.spawn", "socket.connect", "socket.getaddrinfo", "os.remove", "os.rmdir", "os.rename",
             "shutil.rmtree", "shutil.move", "webbrowser.open")
_watching: list | None = None


def _hook(event: str, args) -> None:
    if _watching is not None and event.startswith(FORBIDDEN):
        _watching.append((event, repr(args)[:200]))


sys.addaudithook(_hook)  # an audit hook cannot be removed: it records only while run_in() watches


@contextmanager
def _watch():
    global _watching
    _watching = []
    try:
        yield _watching
    finally:
        _watching = None


def run_in(folder: Path, code: str, scope: dict | None = None) -> dict:
    """exec `code` with `folder` as the current folder; -> its scope. Fails on any forbidden event or
    any new file in the folder (e.g. `pwned`)."""
    before, here, threads = set(os.listdir(folder)), os.getcwd(), torch.get_num_threads()
    scope = {} if scope is None else scope
    os.chdir(folder)
    try:
        with _watch() as events:
            exec(compile(code, "code_box.py", "exec"), scope)
    finally:
        os.chdir(here)
        torch.set_num_threads(threads)  # the scripts set the app's thread count: leave the tests' as it was
    made = set(os.listdir(folder)) - before
    assert not events, f"the code did more than tensor code: {events}"
    assert not made, f"the code made files: {made}"
    return scope


def holds_no_payload(code: str | None) -> bool:
    """No trace of what was typed: no payload, no name of it, no part of it."""
    return code is None or not any(part in code for part in ("__import__", "pwned", "system(", "lambda:"))
