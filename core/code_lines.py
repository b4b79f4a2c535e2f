"""Code a student reads in a box and pastes into an editor: no line longer than WIDTH columns.

Generated code keeps its lines short where they are written (packed() for lists and calls whose
length depends on the settings, wrap_words() for prose); fit() then moves any end-of-line comment
that would run its line past WIDTH onto lines of its own above it, and wraps long comment lines.
A wide character (Hangul, CJK) takes two columns in a monospaced box, so it counts two.
"""
import unicodedata

WIDTH = 88  # black's default line length
HANGING = 24  # the longest head that packed() lines items up under


def columns(text: str) -> int:
    """How many columns text takes in a monospaced font: a wide character takes two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def wrap_words(text: str, width: int = WIDTH, first: str = "", then: str = "") -> list[str]:
    """text's words on lines of at most width columns, the first line begun with `first`, the others
    with `then`. A word longer than a whole line gets a line of its own."""
    lines, line, empty = [], first, True
    for word in text.split():
        if empty:
            line, empty = line + word, False
        elif columns(line + " " + word) <= width:
            line += " " + word
        else:
            lines.append(line)
            line = then + word
    lines.append(line)
    return lines


def packed(head: str, items: list[str], tail: str, width: int = WIDTH) -> str:
    """head + items joined by ", " + tail, on one line when it fits; else as many items a line as fit.
    head is a line's start up to an open bracket, tail the closing: packed("x = f(", ["1", "2"], ")").
    The lines after the first line up under the first item (Python allows any indent inside brackets);
    after a head longer than HANGING columns, the items go a level in on lines of their own, and the
    closing back out on a line of its own, as black writes it: a box narrower than the line wraps it,
    and lines begun far right then wrapped again."""
    one = head + ", ".join(items) + tail
    if columns(one) <= width or not items:
        return one
    last = head.split("\n")[-1]
    if columns(last) <= HANGING:
        return _pack(head, items, tail, width, " " * columns(last))
    base = " " * (len(last) - len(last.lstrip(" ")))
    return head + "\n" + _pack(base + "    ", items, "", width, base + "    ") + "\n" + base + tail


def _pack(head: str, items: list[str], tail: str, width: int, indent: str) -> str:
    """items after head, as many a line as fit in width, each new line begun with indent."""
    lines, line, empty = [], head, True
    for i, item in enumerate(items):
        piece = item + ("," if i < len(items) - 1 else tail)
        if empty:
            line, empty = line + piece, False
        elif columns(line + " " + piece) <= width:
            line += " " + piece
        else:
            lines.append(line)
            line = indent + piece
    lines.append(line)
    return "\n".join(lines)


def _comment_at(line: str) -> int | None:
    """Where an end-of-line or whole-line comment starts in a line of code, or None: a '#' outside
    quotes. (Generated code has no string running over lines but docstrings, which fit() skips.)"""
    quote = None
    i = 0
    while i < len(line):
        c = line[i]
        if quote:
            if c == "\\":
                i += 1
            elif line.startswith(quote, i):
                i += len(quote) - 1
                quote = None
        elif c in "'\"":
            quote = line[i:i + 3] if line[i:i + 3] in ("'''", '"""') else c
            i += len(quote) - 1
        elif c == "#":
            return i
        i += 1
    return None


def fit(code: str, width: int = WIDTH) -> str:
    """code with each comment that ends a line past `width` on lines of its own, above its line and as
    far in; comment lines too long wrapped. Lines of code themselves are left as they are (and lines
    inside a triple-quoted string): their makers keep them short."""
    out = []
    in_docstring = False
    for line in code.split("\n"):
        marks = line.count('"""') + line.count("'''")
        if in_docstring or columns(line) <= width:
            out.append(line)
        else:
            at = _comment_at(line)
            if at is None or out and out[-1].rstrip().endswith("\\"):
                out.append(line)
            else:
                code_part, words = line[:at].rstrip(), line[at + 1:].strip()
                indent = line[:len(line) - len(line.lstrip())]
                out += wrap_words(words, width, indent + "# ", indent + "# ")
                if code_part.strip():
                    out.append(code_part)
        if marks % 2:
            in_docstring = not in_docstring
    return "\n".join(out)


def too_long(code: str, width: int = WIDTH) -> list[str]:
    """The lines of code longer than width columns (what the tests look for)."""
    return [line for line in code.splitlines() if columns(line) > width]
