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

hash="$( (cd "$here" && sha256sum ./*.go ./build.sh && go version) | sha256sum | cut -d' ' -f1)"
if [ -x "$bin" ] && [ "$(cat "$out/sources.sha256" 2>/dev/null || true)" = "$hash" ]; then
  echo "vmfork-vcsim is up to date: $bin"
  exit 0
fi

mkdir -p "$out"
# Go needs a build cache; without a home directory keep it under target/.
if [ -z "${GOCACHE:-}" ] && [ -z "${HOME:-}" ] && [ -z "${XDG_CACHE_HOME:-}" ]; then
  export GOCACHE="$out/go-cache"
fi
# vcsim answers a waiting WaitForUpdatesEx on a fixed 250 ms ticker. A copy of its property collector with the
# interval in a variable (set by -update-interval) is generated here and swapped in with -overlay; nothing of
# govmomi is kept in the sources.
collector="$gopath/src/github.com/vmware/govmomi/simulator/property_collector.go"
overlay="$out/overlay"
mkdir -p "$overlay"
sed 's/time\.NewTicker(250 \* time\.Millisecond)/time.NewTicker(WaitForUpdatesInterval)/' "$collector" \
  > "$overlay/property_collector.go"
if ! grep -q 'NewTicker(WaitForUpdatesInterval)' "$overlay/property_collector.go"; then
  echo "build.sh: $collector has no 250 ms update ticker any more (another govmomi version?): adapt the overlay" >&2
  exit 1
fi
printf '\n// WaitForUpdatesInterval is set by vmfork-vcsim -update-interval.\n%s\n' \
  'var WaitForUpdatesInterval = 250 * time.Millisecond' >> "$overlay/property_collector.go"
printf '{"Replace":{"%s":"%s"}}\n' "$collector" "$overlay/property_collector.go" > "$overlay/overlay.json"

# The sources stay gofmt-formatted and vet-clean: both are checked before each build.
unformatted="$(cd "$here" && gofmt -l ./*.go)"
if [ -n "$unformatted" ]; then
  echo "build.sh: not formatted by gofmt: $unformatted (run: gofmt -w src/test/vcsim)" >&2
  exit 1
fi
(cd "$here" && GO111MODULE=off GOPATH="$gopath" GOFLAGS= go vet -overlay "$overlay/overlay.json" .)

echo "building vmfork-vcsim (govmomi from $gopath)"
(cd "$here" && GO111MODULE=off GOPATH="$gopath" GOFLAGS= go build -overlay "$overlay/overlay.json" -o "$bin.tmp" .)
mv "$bin.tmp" "$bin"
echo "$hash" > "$out/sources.sha256"
echo "built $bin"
