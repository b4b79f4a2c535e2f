"""deploy/: the server files agree with the app's own pins, and nginx accepts the proxy's config."""
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/: nginx_here
import nginx_here  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
sys.path.insert(0, str(ROOT / "bench"))


def pins(path: Path) -> dict[str, str]:
    """{package: version} for each `name==version` line of a requirements file (`name[extra]==` too)."""
    found = {}
    for line in path.read_text().splitlines():
        match = re.match(r"^([A-Za-z0-9_.-]+)(\[[\w,]+\])?==(\S+)", line.strip())
        if match:
            found[match[1].lower() + (match[2] or "")] = match[3]
    return found


def requirement_lines(path: Path) -> list[str]:
    """A requirements file's lines less its comments and blank lines: what pip or uv reads from it."""
    return [line.strip() for line in path.read_text().splitlines() if line.strip() and not line.startswith("#")]


CPU_FILES = (DEPLOY / "requirements-cpu.txt", ROOT / "cloud" / "requirements.txt")  # servers; Community Cloud


@pytest.mark.parametrize("path", CPU_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_cpu_requirements_pin_cpu_wheels_of_the_apps_versions(path):
    app, server = pins(ROOT / "requirements.txt"), pins(path)
    for name in ("torch", "torchvision"):
        assert server[name] == app[name] + "+cpu"  # a CPU-only wheel or nothing: never the CUDA build
    for name in app.keys() - {"torch", "torchvision"}:  # everything else the app pins, the same on a server
        assert server.get(name) == app[name], name
    assert server.keys() == app.keys()  # and nothing the app does not pin
    assert "--extra-index-url https://download.pytorch.org/whl/cpu" in requirement_lines(path)
    # the unpinned ones carry the same ranges
    ranges = {line for line in requirement_lines(ROOT / "requirements.txt") if re.match(r"^\w.*[<>]", line)}
    assert ranges <= set(requirement_lines(path))


def test_the_server_and_community_cloud_install_the_same_packages():
    assert requirement_lines(CPU_FILES[0]) == requirement_lines(CPU_FILES[1])


def test_the_image_uses_the_python_version_of_the_version_file():
    version = (DEPLOY / ".python-version").read_text().strip()
    assert re.search(rf"^FROM python:{re.escape(version)}-slim\b", (DEPLOY / "Dockerfile").read_text(), re.M)
    assert "deploy/requirements-cpu.txt" in (DEPLOY / "Dockerfile").read_text()


def test_compose_runs_replicas_behind_nginx_with_this_config():
    compose = (DEPLOY / "compose.yaml").read_text()
    assert "replicas: ${APP_REPLICAS:-2}" in compose
    assert "./nginx.conf:/etc/nginx/conf.d/default.conf:ro" in compose
    assert "dockerfile: deploy/Dockerfile" in compose


def test_nginx_keeps_a_student_on_one_replica_and_passes_the_websocket():
    conf = (DEPLOY / "nginx.conf").read_text()
    assert re.search(r"hash \$tp_replica consistent;", conf)
    assert "ip_hash" not in re.sub(r"#.*", "", conf)  # a school behind one address would land on one replica
    for line in ("proxy_http_version 1.1;", "proxy_set_header Upgrade $http_upgrade;",
                 "proxy_set_header Connection $connection_upgrade;"):
        assert line in conf


def test_nginx_accepts_the_config(tmp_path):
    nginx = nginx_here.nginx_or_skip()
    import scale_out
    report = scale_out.check_nginx(nginx, scale_out.render_nginx(tmp_path, [8631, 8632], 8639))
    assert "syntax is ok" in report and "test is successful" in report
