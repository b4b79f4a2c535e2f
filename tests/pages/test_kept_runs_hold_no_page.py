"""A kept run holds core's builders, not a function of the page: a function defined in a page keeps that
script run's whole namespace (its data, its charts: 8.6 MB with a 1 MB CSV) alive for as long as the run is kept."""
import gc
import sys
import types

import pytest

from apptest_helpers import PAGES, train
from test_links import opened

ROOT_SKIPPED = (types.ModuleType, type)  # modules and classes lead everywhere, and hold no page


def page_namespaces(start, page_file: str, most: int = 200_000) -> list[dict]:
    """Every dict reachable from `start` that is the namespace of a run of page_file (its __file__)."""
    # modules' namespaces (reached through any function's __globals__) are skipped too, but for the page's
    skipped = {id(vars(m)) for m in list(sys.modules.values())
               if m is not None and not str(getattr(m, "__file__", "")).endswith(page_file)}
    seen, todo, found = set(skipped), [start], []
    while todo and len(seen) < most:
        obj = todo.pop()
        if id(obj) in seen or isinstance(obj, ROOT_SKIPPED):
            continue
        seen.add(id(obj))
        if isinstance(obj, dict) and str(obj.get("__file__", "")).endswith(page_file):
            found.append(obj)
            continue
        todo.extend(gc.get_referents(obj))
    return found


@pytest.mark.parametrize("page", list(PAGES))
def test_a_kept_run_holds_no_namespace_of_its_page(page):
    at = opened(page, epochs="1")
    train(at, PAGES[page])
    kept = at.session_state[f"{PAGES[page]}.runs"].kept
    assert kept, "the run was not kept"
    assert not page_namespaces(kept[-1], page)


def test_the_check_finds_a_page_namespace_where_there_is_one():
    namespace = {"__file__": "/app/pages/tensors.py"}
    exec("def make_model(seed):\n    return seed", namespace)
    assert page_namespaces({"maker": namespace["make_model"]}, "pages/tensors.py") == [namespace]
