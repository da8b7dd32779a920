"""``migkg site``: the pages of ``migkg serve`` as static files, for any web server, and the w3id rules.

For every document ``<base>PATH`` of the build the site holds ``PATH/index.html`` (the page, its links
relative, so the site works under any address) and beside that folder ``PATH.ttl``, ``PATH.jsonld``
and ``PATH.nt`` (the description), the same bytes ``migkg serve`` answers with for ``/PATH.ttl`` and
the rest. ``index.html`` lists every page; ``404.html`` is the page for an unknown IRI.

With ``--publish-at URL`` it also writes ``w3id/.htaccess``: the rules a w3id.org entry for the base
needs, in that repository's style, so that ``<base>PATH`` answers with a 303 redirect to
``URL PATH.ttl`` when the Accept header names Turtle, ``.jsonld`` for JSON-LD, ``.nt`` for N-Triples,
and ``URL PATH/`` (the HTML page) otherwise.

The site is written into a temporary folder beside the target and renamed into place when whole:
a failed run leaves the previous site as it was. Same build, same bytes.
"""
from __future__ import annotations

import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from migkg.atomic import plain_mode
from migkg.errors import InputError, Location, MigkgError
from migkg.pages.documents import Index, read_document
from migkg.pages.html import Pages, SiteLinks
from migkg.pages.rdf import SITE_FORMATS, format_path, serialise

#: the file that marks a folder as a site migkg wrote (and so one it may replace)
SITE_MARKER = ".migkg-site"
#: the characters a path segment may have to become a file name as it is (an IRI's unreserved and sub-delims)
_SEGMENT = re.compile(r"[A-Za-z0-9._~!$&'()*+,;=:@-]+")


@dataclass
class Written:
    pages: int
    files: int


def checked_address(publish_at: str) -> str:
    """The address the site is published at, ending in a slash; an http(s) URL or an input error."""
    parts = urlsplit(publish_at)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise InputError(Location(Path("--publish-at")), f"{publish_at!r} is not an http(s) address of a folder.",
                         "give the address the site's folder will be served at, e.g. https://example.org/migkg/.")
    return publish_at if publish_at.endswith("/") else publish_at + "/"


def page_path(base: str, document: str) -> str:
    """The path of a document's page under the site folder, refusing one that is not a plain relative path."""
    path = document[len(base):]
    segments = path[:-1].split("/") if path.endswith("/") else path.split("/")
    if not all(_SEGMENT.fullmatch(s) and s not in (".", "..") for s in segments):
        raise MigkgError(f"{document}: this IRI's path cannot be a folder of the site (an empty, '.' or '..' "
                         "segment, or a character a file name cannot hold). Fix: give it a plain id in the data.")
    return path


def w3id_rules(base: str, publish_at: str) -> str:
    """The ``.htaccess`` of a w3id.org entry for ``base``: 303 redirects to the site at ``publish_at``."""
    to = publish_at
    lines = [
        f"# w3id.org redirect rules for {base}: each IRI {base}PATH is sent (303 See Other) to its",
        f"# description on the site written by `migkg site --publish-at {publish_at}`:",
        "#   Accept: text/turtle -> PATH.ttl, application/ld+json -> PATH.jsonld,",
        "#   application/n-triples -> PATH.nt, anything else -> PATH/ (the HTML page).",
        "# An extension in the request (PATH.ttl) is kept as it is. Fragments (#char=b,e) never reach the server:",
        "# the page of PATH has an element with that id.",
        "# Put this file in the w3id.org repository as the .htaccess of the folder of the base.",
        "",
        "Options +FollowSymLinks",
        "RewriteEngine on",
        "",
        "# an explicit format",
        f"RewriteRule ^(.+)\\.(ttl|jsonld|nt)$ {to}$1.$2 [R=303,L]",
        "",
    ]
    for kind in SITE_FORMATS:
        accept = f"RewriteCond %{{HTTP_ACCEPT}} {kind.media_type.replace('+', chr(92) + '+')}"
        lines += [f"# {kind.name} (an IRI ending in a slash has it inside its folder, as index.{kind.extension})",
                  accept, f"RewriteRule ^(.*)/$ {to}$1/index.{kind.extension} [R=303,L]",
                  accept, f"RewriteRule ^(.+)$ {to}$1.{kind.extension} [R=303,L]", ""]
    lines += ["# HTML, for people and for every other client",
              f"RewriteRule ^(.*[^/])$ {to}$1/ [R=303,L]",
              f"RewriteRule ^(.+/)$ {to}$1 [R=303,L]",
              f"RewriteRule ^$ {to} [R=303,L]", ""]
    return "\n".join(lines)


def _replace(staging: Path, target: Path) -> None:
    """Make ``staging`` the ``target`` folder: the old one (if any) moved aside, then removed."""
    if target.exists():
        retired = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
        os.replace(target, retired / "old")
        os.replace(staging, target)
        shutil.rmtree(retired, ignore_errors=True)
    else:
        os.replace(staging, target)


def write_site(out_dir: Path, target: Path, publish_at: str | None = None) -> Written:
    """Write every page of the build in ``out_dir`` into the folder ``target`` (all or nothing)."""
    from migkg.build.serialise import prefixes
    from migkg.mapping.iris import Iris
    from migkg.stores.opening import open_build
    from migkg.stores.sources import EmbeddedSource

    address = checked_address(publish_at) if publish_at is not None else None
    target = target.resolve()
    if target.exists() and (not target.is_dir() or (any(target.iterdir()) and not (target / SITE_MARKER).exists())):
        raise InputError(Location(target), f"exists and is not a site migkg wrote (no {SITE_MARKER} in it); "
                         "refusing to replace it.", "give a new or empty folder.")
    build = open_build(out_dir)
    source, base = EmbeddedSource(build.store), build.base
    names = prefixes(Iris(base))
    index, pages = Index.of(source, base), Pages(base, names)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    os.chmod(staging, plain_mode(folder=True))  # mkdtemp's folder is private; a site is for sharing
    files = 0
    try:
        def put(relative: str, data: bytes) -> None:
            nonlocal files
            path = staging / relative
            if path.exists():  # two IRIs that differ only by a final slash (kind and kind/)
                raise MigkgError(f"{base}{relative}: two IRIs of the dataset would share this file of the site. "
                                 "Fix: give one of them another id in the data.")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            files += 1

        for document in index.documents:
            path = page_path(base, document)
            doc = read_document(source, document, index.members(document))
            put(f"{path.rstrip('/')}/index.html", pages.page(doc, SiteLinks(base, path)).encode("utf-8"))
            for kind in SITE_FORMATS:
                put(format_path(path, kind), serialise(doc, kind, names))
        put("index.html", pages.index(index.documents, SiteLinks(base, "")).encode("utf-8"))
        put("404.html", pages.missing("", SiteLinks(base, ""), []).encode("utf-8"))
        if address:
            put("w3id/.htaccess", w3id_rules(base, address).encode("utf-8"))
        put(SITE_MARKER, f"a site of {base} written by migkg site from {out_dir.name}\n".encode())
        _replace(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return Written(len(index.documents), files)
