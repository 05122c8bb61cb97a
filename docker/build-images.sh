#!/usr/bin/env bash
# Builds the container images from Debian packages and Maven Central only (no image registry needed):
#   chaingraph/jre:17      Debian bookworm (debootstrap --variant=minbase) with openjdk-17-jre-headless
#   chaingraph/neo4j:5.26  Neo4j 5.26 community from its Maven Central jars (docker/neo4j), on chaingraph/jre:17;
#                          the container tests use it where the official neo4j image is not at hand
#   chaingraph:latest      the service (Dockerfile), from target/chaingraph.jar; only with --service
# Each image carries the label io.chaingraph.inputs, a hash of what it is built from, and is built again only
# when that changes: a second run takes seconds. Needs a running Docker engine, debootstrap, Maven, root.
#
#   docker/build-images.sh [--service]
#   DEBIAN_MIRROR=http://… docker/build-images.sh     # another Debian mirror for debootstrap
set -euo pipefail
cd "$(dirname "$0")/.."

LABEL=io.chaingraph.inputs
JRE=chaingraph/jre:17
NEO4J=chaingraph/neo4j:5.26
SERVICE=chaingraph:latest
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
# what the base image is made of; change it and the base is built again
JRE_RECIPE="debootstrap --variant=minbase bookworm; openjdk-17-jre-headless; no docs, locales or apt lists"

build_service=false
for arg in "$@"; do
  case "$arg" in
    --service) build_service=true ;;
    *) echo "usage: $0 [--service]" >&2; exit 2 ;;
  esac
done

label_of() {
  docker image inspect -f "{{ index .Config.Labels \"$LABEL\" }}" "$1" 2>/dev/null || true
}

hash_of() {
  sha256sum | cut -c1-32
}

# debootstrap leaves the target's /proc mounted: unmount whatever is mounted under a folder, deepest first
unmount_under() {
  findmnt -rn -o TARGET | { grep "^$1/" || true; } | sort -r | while read -r mount; do umount -l "$mount"; done
}

remove_root() {
  unmount_under "$1"
  rm -rf --one-file-system "$1" "$1.log"
}

# runs a command, showing its output only if it fails
quietly() {
  local out
  out=$(mktemp)
  "$@" >"$out" 2>&1 || { cat "$out" >&2; rm -f "$out"; return 1; }
  rm -f "$out"
}

seconds() {
  echo $(( $(date +%s) - $1 ))
}

# (a) the JRE base: a minimal Debian root file system with a headless JRE, imported as an image
jre_inputs=$(printf '%s\n' "$JRE_RECIPE" | hash_of)
if [ "$(label_of "$JRE")" = "$jre_inputs" ]; then
  echo "$JRE is up to date"
else
  started=$(date +%s)
  root=$(mktemp -d /tmp/chaingraph-jre.XXXXXX)
  trap 'remove_root "$root"' EXIT
  debootstrap --variant=minbase --include=openjdk-17-jre-headless bookworm "$root" "$MIRROR" >"$root.log" 2>&1 \
    || { tail -20 "$root.log" >&2; echo "debootstrap failed; its log: $root.log" >&2; exit 1; }
  unmount_under "$root"
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/* "$root"/usr/share/doc/* \
    "$root"/usr/share/man/* "$root"/usr/share/info/* "$root"/var/log/*.log "$root"/var/cache/debconf/*-old
  find "$root"/usr/share/locale -mindepth 1 -maxdepth 1 ! -name 'C.*' -exec rm -rf {} +
  tar --numeric-owner --one-file-system -C "$root" -c . | docker import \
    --change 'ENV LANG=C.UTF-8' --change 'CMD ["bash"]' - "$JRE-rootfs" >/dev/null
  previous=$(docker image inspect -f '{{.Id}}' "$JRE" 2>/dev/null || true)
  printf 'FROM %s\nLABEL %s=%s\n' "$JRE-rootfs" "$LABEL" "$jre_inputs" | quietly docker build -q -t "$JRE" -
  [ -z "$previous" ] || docker rmi "$previous" >/dev/null 2>&1 || true
  docker rmi "$JRE-rootfs" >/dev/null
  remove_root "$root"
  trap - EXIT
  echo "$JRE built in $(seconds "$started") s ($(docker image inspect -f '{{.Size}}' "$JRE" | awk '{printf "%d MB", $1/1e6}'))"
fi
jre_id=$(docker image inspect -f '{{.Id}}' "$JRE")

# (b) the Neo4j server: its jars from Maven Central, the entry point and settings in docker/neo4j
neo4j_inputs=$({ echo "$jre_id"; cat docker/neo4j/Dockerfile docker/neo4j/pom.xml docker/neo4j/neo4j.conf \
  docker/neo4j/docker-entrypoint.sh; } | hash_of)
if [ "$(label_of "$NEO4J")" = "$neo4j_inputs" ]; then
  echo "$NEO4J is up to date"
else
  started=$(date +%s)
  context=$(mktemp -d /tmp/chaingraph-neo4j.XXXXXX)
  trap 'rm -rf "$context"' EXIT
  quietly mvn -B -ntp -q -f docker/neo4j/pom.xml dependency:copy-dependencies -DincludeScope=runtime \
    -DoutputDirectory="$context/lib"
  cp docker/neo4j/Dockerfile docker/neo4j/neo4j.conf docker/neo4j/docker-entrypoint.sh "$context/"
  previous=$(docker image inspect -f '{{.Id}}' "$NEO4J" 2>/dev/null || true)
  quietly docker build -q --build-arg BASE="$JRE" --label "$LABEL=$neo4j_inputs" -t "$NEO4J" "$context"
  [ -z "$previous" ] || docker rmi "$previous" >/dev/null 2>&1 || true
  rm -rf "$context"
  trap - EXIT
  echo "$NEO4J built in $(seconds "$started") s"
fi

# (c) the service, on the same base, from the jar the build wrote
if $build_service; then
  [ -f target/chaingraph.jar ] || { echo "target/chaingraph.jar is missing: run mvn -B -ntp -DskipTests package" >&2; exit 1; }
  started=$(date +%s)
  previous=$(docker image inspect -f '{{.Id}}' "$SERVICE" 2>/dev/null || true)
  quietly docker build -q --build-arg BASE="$JRE" -t "$SERVICE" .
  [ -z "$previous" ] || docker rmi "$previous" >/dev/null 2>&1 || true
  # the Dockerfile's extract stage, left behind by the classic builder
  docker image prune -f --filter label=io.chaingraph.stage >/dev/null
  echo "$SERVICE built in $(seconds "$started") s"
fi
