"""What a student can get wrong, as a code and values: core never words it, the language tables do.

`Problem("csv.too_many_rows", rows=12000, most=10000)` is shown by the UI as the sentence under
"error.csv.too_many_rows" in the session's language, filled with those values (ui.i18n.say).
"""


class Problem(ValueError):
    """Input that cannot be used: `code` names the message, `values` fill its {placeholders}."""

    def __init__(self, code: str, **values):
        super().__init__(code, values)
        self.code, self.values = code, values

    def __str__(self) -> str:  # for logs and tests; a person sees ui.i18n.say(problem)
        detail = ", ".join(f"{k}={v!r}" for k, v in self.values.items())
        return f"{self.code}({detail})" if detail else self.code
