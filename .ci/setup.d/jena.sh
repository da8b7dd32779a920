#!/usr/bin/env bash
# Apache Jena (Debian's libapache-jena-java: ARQ, TDB2, RIOT as jars in /usr/share/java, no Fuseki)
# and a JDK to compile the small SPARQL endpoint of tests/jena/: the third engine the parity and
# dump-loading tests start on free loopback ports.
set -euo pipefail
if [ -e /usr/share/java/jena-arq.jar ] && [ -e /usr/share/java/jena-tdb2.jar ] && command -v javac >/dev/null; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
. "$(dirname "$0")/../apt.sh"
apt_update_once
apt-get install -y -qq --no-install-recommends libapache-jena-java default-jdk-headless >/dev/null
[ -e /usr/share/java/jena-arq.jar ] && command -v javac >/dev/null
