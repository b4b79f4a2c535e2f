"""Pages name no session-state key themselves: every key comes from ui/keys.py, through a page's
controls.For(page) (`page.key("eval")`, its settings' widget arguments), so one module says what each
key is and two pages cannot collide. A literal key in a page is a key nobody else knows about."""
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _literal(node) -> bool:
    return isinstance(node, (ast.Constant, ast.JoinedStr)) and not (
        isinstance(node, ast.Constant) and not isinstance(node.value, str))


def _is_session_state(node) -> bool:
    return isinstance(node, ast.Attribute) and node.attr == "session_state"


def literal_keys(source: str) -> list[int]:
    """Lines where `source` names a session-state key or a widget key as a string of its own."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Subscript) and _is_session_state(node.value) and _literal(node.slice):
            lines.append(node.lineno)                       # st.session_state["mnist.eval"]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if _is_session_state(node.func.value) and node.args and _literal(node.args[0]):
                lines.append(node.lineno)                   # st.session_state.get("_mnist.batch_size")
            elif node.func.attr != "container" and any(k.arg == "key" and _literal(k.value) for k in node.keywords):
                lines.append(node.lineno)                   # st.button(..., key="mnist.retry")
    return sorted(lines)


def test_pages_name_no_key_of_their_own():
    found = {path.name: literal_keys(path.read_text(encoding="utf-8")) for path in sorted(ROOT.glob("pages/*.py"))}
    assert {name: lines for name, lines in found.items() if lines} == {}


def test_the_check_finds_literal_keys():
    source = ('import streamlit as st\nst.session_state["a.b"] = 1\nx = st.session_state.get(f"a.{1}")\n'
              'st.button("Go", key="a.go")\nst.session_state[page.key("ok")] = 2\nst.container(key="box")\n')
    assert literal_keys(source) == [2, 3, 4]
