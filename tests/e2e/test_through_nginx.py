"""The app behind nginx as deploy/ runs it: two replicas, deploy/nginx.conf, a student who trains and uploads."""
import sys

import pytest
from playwright.sync_api import Page, expect

from conftest import ROOT, _free_port
from test_browser import wait_idle

sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))
import nginx_here  # noqa: E402  (tests/)


@pytest.fixture(scope="module")
def proxy(tmp_path_factory):
    """Two `streamlit run` replicas behind Debian's nginx, in the foreground, with its own prefix."""
    nginx = nginx_here.nginx_or_skip()
    import scale_out
    folder = tmp_path_factory.mktemp("nginx")
    ports = [_free_port(), _free_port()]
    with scale_out.cluster(ports, _free_port(), nginx, folder) as (url, _, folder):
        yield url, folder, ports, scale_out


def test_a_student_trains_and_uploads_through_nginx(page: Page, proxy):
    url, folder, ports, scale_out = proxy
    page.goto(url + "/mnist?dataset=sample&epochs=1")
    wait_idle(page)
    page.get_by_role("button", name="Train", exact=True).click()
    expect(page.get_by_text("Trained 1 epoch")).to_be_visible(timeout=60_000)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    wait_idle(page)

    # the upload and the picture the app serves back must reach the replica that holds the session
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(scale_out.load_classroom.digit_png(folder)))
    expect(page.get_by_text("The model reads a")).to_be_visible(timeout=60_000)
    seen = page.get_by_test_id("stImage").locator("img").first
    expect(seen).to_be_visible()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=seen.element_handle(), timeout=30_000)

    counts = scale_out.tally(scale_out.read_log(folder / "access.log"), ports)  # what nginx passed, and to whom
    assert counts["failed"] == [] and counts["split"] == []
    assert sum(c["uploads"] for c in counts["per"].values()) == 1
    assert sum(c["pictures"] for c in counts["per"].values()) >= 1
