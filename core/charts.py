"""Altair chart builders: pure functions from numbers to a chart, no streamlit."""
import math
import textwrap

import altair as alt
import pandas as pd


MOST_POINTS = 400  # a curve drawn with more points looks no different, but costs the server and the wifi


def warm_up() -> None:
    """Build and serialise one chart: Altair checks its first charts against its schema slowly (~0.1 s)."""
    loss_curve([1.0, 0.5, 0.25], log_scale=True).to_dict()


def thin(n: int, most: int = MOST_POINTS) -> list[int]:
    """Indices of at most `most` points evenly spread over range(n), always keeping the last."""
    if n <= most:
        return list(range(n))
    step = n / (most - 1)
    return sorted({min(n - 1, round(i * step)) for i in range(most - 1)} | {n - 1})


LOG_FLOOR = 1e-12  # a loss of exactly 0 has no logarithm: a log-scale chart draws it no lower than here
# float32 holds about 7 digits, so a squared error is exact to about 1e-14 of the squared scale: below
# RELATIVE_FLOOR times a run's first loss, its loss is rounding (0, 7.8e-11, 1.9e-9, 0 on the hours data
# with momentum 0.9), and a log scale drew that as a saw-tooth between 1e-12 and 1e-9. Drawn at the floor,
# a loss that has reached nothing is a flat line.
RELATIVE_FLOOR = 1e-13
MOST_SCATTER = 2000  # data points drawn as dots: an even sample of a larger set (training still uses all)
TITLE_WIDTH = 28     # characters a title line may hold before it wraps: Vega cuts a title wider than its chart
# a fitted line's formula stays whole up to here: half a page at 1024 px holds about 43 characters of a
# presenter's title (9 px each), and a formula cut at "+" read as two
FORMULA_WIDTH = 40


def log_floor(values: list[float]) -> float:
    """Where a log-scale chart stops drawing this loss lower: RELATIVE_FLOOR of its first finite value,
    and never under LOG_FLOOR."""
    first = next((abs(v) for v in values if finite(v)), 0.0)
    return max(LOG_FLOOR, first * RELATIVE_FLOOR)


def _positive(values: list[float]) -> list[float]:
    """values clipped at their log_floor: a log scale can draw them, and what is rounding lies flat."""
    floor = log_floor(values)
    return [max(v, floor) for v in values]


DECADES = 2  # losses that span this many powers of ten are drawn on a log scale


def spans_decades(*series: list[float], decades: float = DECADES) -> bool:
    """Do these losses span `decades` powers of ten (or reach 0, or blow up)? On an ordinary scale such a
    loss is one spike, then flat; on a log scale it keeps falling where it looked done."""
    seen = [abs(v) for values in series for v in values if finite(v)]
    if not seen:
        return False
    top, low = max(seen), min(seen)
    return top > 0 and (low == 0 or top / low >= 10 ** decades)


def finite(v) -> bool:
    """A number a chart can draw: JSON has no inf or nan (the browser's parser fails on them)."""
    return isinstance(v, (int, float)) and math.isfinite(v)


def drawable(*series: list[float]) -> bool:
    """Does any of these series hold a number a chart can draw? (A run that diverged at once has none.)"""
    return any(finite(v) for values in series for v in values)


def _title(text: str) -> alt.TitleParams | str:
    """A title wrapped into lines that fit a narrow chart, instead of cut off at its end."""
    if len(text) <= TITLE_WIDTH:
        return text
    return alt.TitleParams(textwrap.wrap(text, TITLE_WIDTH, break_on_hyphens=False))


def _formula_title(text: str) -> alt.TitleParams | str:
    """A formula as a title: whole on one line, or broken after its "=" and nowhere else."""
    if len(text) <= FORMULA_WIDTH or " = " not in text:
        return text
    left, right = text.split(" = ", 1)
    return alt.TitleParams([f"{left} =", right])


def _value_axis(values: list[float], log_scale: bool) -> tuple[alt.Scale, alt.Axis]:
    """The scale and axis for a value axis that stays readable for any values.

    Near-constant values (a run stuck at 5.0000001) would get ticks like 4.9999995: such an axis starts
    at zero instead. Huge or tiny values (a run blowing up to 1e30) are written as 1e+30, not 1000000000…
    A log axis over decades has its ticks and grid lines at powers of ten only: Vega's own ticks put a
    grid line at 2, 3 ... 9 of every decade, bands of grey lines across a projector's chart.
    """
    seen = [v for v in values if finite(v)] or [1.0]
    top, low = max(abs(v) for v in seen), min(abs(v) for v in seen)
    if log_scale:
        fmt = "~e" if top >= 1e5 or low < 1e-3 else "~g"
        decades = _decades(low, top)
        return alt.Scale(type="log"), alt.Axis(format=fmt, values=decades if decades else alt.Undefined)
    spread = max(seen) - min(seen)
    fmt = ".2~e" if top >= 1e5 or 0 < top < 1e-3 else ".4~g"
    return alt.Scale(zero=not spread > 1e-3 * top), alt.Axis(format=fmt)


def _decades(low: float, top: float, most: int = 7) -> list[float] | None:
    """Powers of ten from below `low` to above `top`, every second or third where there would be more
    than `most`; None (Vega's own ticks) where the values span less than two decades."""
    if not 0 < low <= top:
        return None
    first, last = math.floor(math.log10(low)), math.ceil(math.log10(top))
    if last - first < DECADES:
        return None
    step = math.ceil((last - first + 1) / most)
    return [10.0 ** k for k in range(first, last + 1, step)]


def loss_curve(loss: list[float], title: str = "Loss", log_scale: bool = False,
               x_title: str = "Epoch", y_title: str = "Loss") -> alt.Chart:
    """The loss per epoch as a line; values that are not finite are left out (an empty chart if all are)."""
    keep = [i for i in thin(len(loss)) if finite(loss[i])]
    values = _positive(loss) if log_scale else loss
    frame = pd.DataFrame({"epoch": keep, "loss": [values[i] for i in keep]}, columns=["epoch", "loss"])
    scale, axis = _value_axis([values[i] for i in keep], log_scale)
    return (alt.Chart(frame, title=_title(title))
            .mark_line(point=len(loss) <= 30)
            .encode(x=alt.X("epoch:Q", title=x_title, axis=alt.Axis(format="d", tickMinStep=1)),
                    y=alt.Y("loss:Q", title=y_title, scale=scale, axis=axis),
                    tooltip=[alt.Tooltip("epoch:Q"), alt.Tooltip("loss:Q", format=".4g")]))


def fit_line(x: list[float], y: list[float], line_x: list[float], line_y: list[float],
             title: str = "Data and fitted line",
             others: list[tuple[str, list[float], str]] = (), label: str = "", colour: str = "#e4572e",
             names: tuple[str, str] = ("x", "y")) -> alt.Chart:
    """The data as points (an even sample of at most MOST_SCATTER) and the model's predictions as a line.

    The x axis spans line_x, so give the line's ends a margin beyond the data. others: earlier runs'
    lines [(label, line_y, colour)], drawn thinner beneath; label and colour are this run's; names: the
    axes' titles (the data's columns: hours and ability).
    """
    keep = [i for i in thin(len(x), MOST_SCATTER) if finite(x[i]) and finite(y[i])]
    points = pd.DataFrame({"x": [x[i] for i in keep], "y": [y[i] for i in keep]}, columns=["x", "y"])
    line = pd.DataFrame({"x": line_x, "y": line_y})
    x_scale = alt.Scale(domain=[min(line_x), max(line_x)], nice=False)
    size = 120 if len(keep) <= 100 else 30 if len(keep) <= 500 else 10
    # the y axis follows the data, not the line: a diverged run's line (1e17 steep) would squash the data
    ys = points["y"].tolist() or [0.0]
    pad = 0.1 * (max(ys) - min(ys)) or 1.0
    y_scale = alt.Scale(domain=[min(ys) - pad, max(ys) + pad], nice=True, zero=False)
    axis_x = _value_axis(list(line_x), False)[1]
    axis_y = _value_axis(ys, False)[1]
    base = (alt.Chart(points, title=_formula_title(title))
            .mark_circle(size=size, color="#495057" if others else "#1c7ed6")
            .encode(x=alt.X("x:Q", scale=x_scale, axis=axis_x, title=names[0]),
                    y=alt.Y("y:Q", scale=y_scale, axis=axis_y, title=names[1])))
    if not others:
        return base + (alt.Chart(line).mark_line(color=colour, strokeWidth=3, clip=True)
                       .encode(x="x:Q", y=alt.Y("y:Q", scale=y_scale)))
    runs = [(name, ys_, c, False) for name, ys_, c in others] + [(label, line_y, colour, True)]
    rows = pd.DataFrame([{"run": name, "x": lx, "y": ly, "newest": newest}
                         for name, ys_, _, newest in runs for lx, ly in zip(line_x, ys_) if finite(ly)],
                        columns=["run", "x", "y", "newest"])
    names = [name for name, *_ in runs]
    return base + (alt.Chart(rows).mark_line(clip=True)
                   .encode(x="x:Q", y=alt.Y("y:Q", scale=y_scale),
                           color=alt.Color("run:N", title=None, sort=names,
                                           scale=alt.Scale(domain=names, range=[c for _, _, c, _ in runs]),
                                           legend=None),  # a legend of eight runs squashes the plot: the
                           # runs chart below names each colour
                           strokeWidth=alt.condition("datum.newest", alt.value(3.5), alt.value(1.8)),
                           opacity=alt.condition("datum.newest", alt.value(1.0), alt.value(0.7))))


def cost_curve(w: list[float], cost: list[float], path_w: list[float], path_cost: list[float],
               title: str = "cost(W)", y_title: str = "cost") -> alt.Chart:
    """cost(W) as a parabola, and the W the optimizer visited as points on it (clipped to the curve's box).

    A long path is thinned (its first steps and an even sample after them); steps that are not finite
    are left out.
    """
    curve = pd.DataFrame([(a, c) for a, c in zip(w, cost) if finite(a) and finite(c)], columns=["W", "cost"])
    steps = [k for k in thin(len(path_w)) if finite(path_w[k]) and finite(path_cost[k])]
    path = pd.DataFrame({"W": [path_w[k] for k in steps], "cost": [path_cost[k] for k in steps], "step": steps},
                        columns=["W", "cost", "step"])
    top = curve["cost"].max() if len(curve) else 1.0
    x_scale = alt.Scale(domain=[curve["W"].min(), curve["W"].max()] if len(curve) else [-1, 1], nice=False)
    y_scale = alt.Scale(domain=[0, top], nice=False)
    line = (alt.Chart(curve, title=_title(title)).mark_line(color="#495057", strokeWidth=2.5)
            .encode(x=alt.X("W:Q", scale=x_scale, axis=_value_axis(curve["W"].tolist(), False)[1]),
                    y=alt.Y("cost:Q", title=y_title, scale=y_scale,
                            axis=_value_axis([top], False)[1])))
    dots = (alt.Chart(path).mark_line(point=alt.OverlayMarkDef(size=60, color="#e4572e"), color="#e4572e",
                                      strokeDash=[4, 3], clip=True)
            .encode(x=alt.X("W:Q", scale=x_scale), y=alt.Y("cost:Q", scale=y_scale), order="step:Q",
                    tooltip=[alt.Tooltip("step:Q"), alt.Tooltip("W:Q", format=".4f"),
                             alt.Tooltip("cost:Q", format=".4g")]))
    return line + dots


def lines_to_point(point: tuple[float, float], lines: list[tuple[str, float, float]],
                   x_range: tuple[float, float], title: str = "") -> alt.Chart:
    """A data point and several lines y = W x + b, each named (e.g. "before", "after")."""
    lo, hi = x_range
    frame = pd.DataFrame([{"line": name, "x": x, "y": w * x + b}
                          for name, w, b in lines for x in (lo, hi) if finite(w * x + b)],
                         columns=["line", "x", "y"])
    names = [name for name, _, _ in lines]
    # the y axis spans the point and the first line: a diverged line is clipped, not left to squash the rest
    _, w0, b0 = lines[0]
    span = [point[1]] + [v for v in (w0 * lo + b0, w0 * hi + b0) if finite(v)]
    pad = 0.25 * (max(span) - min(span)) or 1.0
    y_scale = alt.Scale(domain=[min(span) - pad, max(span) + pad], nice=True)
    drawn = (alt.Chart(frame, title=title).mark_line(strokeWidth=3, clip=True)
             .encode(x=alt.X("x:Q", scale=alt.Scale(domain=[lo, hi], nice=False)), y=alt.Y("y:Q", scale=y_scale),
                     # the legend above the plot: on the right, in half of a 1024 px page, it left the plot 70 px
                     color=alt.Color("line:N", sort=names, title=None,
                                     legend=alt.Legend(orient="top", direction="vertical", labelLimit=300),
                                     scale=alt.Scale(range=["#adb5bd", "#e4572e", "#1c7ed6", "#2b8a3e"])),
                     detail="line:N"))
    dot = (alt.Chart(pd.DataFrame({"x": [point[0]], "y": [point[1]]})).mark_point(
        size=220, filled=True, color="#111111").encode(x="x:Q", y=alt.Y("y:Q", scale=y_scale)))
    return drawn + dot


PALETTE = ["#1c7ed6", "#e4572e", "#2b8a3e", "#7048e8", "#f59f00"]


def loss_curves(series: dict[str, list[float]], title: str = "Loss", log_scale: bool = False,
                y_title: str = "Loss", x_title: str = "Epoch", first: int = 0, legend: str = "bottom") -> alt.Chart:
    """Several curves per epoch (losses, accuracies), one colour each, on one chart; x counts from `first`.
    The legend goes under the chart (long run labels) or to its "right" (short ones, a taller plot).

    Values that are not finite are left out; every field is typed, so even no data at all draws.
    """
    frame = pd.DataFrame([{"run": name, "epoch": i + first, "loss": values[i]}
                          for name, loss in series.items()
                          for values in [_positive(loss) if log_scale else loss]
                          for i in thin(len(values)) if finite(values[i])],
                         columns=["run", "epoch", "loss"])
    scale, axis = _value_axis(frame["loss"].tolist(), log_scale)
    return (alt.Chart(frame, title=_title(title)).mark_line(strokeWidth=2.5, point=len(frame) <= 60)
            .encode(x=alt.X("epoch:Q", title=x_title, axis=alt.Axis(format="d", tickMinStep=1)),
                    y=alt.Y("loss:Q", title=y_title, scale=scale, axis=axis),
                    color=alt.Color("run:N", title=None, sort=list(series), scale=alt.Scale(range=PALETTE),
                                    legend=alt.Legend(orient=legend, direction="vertical", labelLimit=300)
                                    if len(series) > 1 else None),
                    tooltip=[alt.Tooltip("run:N"), alt.Tooltip("epoch:Q"), alt.Tooltip("loss:Q", format=".4g")]))


def contour(box: tuple[float, float, float, float], moments: tuple[float, float, float, float, float],
            paths: dict[str, tuple[list[float], list[float]]], best: tuple[float, float],
            title: str = "cost(W, b)", cost_title: str = "cost", cost_legend: str = "right",
            colours: list[str] | None = None, cells: int = 50) -> alt.Chart:
    """mean((W x + b - y)^2) over the (W, b) box (w_lo, w_hi, b_lo, b_hi) as cells x cells shaded cells
    (log colour), optimizer paths on top, the optimum as a star.

    The browser computes each cell's cost from the data's five moments (core.landscape.linear_cost_moments):
    the cells are a sequence and a formula, not 2,500 rows of data (147 kB a picture, 175 ms to build,
    redrawn at every frame of a run). Cell centres run from w_lo to w_hi, as torch.linspace(w_lo, w_hi, cells).
    cost_legend "bottom" for a chart in half a page: on the right, the legend leaves the grid a sliver.
    """
    w_lo, w_hi, b_lo, b_hi = box
    sw, sb = (w_hi - w_lo) / (cells - 1), (b_hi - b_lo) / (cells - 1)
    dw, db = sw / 2, sb / 2
    xx, mx, xy, my, yy = (f"({v!r})" for v in moments)
    cost = f"datum.W * datum.W * {xx} + 2 * datum.W * datum.b * {mx} + datum.b * datum.b - 2 * datum.W * {xy}" \
           f" - 2 * datum.b * {my} + {yy}"
    x_scale = alt.Scale(domain=[w_lo - dw, w_hi + dw], nice=False, zero=False)
    y_scale = alt.Scale(domain=[b_lo - db, b_hi + db], nice=False, zero=False)
    surface = (alt.Chart(alt.sequence(0, cells * cells, as_="k"), title=_title(title)).mark_rect(aria=False)
               .transform_calculate(W=f"({w_lo!r}) + floor(datum.k / {cells}) * ({sw!r})",
                                    b=f"({b_lo!r}) + (datum.k % {cells}) * ({sb!r})")
               .transform_calculate(cost=f"max({LOG_FLOOR!r}, {cost})", w0=f"datum.W - ({dw!r})",
                                    w1=f"datum.W + ({dw!r})", b0=f"datum.b - ({db!r})", b1=f"datum.b + ({db!r})")
               .transform_filter("isFinite(datum.cost)")
               .encode(x=alt.X("w0:Q", title="W", scale=x_scale), x2="w1", y=alt.Y("b0:Q", title="b", scale=y_scale),
                       y2="b1", color=alt.Color("cost:Q", scale=alt.Scale(type="log", scheme="greys", reverse=True),
                                                legend=alt.Legend(title=cost_title, orient=cost_legend, format=".2~g",
                                                                  gradientLength=160))))
    # each path thinned by step (a 2,000-epoch run is 2,001 points), and only where the grid is
    path_rows = [{"optimizer": name, "step": k, "W": ws[k], "b": bs[k]}
                 for name, (ws, bs) in paths.items() for k in thin(min(len(ws), len(bs)))
                 if w_lo - dw <= ws[k] <= w_hi + dw and b_lo - db <= bs[k] <= b_hi + db]
    layers = [surface]
    if path_rows:
        lines = (alt.Chart(pd.DataFrame(path_rows)).mark_line(point=alt.OverlayMarkDef(size=25), strokeWidth=2.5)
                 .encode(x=alt.X("W:Q", scale=x_scale), y=alt.Y("b:Q", scale=y_scale), order="step:Q",
                         color=alt.Color("optimizer:N", sort=list(paths),
                                         scale=alt.Scale(domain=list(paths), range=colours or PALETTE),
                                         # one path: the title names it; several: a legend would squash the
                                         # surface, and the runs chart below names each colour
                                         legend=None),
                         tooltip=[alt.Tooltip("optimizer:N"), alt.Tooltip("step:Q"), alt.Tooltip("W:Q", format=".4f"),
                                  alt.Tooltip("b:Q", format=".4f")]))
        layers.append(lines)
    star = (alt.Chart(pd.DataFrame({"W": [best[0]], "b": [best[1]]})).mark_point(
        shape="diamond", size=260, filled=True, color="#f59f00", stroke="black")
        .encode(x=alt.X("W:Q", scale=x_scale), y=alt.Y("b:Q", scale=y_scale)))
    # drawn on a canvas, as Streamlit draws a chart of over 2,000 rows: 2,500 SVG rects (no rows, so Streamlit
    # kept SVG) took a first visit 0.23 s of the browser's time
    return alt.layer(*layers, star).properties(height=420, usermeta={"embedOptions": {"renderer": "canvas"}})


def curves(x: list[float], series: dict[str, list[float]], title: str = "",
           points: tuple[list[float], list[float]] | None = None,
           dashed: tuple[str, ...] = (), colours: list[str] | None = None,
           named: list[str] | None = None) -> alt.Chart:
    """Several curves y(x) over the same x, one colour each (`colours`, in order, or the palette after
    black for the first); optional data points beneath them. named: the curves the legend lists (all)."""
    keep = thin(len(x))
    frame = pd.DataFrame([{"curve": name, "x": x[i], "y": ys[i]} for name, ys in series.items() for i in keep])
    names = list(series)
    # every channel reads the curve, over one domain, so Vega-Lite draws one legend whose swatches are the
    # lines themselves: the reference wide and pale, a dashed curve dashed (with the style set by
    # conditions, the legend showed a black swatch for a pale grey line)
    legend = alt.Legend(orient="top", labelLimit=300, symbolType="stroke", symbolSize=400,
                        **({"values": named} if named else {}))
    def by_curve(channel, values):
        return channel("curve:N", sort=names, title=None, legend=legend,
                       scale=alt.Scale(type="ordinal", domain=names, range=values))  # not interpolated
    lines = (alt.Chart(frame, title=title).mark_line(clip=True)
             .encode(x=alt.X("x:Q"), y=alt.Y("y:Q", scale=alt.Scale(domain=[-2, 2])),
                     color=by_curve(alt.Color, colours or ["#111111", *PALETTE][:len(names)]),
                     strokeWidth=by_curve(alt.StrokeWidth, [7] + [2.5] * (len(names) - 1)),
                     opacity=by_curve(alt.Opacity, [0.3] + [1.0] * (len(names) - 1)),
                     strokeDash=by_curve(alt.StrokeDash, [[6, 4] if n in dashed else [1, 0] for n in names])))
    if points is None:
        return lines
    dots = (
        alt.Chart(
            pd.DataFrame(
                {
                    "x": [points[0][i] for i in thin(len(points[0]), 1000)],
                    "y": [points[1][i] for i in thin(len(points[1]), 1000)],
                }
            )
        )
        .mark_circle(size=12, opacity=0.35, color="#868e96", clip=True)
        .encode(x="x:Q", y=alt.Y("y:Q", scale=alt.Scale(domain=[-2, 2])))
    )
    return dots + lines


def bars(labels: list, values: list[float], title: str = "", y_title: str = "", percent: bool = True,
         highlight: int | None = None, label_from: float | None = None, across: bool = False) -> alt.Chart:
    """One bar a label (accuracy per class, the ten probabilities), the `highlight` one in colour.

    label_from: write the values of only the bars at least this tall, so that in a narrow column ten
    "0%" do not run into one another.
    across: the bars lie across, one row a label, each value at its bar's end: ten values all written
    ("97%" ten times side by side ran into one another in half of a 1024 px page).
    """
    frame = pd.DataFrame({"label": [str(v) for v in labels], "value": values,
                          "top": [i == highlight for i in range(len(labels))]})
    fmt = ".0%" if percent else ".3g"
    if across:
        # room right of the longest bar for its value; the axis stops at 100%
        scale = alt.Scale(domain=[0, 1.22], nice=False) if percent else alt.Scale()
        base = alt.Chart(frame, title=_title(title)).encode(
            y=alt.Y("label:N", title=None, sort=None, axis=alt.Axis(labelOverlap=False)),  # every label
            x=alt.X("value:Q", title=y_title, scale=scale,
                    axis=alt.Axis(format=fmt, values=[0, 0.25, 0.5, 0.75, 1] if percent else alt.Undefined)))
        text = base.mark_text(align="left", dx=4, fontSize=12).encode(text=alt.Text("value:Q", format=fmt))
        return (base.mark_bar(color="#1c7ed6").encode(
                    color=alt.condition(alt.datum.top, alt.value("#e4572e"), alt.value("#1c7ed6")),
                    tooltip=["label", alt.Tooltip("value:Q", format=fmt)])
                + text).properties(height=alt.Step(22))
    base = alt.Chart(frame, title=title).encode(
        x=alt.X("label:N", title=None, sort=None, axis=alt.Axis(labelAngle=0, labelOverlap=False)),  # every label
        y=alt.Y("value:Q", title=y_title, axis=alt.Axis(format=fmt),
                scale=alt.Scale(domain=[0, 1]) if percent else alt.Scale()))
    text = base.mark_text(dy=-8, fontSize=12).encode(text=alt.Text("value:Q", format=fmt))
    if label_from is not None:
        text = text.transform_filter(alt.datum.value >= label_from)
    return (base.mark_bar(color="#1c7ed6").encode(
                color=alt.condition(alt.datum.top, alt.value("#e4572e"), alt.value("#1c7ed6")),
                tooltip=["label", alt.Tooltip("value:Q", format=fmt)])
            + text)


RUN_COLOURS = ["#e4572e", "#1c7ed6", "#2b8a3e", "#7048e8", "#f59f00", "#0ca678", "#d6336c", "#495057"]


def runs_chart(series: list[tuple[str, list[float], int, bool]], title: str = "Loss", y_title: str = "Loss",
               x_title: str = "Epoch", log_scale: bool = True) -> alt.Chart:
    """Loss curves of runs: [(label, loss per epoch, colour index, bold?)]; the bold one (the run on
    screen) over the others, thinner and lighter, each in its own colour (RUN_COLOURS[index]) on every
    chart. Epochs count from 1: after N steps the last point is at N, as the status line says."""
    rows = [{"run": label, "epoch": i + 1, "loss": values[i], "newest": newest}
            for label, loss, _, newest in series
            for values in [_positive(loss) if log_scale else loss]
            for i in thin(len(values)) if math.isfinite(values[i])]
    frame = pd.DataFrame(rows, columns=["run", "epoch", "loss", "newest"])
    labels = [label for label, *_ in series]
    colours = [RUN_COLOURS[c % len(RUN_COLOURS)] for _, _, c, _ in series]
    scale, axis = _value_axis(frame["loss"].tolist(), log_scale)  # readable for a stuck run, or one that blew up
    legend = alt.Legend(orient="bottom", direction="vertical", labelLimit=400) if len(series) > 1 else None
    return (alt.Chart(frame, title=_title(title)).mark_line(point=len(frame) <= 30)
            .encode(x=alt.X("epoch:Q", title=x_title, axis=alt.Axis(format="d", tickMinStep=1)),
                    y=alt.Y("loss:Q", title=y_title, scale=scale, axis=axis),
                    color=alt.Color("run:N", title=None, sort=labels, scale=alt.Scale(domain=labels, range=colours),
                                    legend=legend),
                    strokeWidth=alt.condition("datum.newest", alt.value(3.5), alt.value(1.8)),
                    opacity=alt.condition("datum.newest", alt.value(1.0), alt.value(0.6)),
                    tooltip=["run", "epoch", alt.Tooltip("loss:Q", format=".4g")]))


def accuracy_curves(series: dict[str, list[float]], title: str = "Accuracy", y_title: str = "accuracy",
                    x_title: str = "Epoch", first: int = 1, colours: list[str] | None = None,
                    named: list[str] | None = None) -> alt.Chart:
    """Accuracies (fractions 0 to 1) per epoch on a fixed 0 to 100% axis: a zoomed axis makes 81% to 83%
    look like a leap. colours: one a series, in order (runs keep their colour on every chart)."""
    chart = loss_curves(series, title=title, y_title=y_title, x_title=x_title, first=first)
    if colours:
        chart = chart.encode(color=alt.Color("run:N", title=None, sort=list(series),
                                             scale=alt.Scale(domain=list(series), range=colours),
                                             legend=alt.Legend(orient="bottom", labelLimit=300, values=named)))
    return chart.encode(y=alt.Y("loss:Q", title=y_title, scale=alt.Scale(domain=[0, 1]),
                                axis=alt.Axis(format=".0%")),
                        tooltip=["run", "epoch", alt.Tooltip("loss:Q", title=y_title, format=".1%")])


def lr_range(rates: list[float], losses: list[float], smoothed: list[float], suggested: float | None,
             title: str = "", x_title: str = "learning rate", y_title: str = "loss",
             names: tuple[str, str] = ("loss", "smoothed")) -> alt.Chart:
    """A learning-rate range test: the loss at each step against its rate (log x), pale, its smoothed
    curve over it, and a rule at the suggested rate."""
    frame = pd.DataFrame([{"rate": r, "loss": v, "curve": name} for name, values in zip(names, (losses, smoothed))
                          for r, v in zip(rates, values) if finite(v)], columns=["rate", "loss", "curve"])
    scale, axis = _value_axis([v for v in losses if finite(v)], spans_decades(losses))
    lines = (alt.Chart(frame, title=_title(title)).mark_line(clip=True)
             # grid lines at powers of ten only (Vega's own log ticks draw bands of grey lines)
             .encode(x=alt.X("rate:Q", title=x_title, scale=alt.Scale(type="log"),
                             axis=alt.Axis(format="~e", values=(_decades(min(rates), max(rates)) if rates else None)
                                           or alt.Undefined)),
                     y=alt.Y("loss:Q", title=y_title, scale=scale, axis=axis),
                     color=alt.Color("curve:N", sort=list(names), title=None,
                                     scale=alt.Scale(domain=list(names), range=["#ced4da", "#e4572e"]),
                                     legend=alt.Legend(orient="top")),
                     strokeWidth=alt.condition(alt.datum.curve == names[1], alt.value(3), alt.value(1.5))))
    if suggested is None:
        return lines
    rule = alt.Chart(pd.DataFrame({"rate": [suggested]})).mark_rule(color="#1c7ed6", strokeWidth=2,
                                                                     strokeDash=[5, 3]).encode(x="rate:Q")
    return lines + rule


LAYER_COLOURS = ["#1c7ed6", "#e4572e", "#2b8a3e", "#7048e8", "#f59f00", "#0ca678", "#d6336c", "#495057"]


def per_layer(epochs: list[int], series: dict[str, list[float | None]], title: str = "", x_title: str = "epoch",
              y_title: str = "", healthy: float | None = None) -> alt.Chart:
    """One line a layer over the epochs, log y (gradient norms span decades from the first layer to the
    last); `healthy`: a dashed rule at that value (update/weight's 1e-3)."""
    names = list(series)
    frame = pd.DataFrame([{"epoch": epochs[i], "value": max(v[i], LOG_FLOOR), "layer": name}
                          for name, v in series.items() for i in thin(len(v)) if v[i] is not None and finite(v[i])],
                         columns=["epoch", "value", "layer"])
    values = frame["value"].tolist() + ([healthy] if healthy else [])
    top, low = (max(values), min(values)) if values else (1.0, 0.1)
    lines = (alt.Chart(frame, title=_title(title)).mark_line(point=len(epochs) < 30, clip=True)
             .encode(x=alt.X("epoch:Q", title=x_title, axis=alt.Axis(tickMinStep=1)),
                     y=alt.Y("value:Q", title=y_title, scale=alt.Scale(type="log"),
                             axis=alt.Axis(format="~e", values=_decades(low, top) or alt.Undefined)),
                     color=alt.Color("layer:N", sort=names, title=None,
                                     scale=alt.Scale(domain=names, range=LAYER_COLOURS[:len(names)] or ["#1c7ed6"]),
                                     # two a row: three overran half a 1024 px page (it spans the plot only)
                                     legend=alt.Legend(orient="top", columns=min(len(names), 2) or 1,
                                                       labelLimit=90, columnPadding=8, symbolSize=60))))
    if healthy is None:
        return lines
    rule = (alt.Chart(pd.DataFrame({"value": [healthy]}))
            .mark_rule(color="#868e96", strokeDash=[5, 3], strokeWidth=1.5).encode(y="value:Q"))
    return lines + rule


def histograms(rows: list[dict], title: str = "", width: int = 190, height: int = 48) -> alt.FacetChart:
    """Small multiples: a histogram per layer (rows) and per kind (columns: weights, gradients), each with
    its own ranges; a row a layer, so seven layers fit half a page's width. rows: {"layer", "kind", "lo",
    "hi", "count"} a bar."""
    frame = pd.DataFrame(rows, columns=["layer", "kind", "lo", "hi", "count"])
    layers = list(dict.fromkeys(frame["layer"]))
    kinds = list(dict.fromkeys(frame["kind"]))
    base = (alt.Chart(frame).mark_rect(color="#1c7ed6")
            .encode(x=alt.X("lo:Q", title=None, axis=alt.Axis(format="~g", tickCount=4, labelOverlap=True)),
                    x2="hi:Q", y=alt.Y("count:Q", title=None, axis=alt.Axis(tickCount=2)))
            .properties(width=width, height=height))
    return (base.facet(row=alt.Row("layer:N", sort=layers, title=None, header=alt.Header(labelAngle=0,
                                                                                          labelAlign="left")),
                       column=alt.Column("kind:N", sort=kinds, title=None),
                       title=_title(title) if title else alt.Undefined)
            .resolve_scale(x="independent", y="independent"))
