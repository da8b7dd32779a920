# Sourced by the .ci/setup.d/*.sh steps that install Debian packages: `apt-get update` once per CI run
# (.ci/run names a stamp file in CI_APT_UPDATED), not once per step; a step run alone updates itself.
apt_update_once() {
  if [ -n "${CI_APT_UPDATED:-}" ] && [ -e "$CI_APT_UPDATED" ]; then
    return 0
  fi
  apt-get update -qq
  if [ -n "${CI_APT_UPDATED:-}" ]; then
    touch "$CI_APT_UPDATED"
  fi
}
