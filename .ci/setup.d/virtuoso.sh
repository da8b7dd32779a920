#!/usr/bin/env bash
# Virtuoso Open Source 7 (Debian package, no service started): the second real SPARQL server
# that tests/test_catalogue.py and tests/test_publish.py start on free loopback ports.
set -euo pipefail
if command -v virtuoso-t >/dev/null && command -v isql-vt >/dev/null && command -v curl >/dev/null; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
. "$(dirname "$0")/../apt.sh"
apt_update_once
apt-get install -y -qq --no-install-recommends virtuoso-opensource-7-bin curl >/dev/null
command -v virtuoso-t >/dev/null && command -v isql-vt >/dev/null
