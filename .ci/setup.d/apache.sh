#!/usr/bin/env bash
# Debian's Apache httpd with mod_rewrite (/usr/sbin/apache2): tests/test_pages_w3id.py runs the w3id.org
# redirect rules that `migkg site --publish-at` writes in a real Apache, as w3id.org does. The test starts
# its own Apache on a free loopback port with a config of its own; the Debian service is not started.
set -euo pipefail
if [ -x /usr/sbin/apache2 ] && [ -e /usr/lib/apache2/modules/mod_rewrite.so ]; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
. "$(dirname "$0")/../apt.sh"
apt_update_once
apt-get install -y -qq --no-install-recommends apache2 >/dev/null
# the package starts its service where it can; the tests want port 80 left alone
(command -v service >/dev/null && service apache2 stop >/dev/null 2>&1) || true
test -x /usr/sbin/apache2
