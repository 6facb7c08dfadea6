#!/usr/bin/env bash
# Builds the Sparboard image where no container registry can be reached: the base image is made
# here from Debian's packages (mmdebstrap) plus Node from the npm registry, and imported into
# podman; then the Dockerfile builds on it (`--build-arg BASE_IMAGE=...`). Needs root (or a
# working `podman unshare`), `apt-get install podman mmdebstrap`, npm, and access to a Debian
# mirror and the npm registry. docs/deployment.md says what was verified with it.
#
#   deploy/build-local-images.sh                # base + app image
#   SKIP_BASE=1 deploy/build-local-images.sh    # app image on the base made before
#
# The base mirrors the official node:20-bookworm-slim: Debian bookworm (minbase), Node 20 in
# /usr/local from the npm package node@20 (its preinstall fetches the official build of the same
# version as the package node-linux-<arch>, which this script unpacks directly), and npm 10 from
# the npm package npm@10. Debian bookworm's own nodejs is 18, too old for Sparboard.
set -euo pipefail
cd "$(dirname "$0")/.."

SUITE=${SUITE:-bookworm}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
NODE_SPEC=${NODE_SPEC:-node@20}
NPM_SPEC=${NPM_SPEC:-npm@10}
BASE_IMAGE=${BASE_IMAGE:-localhost/sparboard-base:$SUITE-node20}
IMAGE=${IMAGE:-localhost/sparboard:local}
# Extra options, split on spaces: PODMAN_OPTS for podman itself (e.g. "--runtime runc"),
# BUILD_OPTS for `podman build` (e.g. "--ulimit nofile=20000:20000" where the default limits
# cannot be set). docs/deployment.md shows the ones used on the machine it was verified on.
read -r -a podman <<<"podman ${PODMAN_OPTS:-}"
read -r -a build_opts <<<"${BUILD_OPTS:-}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The newest version npm knows for a spec such as node@20 (npm view lists every match, unsorted).
latest() {
  npm view "$1" version --json | node -e '
    const v = [].concat(JSON.parse(require("fs").readFileSync(0, "utf8")))
    const key = (s) => s.split(".").map(Number)
    v.sort((a, b) => { const x = key(a), y = key(b); return x[0] - y[0] || x[1] - y[1] || x[2] - y[2] })
    console.log(v[v.length - 1])'
}

if [ -z "${SKIP_BASE:-}" ]; then
  node_version=$(latest "$NODE_SPEC")
  npm_version=$(latest "$NPM_SPEC")
  case "$(uname -m)" in
    x86_64) arch=x64 ;;
    aarch64) arch=arm64 ;;
    *) echo "no node package for $(uname -m)" >&2; exit 1 ;;
  esac
  echo "base: Debian $SUITE, node $node_version (node-linux-$arch), npm $npm_version"
  (cd "$work" && npm pack --silent "node-linux-$arch@$node_version" "npm@$npm_version" >/dev/null)
  node_tgz="$work/node-linux-$arch-$node_version.tgz"
  npm_tgz="$work/npm-$npm_version.tgz"

  # minbase: apt, dpkg, bash and coreutils, as the official slim image; ca-certificates for npm's
  # and Node's TLS to hosts that use the system store; the Dockerfile adds what it builds with.
  mmdebstrap --variant=minbase --include=ca-certificates \
    --customize-hook="tar -xzf '$node_tgz' -C \"\$1/usr/local\" --strip-components=1 \
      --exclude=package/package.json --exclude=package/README.md --exclude=package/LICENSE" \
    --customize-hook="mkdir -p \"\$1/usr/local/lib/node_modules/npm\" && \
      tar -xzf '$npm_tgz' -C \"\$1/usr/local/lib/node_modules/npm\" --strip-components=1 && \
      ln -s ../lib/node_modules/npm/bin/npm-cli.js \"\$1/usr/local/bin/npm\" && \
      ln -s ../lib/node_modules/npm/bin/npx-cli.js \"\$1/usr/local/bin/npx\"" \
    --customize-hook='chroot "$1" node --version' \
    --customize-hook='chroot "$1" npm --version' \
    --customize-hook='rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/*.bin' \
    "$SUITE" "$work/rootfs.tar" "$MIRROR"

  "${podman[@]}" import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change "ENV NODE_VERSION=$node_version" \
    --change 'CMD ["node"]' \
    --message "Debian $SUITE minbase + node $node_version + npm $npm_version (npm registry)" \
    "$work/rootfs.tar" "$BASE_IMAGE"
fi

# Extra CA certificates (a TLS-inspecting proxy to the npm registry) go in as the build secret
# `ca`: EXTRA_CA, else NODE_EXTRA_CA_CERTS when it is set here.
ca=${EXTRA_CA:-${NODE_EXTRA_CA_CERTS:-}}
[ -n "$ca" ] && build_opts+=(--secret "id=ca,src=$ca")
# --format docker: the OCI image format has no HEALTHCHECK; podman would drop it.
"${podman[@]}" build --format docker "${build_opts[@]}" \
  --build-arg "BASE_IMAGE=$BASE_IMAGE" --tag "$IMAGE" --file Dockerfile .
echo "built $IMAGE on $BASE_IMAGE"
