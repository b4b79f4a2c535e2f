"""The page's script as a Jupyter notebook: a cell for each part of core.codegen.script (data, model, loss
and optimizer, the loop, the result), each after a short markdown cell in the page's language; its last
cell prints the final loss, as the script does (tests/pages/test_notebooks.py runs each page's)."""
import nbformat

from .codegen import PARTS


def notebook(parts: list[tuple[str, str]], headings: dict[str, str], title: str, task: str = "") -> str:
    """parts: core.codegen.script_parts' (name, code); headings: a markdown line for each name of PARTS
    (the title's part becomes the notebook's first markdown cell instead of a docstring). task: markdown
    put first (a lesson's task). -> the notebook as JSON text (nbformat 4)."""
    unknown = [name for name, _ in parts if name not in PARTS]
    if unknown:
        raise ValueError(f"no heading for the parts {unknown}")
    cells = [nbformat.v4.new_markdown_cell(task)] if task else []
    cells.append(nbformat.v4.new_markdown_cell(f"# {title}\n\n{headings['title']}"))
    for name, code in parts:
        if name == "title":  # the script's docstring: said by the markdown cell above
            continue
        cells.append(nbformat.v4.new_markdown_cell(headings[name]))
        cells.append(nbformat.v4.new_code_cell(code))
    book = nbformat.v4.new_notebook(cells=cells, metadata={
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "language_info": {"name": "python"}})
    nbformat.validate(book)
    return nbformat.writes(book)
