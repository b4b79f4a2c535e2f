"""Past one server: two `streamlit run` replicas behind nginx, and a class of students through it.

    python bench/scale_out.py [--sessions 30] [--ports 8631 8632] [--proxy-port 8639] [--nginx nginx]

Starts the replicas, then Debian's nginx in the foreground with deploy/nginx.conf (its upstream and
listen lines swapped for these ports; its own prefix, pid, logs and temp files in a temporary folder,
not the system service), and sends load_classroom's students through the proxy, each one also
uploading a digit on the MNIST page (the upload and the picture the app serves back must reach the
replica that holds the session). It checks that every session finishes, that every upload was answered
and no request refused (a media file that a rerun had already replaced, or that the browser stopped
waiting for, is counted apart: those 404s and 499s happen with one server too), that each student's
requests all went to one replica, and that both replicas served sessions, counted from each replica's
side (the websockets nginx passed to it, and the CPU seconds its own process used). It prints the
figures and exits non-zero if a check fails.
Traffic stays on 127.0.0.1; every wait is bounded.
"""
import argparse
import asyncio
import collections
import contextlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import load_classroom  # noqa: E402  (the student driver, /proc readers and the digit picture)

ROOT = Path(__file__).resolve().parent.parent
NGINX_CONF = ROOT / "deploy" / "nginx.conf"
# What each proxied request leaves in the access log: the student's replica key, the replica that
# answered, the status and the request line.
LOG_FORMAT = "'$tp_replica $upstream_addr $status \"$request\"'"
LOG_LINE = re.compile(r'^(\S+) (\S+) (\d+) "(\S+) (\S+)')


def render_nginx(folder: Path, ports: list[int], proxy_port: int) -> Path:
    """deploy/nginx.conf wrapped in a main config of its own, served from `folder` on `proxy_port`."""
    site = NGINX_CONF.read_text()
    upstream, listen = "    server app:8501;", "    listen 80;"
    for line in (upstream, listen):
        assert site.count(line) == 1, f"deploy/nginx.conf should hold `{line.strip()}` once"
    site = site.replace(upstream, "\n".join(f"    server 127.0.0.1:{p};" for p in ports))
    site = site.replace(listen, f"    listen 127.0.0.1:{proxy_port};")
    (folder / "site.conf").write_text(site)
    for temp in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (folder / temp).mkdir(exist_ok=True)
    main = folder / "nginx.conf"
    main.write_text(f"""
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
worker_processes 1;
events {{ worker_connections 1024; }}
http {{
    log_format replicas {LOG_FORMAT};
    access_log {folder}/access.log replicas;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    include {folder}/site.conf;
}}
""")
    return main


def check_nginx(nginx: str, conf: Path) -> str:
    """`nginx -t` on the rendered config: returns its report, raises if the config is refused."""
    done = subprocess.run([nginx, "-t", "-p", str(conf.parent), "-e", str(conf.parent / "error.log"),
                           "-c", str(conf)], capture_output=True, text=True, timeout=30)
    if done.returncode:
        raise RuntimeError("nginx -t refused the config:\n" + done.stderr)
    return done.stderr.strip()


def wait_healthy(url: str, process: subprocess.Popen, seconds: float = 90) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url}: the process ended with {process.returncode}")
        try:
            if urllib.request.urlopen(url + "/_stcore/health", timeout=2).read() == b"ok":
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url}/_stcore/health did not answer in {seconds:.0f} s")


@contextlib.contextmanager
def cluster(ports: list[int], proxy_port: int, nginx: str = "nginx", folder: Path | None = None):
    """The replicas and nginx in front of them; yields (proxy URL, replica processes, nginx's folder)."""
    folder = folder or Path(tempfile.mkdtemp(prefix="scale-out-"))
    env = {**os.environ, "TORCH_PLAYGROUND_OFFLINE": "1"}
    processes: list[subprocess.Popen] = []
    try:
        for port in ports:
            log = open(folder / f"replica-{port}.log", "w")
            processes.append(subprocess.Popen(
                [sys.executable, "-m", "streamlit", "run", "server.py", "--server.headless=true",
                 f"--server.port={port}", "--server.address=127.0.0.1"],
                cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT))
        conf = render_nginx(folder, ports, proxy_port)
        check_nginx(nginx, conf)
        proxy = subprocess.Popen([nginx, "-p", str(folder), "-e", str(folder / "error.log"), "-c", str(conf),
                                  "-g", "daemon off;"], stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        processes.append(proxy)
        for port, process in zip(ports, processes):
            wait_healthy(f"http://127.0.0.1:{port}", process)
        wait_healthy(f"http://127.0.0.1:{proxy_port}", proxy, 30)
        yield f"http://127.0.0.1:{proxy_port}", processes[:-1], folder
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


def read_log(path: Path) -> list[tuple[str, str, int, str, str]]:
    """(replica key, upstream address, status, method, path) for each request nginx logged."""
    rows = []
    for line in path.read_text().splitlines() if path.exists() else []:
        match = LOG_LINE.match(line)
        if match:
            key, upstream, status, method, target = match.groups()
            rows.append((key, upstream, int(status), method, target))
    return rows


def tally(rows, ports: list[int]) -> dict:
    """From nginx's log: websocket sessions, uploads and pictures each replica answered, and any student
    whose requests went to more than one replica."""
    per = {p: collections.Counter() for p in ports}
    replicas_of_key = collections.defaultdict(set)
    failed = []
    for key, upstream, status, method, target in rows:
        port = int(upstream.rsplit(":", 1)[-1]) if upstream[-1:].isdigit() else None
        if port not in per:
            failed.append(f"{status} {method} {target} (no replica)")
            continue
        replicas_of_key[key].add(port)
        kind = ("sessions" if target.startswith("/_stcore/stream") else
                "uploads" if target.startswith("/_stcore/upload_file") and method == "PUT" else
                "pictures" if target.startswith("/media/") else None)  # pictures and download files
        if kind:
            per[port][kind] += 1
            if kind == "pictures" and status in (404, 499):
                # with one server too: the browser fetched a download button's file (.csv, .py) after a
                # rerun had replaced it (404, then it fetches the new one), or left before the answer (499)
                per[port]["media gone"] += 1
            elif not (status == 101 or 200 <= status < 300):
                failed.append(f"{status} {method} {target}")
    split = sorted(k for k, ports_seen in replicas_of_key.items() if len(ports_seen) > 1)
    return {"per": per, "split": split, "failed": failed, "students": len(replicas_of_key)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--ports", type=int, nargs="+", default=[8631, 8632])
    parser.add_argument("--proxy-port", type=int, default=8639)
    parser.add_argument("--nginx", default=shutil.which("nginx") or "/usr/sbin/nginx")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    if not Path(args.nginx).exists():
        print(f"no nginx at {args.nginx}: apt-get install nginx", file=sys.stderr)
        return 2

    folder = Path(tempfile.mkdtemp(prefix="scale-out-"))
    png = load_classroom.digit_png(folder)
    with cluster(args.ports, args.proxy_port, args.nginx, folder) as (url, replicas, folder):
        watches = [load_classroom.MemoryWatch(r.pid) for r in replicas]
        for w in watches:
            w.start()
        before = [load_classroom.cpu_seconds(r.pid) for r in replicas]
        began = time.perf_counter()
        results, _, _ = asyncio.run(load_classroom.classroom(url, args.sessions, args.chromium, png))
        wall = time.perf_counter() - began
        cpu = [load_classroom.cpu_seconds(r.pid) - b for r, b in zip(replicas, before)]
        for w in watches:
            w.running = False
            w.join()
        peaks = [max(w.peak, load_classroom.rss_mb(r.pid, "VmHWM")) for w, r in zip(watches, replicas)]
    rows = read_log(folder / "access.log")  # complete now: nginx logs a websocket when it closes
    counts = tally(rows, args.ports)

    ok = load_classroom.report_sessions(
        results, wall, f"{args.sessions} sessions through nginx on :{args.proxy_port} to {len(args.ports)} replicas, "
                       "each: MNIST sample 1 epoch, upload a digit, then linear regression 300 epochs")
    for port, seconds, peak in zip(args.ports, cpu, peaks):
        c = counts["per"][port]
        print(f"  replica :{port}: {c['sessions']:2d} sessions (websockets), {c['uploads']:2d} uploads, "
              f"{c['pictures']:3d} media files ({c['media gone']} replaced by a rerun or left by the browser); "
              f"{seconds:6.1f} CPU s; peak memory {peak:.0f} MB")
    print(f"  students (replica keys) seen by nginx: {counts['students']}; "
          f"whose requests went to more than one replica: {len(counts['split'])}")
    for line in counts["failed"][:10]:
        print(f"  not answered: {line}")

    checks = {
        "every session finished": len(ok) == args.sessions,
        "every upload answered, nothing refused": not counts["failed"],
        "uploads reached the replicas": sum(counts["per"][p]["uploads"] for p in args.ports) >= args.sessions,
        "each student stayed on one replica": not counts["split"],
        "every replica served sessions": all(counts["per"][p]["sessions"] > 0 and s > 1.0
                                             for p, s in zip(args.ports, cpu)),
    }
    for name, passed in checks.items():
        print(f"  {'ok ' if passed else 'FAILED'} {name}")
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
