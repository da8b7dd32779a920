"""The w3id.org rules that `migkg site --publish-at` writes, run in a real Apache httpd with mod_rewrite (Debian's
apache2, installed by .ci/setup.d/apache.sh), set up as a w3id.org entry: the rules as the ``.htaccess`` of the
folder of the base. Each IRI must redirect (303) to the file of the site that holds the format asked for.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
import requests

from tests.servers import free_port

APACHE, MODULES = Path("/usr/sbin/apache2"), Path("/usr/lib/apache2/modules")
SITE = "https://example.org/migkg/"


@pytest.fixture(scope="module")
def w3id(built_dir, run_migkg, tmp_path_factory):
    """An Apache on a free loopback port whose /migkg/ folder holds the site's w3id/.htaccess, as w3id.org does."""
    if not APACHE.exists():
        pytest.fail(f"{APACHE} missing: run `bash .ci/setup.d/apache.sh` (Debian apache2)")
    site = tmp_path_factory.mktemp("w3id-site") / "site"
    done = run_migkg("site", site, "--out", built_dir, "--publish-at", SITE)
    assert done.returncode == 0, done.stderr
    root = Path(tempfile.mkdtemp(prefix="migkg-w3id-"))  # readable by the user Apache's workers run as
    try:
        (root / "htdocs" / "migkg").mkdir(parents=True)
        shutil.copy(site / "w3id" / ".htaccess", root / "htdocs" / "migkg" / ".htaccess")
        for path in [root, *root.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        port = free_port()
        account = "User www-data\nGroup www-data\n" if os.geteuid() == 0 else ""
        (root / "httpd.conf").write_text(f"""
ServerRoot {root}
ServerName 127.0.0.1
Listen 127.0.0.1:{port}
LoadModule mpm_event_module {MODULES}/mod_mpm_event.so
LoadModule authz_core_module {MODULES}/mod_authz_core.so
LoadModule rewrite_module {MODULES}/mod_rewrite.so
{account}PidFile {root}/httpd.pid
ErrorLog {root}/error.log
DocumentRoot {root}/htdocs
<Directory {root}/htdocs>
  AllowOverride All
  Require all granted
</Directory>
""")
        server = subprocess.Popen([str(APACHE), "-f", str(root / "httpd.conf"), "-DFOREGROUND"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 20
        while True:
            try:
                requests.get(f"http://127.0.0.1:{port}/", timeout=1)
                break
            except requests.ConnectionError:
                assert server.poll() is None and time.monotonic() < deadline, server.stderr.read() if server.stderr else ""
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}/migkg/", site
        server.terminate()
        server.wait(timeout=10)
    finally:
        shutil.rmtree(root, ignore_errors=True)


@pytest.mark.parametrize(("accept", "target"), [
    ("text/turtle", "state/KAZ.ttl"),
    ("application/ld+json", "state/KAZ.jsonld"),
    ("application/n-triples", "state/KAZ.nt"),
    ("text/turtle;q=1.0, application/rdf+xml;q=0.5", "state/KAZ.ttl"),
    ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "state/KAZ/"),
    (None, "state/KAZ/"),
])
def test_each_accept_header_is_sent_to_its_file_of_the_site(w3id, accept, target):
    address, site = w3id
    answer = requests.get(address + "state/KAZ", headers={"Accept": accept} if accept else {}, allow_redirects=False,
                          timeout=10)
    assert answer.status_code == 303 and answer.headers["Location"] == SITE + target
    assert (site / (target + "index.html" if target.endswith("/") else target)).is_file()


def test_an_extension_and_an_iri_with_a_final_slash(w3id):
    address, site = w3id
    for path, accept, target in [
        ("release/2013-06-05-unhcr-iom-almaty-ministerial.nt", "text/html", "release/2013-06-05-unhcr-iom-almaty-ministerial.nt"),
        ("kind/", "text/turtle", "kind/index.ttl"),
        ("kind/", "text/html", "kind/"),
        ("release/2013-06-05-unhcr-iom-almaty-ministerial/text", "application/ld+json",
         "release/2013-06-05-unhcr-iom-almaty-ministerial/text.jsonld"),
    ]:
        answer = requests.get(address + path, headers={"Accept": accept}, allow_redirects=False, timeout=10)
        assert answer.status_code == 303 and answer.headers["Location"] == SITE + target, path
        assert (site / (target + "index.html" if target.endswith("/") else target)).is_file(), target
