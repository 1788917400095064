#!/usr/bin/env bash
# Builds the vCenter simulator to target/vcsim/vmfork-vcsim from Debian's Go and govmomi (GOPATH mode).
# Skips the build when neither the Go sources nor the Go version changed since the last one.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
out="$root/target/vcsim"
bin="$out/vmfork-vcsim"
gopath=/usr/share/gocode

if ! command -v go >/dev/null 2>&1 || [ ! -d "$gopath/src/github.com/vmware/govmomi/simulator" ]; then
  bash "$here/install-deps.sh"
fi

hash="$( (cd "$here" && sha256sum ./*.go && go version) | sha256sum | cut -d' ' -f1)"
if [ -x "$bin" ] && [ "$(cat "$out/sources.sha256" 2>/dev/null || true)" = "$hash" ]; then
  echo "vmfork-vcsim is up to date: $bin"
  exit 0
fi

mkdir -p "$out"
# Go needs a build cache; without a home directory keep it under target/.
if [ -z "${GOCACHE:-}" ] && [ -z "${HOME:-}" ] && [ -z "${XDG_CACHE_HOME:-}" ]; then
  export GOCACHE="$out/go-cache"
fi
echo "building vmfork-vcsim (govmomi from $gopath)"
(cd "$here" && GO111MODULE=off GOPATH="$gopath" GOFLAGS= go build -o "$bin.tmp" .)
mv "$bin.tmp" "$bin"
echo "$hash" > "$out/sources.sha256"
echo "built $bin"
