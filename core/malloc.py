"""glibc's allocator, told to keep less: what a server of many sessions needs and a laptop does not notice.

glibc's malloc gives each thread that allocates at once an arena of its own, up to eight a core, and
keeps what is freed in it for the next allocation there. Streamlit runs each session's script on a
thread of its own, so a class training at once spreads over many arenas, each keeping its high-water
mark: measured with bench/student_memory.py on this 2-core machine, three students training the CNN at
once cost the server +141 MB at their peak and +103 MB after they had all left; with two arenas, +42
and -8 MB. Threads then share arenas (a short wait on a lock, which the GIL mostly serialises anyway).

cap_arenas() is mallopt(M_ARENA_MAX), the setting MALLOC_ARENA_MAX names, made from inside the
process: `streamlit run` on Community Cloud or a laptop sets no environment. It binds the arenas made
after it, so the app calls it on import (ui.nav), before any session's thread allocates. A
MALLOC_ARENA_MAX in the environment wins. give_back() returns freed pages (malloc_trim(0), which
since glibc 2.8 releases free pages inside the heap too, not only at its top). Elsewhere than glibc
(musl, macOS) both do nothing.
"""
import ctypes
import ctypes.util
import functools
import os

ARENAS = 2          # arenas for the whole process: the main one and one for every other thread
M_ARENA_MAX = -8    # glibc's malloc.h


@functools.cache
def _libc():
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name)
        libc.malloc_trim  # noqa: B018  glibc only: musl and macOS have none
        libc.mallopt  # noqa: B018
    except (OSError, AttributeError, TypeError):
        return None
    return libc


def give_back() -> bool:
    """Return the memory this process has freed to the system (glibc's malloc_trim); False where there is none."""
    libc = _libc()
    return bool(libc and libc.malloc_trim(0))


@functools.cache
def cap_arenas(arenas: int = ARENAS) -> bool:
    """At most `arenas` malloc arenas from now on (once a process); False where it was not set: no glibc,
    or MALLOC_ARENA_MAX in the environment (the operator's choice)."""
    libc = _libc()
    if libc is None or "MALLOC_ARENA_MAX" in os.environ:
        return False
    return bool(libc.mallopt(M_ARENA_MAX, arenas))
