#!/usr/bin/env bash
# Debian's Chromium and ChromeDriver (/usr/bin/chromium, /usr/bin/chromedriver) and the DejaVu fonts
# (Latin and Cyrillic): tests/test_network_html.py opens the offline HTML network view in headless
# Chromium through Selenium. No browser is downloaded by a test tool.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && [ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
. "$(dirname "$0")/../apt.sh"
apt_update_once
apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-dejavu-core >/dev/null
test -x /usr/bin/chromium
test -x /usr/bin/chromedriver
