"""Debian's nginx on 127.0.0.1 in front of app servers, with the project's own proxy configuration
(deploy/nginx/charter-portal-http.conf, charter-portal-locations.conf and the files it includes), TLS with a
throw-away self-signed certificate, and everything nginx writes in a temporary directory."""

import http.client
import os
import shutil
import ssl
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

from tests.support import ROOT, free_port

NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
OPENSSL = shutil.which("openssl")
SKIP_REASON = "nginx or openssl is not installed (apt-get install nginx openssl; .ci/run does)"
DEPLOYED_ROOT = "/srv/charter-portal/"
DEPLOYED_CACHE = "/var/cache/nginx/charter-portal"

CONFIG = """
{user}
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 512; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    include {tmp}/charter-portal-http.conf;
    upstream charter_portal {{
        {servers}
        keepalive 32;
        keepalive_timeout 1s;
    }}
    server {{
        listen 127.0.0.1:{port} ssl;
        server_name 127.0.0.1;
        ssl_certificate {tmp}/cert.pem;
        ssl_certificate_key {tmp}/key.pem;
        include {tmp}/charter-portal-locations.conf;
    }}
}}
"""


def available():
    return NGINX is not None and OPENSSL is not None


@contextmanager
def nginx_in_front(app_ports, directory):
    """nginx on a free port of 127.0.0.1 (HTTPS) balancing over ``app_ports``; yields its port."""
    tmp = Path(directory)
    tmp.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [OPENSSL, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1"]
        + ["-keyout", str(tmp / "key.pem"), "-out", str(tmp / "cert.pem")],
        check=True,
        capture_output=True,
        timeout=60,
    )
    # The deployed files, with the project's paths for /srv/charter-portal and the page cache here.
    for name in ("charter-portal-http.conf", "charter-portal-locations.conf"):
        text = (ROOT / "deploy" / "nginx" / name).read_text().replace(DEPLOYED_ROOT, f"{ROOT}/")
        (tmp / name).write_text(text.replace(DEPLOYED_CACHE, str(tmp / "cache")))
    port = free_port()
    servers = "\n        ".join(f"server 127.0.0.1:{p} max_fails=3 fail_timeout=5s;" for p in app_ports)
    # As root, nginx's workers would switch to "nobody", who may not read the temporary directory.
    user = "user root root;" if os.geteuid() == 0 else ""
    (tmp / "nginx.conf").write_text(CONFIG.format(user=user, tmp=tmp, servers=servers, port=port))
    command = [NGINX, "-p", str(tmp), "-c", str(tmp / "nginx.conf"), "-g", "daemon off;"]
    check = subprocess.run([*command[:-2], "-t"], capture_output=True, text=True, timeout=30)
    assert check.returncode == 0, check.stderr
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.monotonic() + 15
        while request(port, "GET", "/static/css/portal.css")[0] is None:
            assert server.poll() is None, server.stderr.read().decode()
            assert time.monotonic() < deadline, "nginx did not start"
            time.sleep(0.1)
        yield port
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


_TLS = ssl.create_default_context()
_TLS.check_hostname = False
_TLS.verify_mode = ssl.CERT_NONE


def request(port, method, path, body=None, headers=None, source="127.0.0.1", tls=True, timeout=15):
    """(status, headers, body bytes) or (None, {}, b"") when the connection failed. ``source`` is the
    client's own address (any 127.x.y.z: nginx sees it as the peer)."""
    if tls:
        connection = http.client.HTTPSConnection("127.0.0.1", port, timeout=timeout, context=_TLS)
    else:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    connection.source_address = (source, 0)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    except (OSError, http.client.HTTPException):
        return None, {}, b""
    finally:
        connection.close()
