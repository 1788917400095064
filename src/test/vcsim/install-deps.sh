#!/usr/bin/env bash
# Installs the Debian packages that the simulator (golang-go, golang-github-vmware-govmomi-dev) and the
# benchmark (python3-pyvmomi) need, when they are missing. Installs only as root; otherwise names them.
set -euo pipefail

packages=(golang-go golang-github-vmware-govmomi-dev python3-pyvmomi)
missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "The vmfork simulator needs the Debian packages: ${missing[*]}." >&2
  echo "Install them as root (apt-get update && apt-get install -y ${missing[*]}) and run the build again." >&2
  exit 1
fi

echo "installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"
