"""The runs a page keeps: at most eight, stable numbers and colours, labels by difference."""
import core
from core import kept_runs as runs


def a_run(**knobs) -> core.Run:
    x, y = core.data.table("line")
    run = core.Run(core.models.linear(), core.losses.mse, x, y, core.TrainConfig(epochs=3, **knobs))
    run.advance()
    return run


def test_the_list_keeps_the_last_eight_and_says_which_went():
    kept = runs.Runs()
    gone = [kept.add(a_run(lr=0.001 * (i + 1)), {"dataset": "line"}) for i in range(10)]
    assert gone[:8] == [None] * 8 and gone[8].number == 1 and gone[9].number == 2
    assert [k.number for k in kept.kept] == list(range(3, 11)) and kept.dropped == 2
    assert len({k.colour for k in kept.kept}) == 8            # no two kept runs share a colour
    freed = {k.colour for k in kept.kept if k.number in (5, 6)}
    kept.remove(5)
    kept.remove(6)
    assert 5 not in [k.number for k in kept.kept]
    assert kept.add(a_run(), {"dataset": "line"}) is None     # room again: nothing dropped
    assert kept.newest.number == 11 and kept.newest.colour == min(freed)


def test_labels_name_what_differs_from_the_newest():
    kept = runs.Runs()
    kept.add(a_run(lr=0.1), {"dataset": "line"})
    kept.add(a_run(lr=0.01, momentum=0.9, optimizer="sgd"), {"dataset": "line"})
    kept.add(a_run(lr=0.01, optimizer="adam"), {"dataset": "hours"})
    first, second, newest = kept.kept
    assert runs.differences(newest, newest) == []
    assert runs.differences(first, newest) == [("dataset", "line"), ("optimizer", "sgd"), ("lr", 0.1)]
    assert runs.differences(second, newest) == [("dataset", "line"), ("optimizer", "sgd"), ("momentum", 0.9)]


def test_a_row_holds_settings_results_time_and_device():
    kept = runs.Runs()
    kept.add(a_run(lr=0.05), {"dataset": "line"})
    row = runs.row(kept.newest)
    assert row["number"] == 1 and row["lr"] == 0.05 and row["dataset"] == "line"
    assert row["final_loss"] == kept.newest.run.hist.loss[-1] and row["epochs_done"] == 3
    assert (
        row["device"] == "cpu"
        and row["status"] == "done"
        and row["seconds"] == round(kept.newest.run.hist.seconds, 3) > 0
    )


def test_clear_forgets_the_runs_and_the_note_about_dropped_ones():
    kept = runs.Runs()
    for i in range(9):
        kept.add(a_run(lr=0.001 * (i + 1)), {})
    assert kept.dropped == 1
    kept.clear()
    assert kept.kept == [] and kept.dropped == 0


def test_a_run_carried_on_elsewhere_keeps_its_number_and_colour():
    kept = runs.Runs()
    kept.add(a_run(), {})
    kept.add(a_run(lr=0.1), {})
    old = kept.kept[0].run
    resumed = old.resume_on("cpu")
    kept.replace(old, resumed)
    assert kept.kept[0].run is resumed and kept.kept[0].number == 1 and kept.kept[0].colour == 0


def test_a_finished_run_of_the_same_settings_and_start_is_found_again():
    kept = runs.Runs()
    kept.add(a_run(lr=0.1), {"dataset": "line"})
    done = kept.newest
    assert kept.same(core.TrainConfig(epochs=3, lr=0.1), {"dataset": "line"}) is done
    assert kept.same(core.TrainConfig(epochs=3, lr=0.1, seed=1), {"dataset": "line"}) is None    # another start
    assert kept.same(core.TrainConfig(epochs=3, lr=0.1), {"dataset": "hours"}) is None           # other data
    done.run.hist.stopped = True
    assert kept.same(core.TrainConfig(epochs=3, lr=0.1), {"dataset": "line"}) is None            # not what they give
