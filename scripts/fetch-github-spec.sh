#!/usr/bin/env bash
# Fetches GitHub's REST description (npm package @octokit/openapi,
# package/generated/api.github.com.json) to DEST, for the `github` bench.
#
# usage: scripts/fetch-github-spec.sh DEST
#   OCTOKIT_OPENAPI_VERSION=23.0.2 pins the package version (default: latest).
#
# The file is large (~13 MB) and never committed: the bench keeps it under target/bench-data/.
set -euo pipefail

if [ $# -ne 1 ]; then
    echo "usage: $0 DEST" >&2
    exit 2
fi
dest=$1
package="@octokit/openapi@${OCTOKIT_OPENAPI_VERSION:-latest}"

if ! command -v npm >/dev/null 2>&1; then
    echo "error: npm is not installed; it is needed to fetch $package." >&2
    echo "  install it (Debian: apt-get install npm), or put api.github.com.json at $dest yourself" >&2
    exit 127
fi

mkdir -p "$(dirname "$dest")"
work=$(mktemp -d "$(dirname "$dest")/fetch.XXXXXX")
trap 'rm -rf "$work"' EXIT

npm pack "$package" --pack-destination "$work" --silent >/dev/null
tarballs=("$work"/*.tgz)
if [ ! -f "${tarballs[0]}" ]; then
    echo "error: npm pack $package left no tarball in $work" >&2
    exit 1
fi
tar -xzf "${tarballs[0]}" -C "$work" package/generated/api.github.com.json
# Rename in the same folder so a half-fetched file never sits at DEST.
mv "$work/package/generated/api.github.com.json" "$dest"
echo "fetched $(basename "${tarballs[0]}") from the npm registry -> $dest"
