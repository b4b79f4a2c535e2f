"""Debian's nginx for the tests that put it in front of the app (tests/deploy, tests/e2e)."""
import os
import shutil
from pathlib import Path

import pytest


def nginx_or_skip() -> str:
    """nginx's path; without one the test is skipped, or fails where CI requires every tool (REQUIRE_BROWSER)."""
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail("no nginx: apt-get install nginx")
        pytest.skip("no nginx: apt-get install nginx")
    return nginx
