#!/bin/sh
# SPDX-License-Identifier: MIT
# Installs, from Debian 12's own packages, whatever the workbook needs and this
# machine lacks; does nothing when everything is already there.
#   scripts/install-deps.sh          build tools, Boost.Fiber 1.81, CLI11, GoogleTest, Google Benchmark, nlohmann-json,
#                                    and for the course's web site and its test: md4c, Pygments,
#                                    Chromium, the Noto CJK fonts; for the cluster: nats-server, libnats
#   scripts/install-deps.sh --go     the same, plus Go (golang-go) and its NATS client for the Go twins
set -eu

packages="g++ cmake ninja-build libboost-fiber1.81-dev libboost-context1.81-dev libcli11-dev libgtest-dev libgmock-dev libbenchmark-dev nlohmann-json3-dev libmd4c-dev libmd4c-html0-dev python3 python3-pygments chromium fonts-noto-cjk nats-server libnats-dev"
for arg in "$@"; do
  case "$arg" in
    --go) packages="$packages golang-go golang-github-nats-io-go-nats-dev" ;;
    -h|--help) sed -n '3,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install-deps.sh: unknown option '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

missing=""
for p in $packages; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing="$missing $p"
  fi
done

if [ -z "$missing" ]; then
  echo "install-deps.sh: all packages present"
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  sudo=""
elif command -v sudo >/dev/null 2>&1; then
  sudo="sudo"
else
  echo "install-deps.sh: need root (or sudo) to install:$missing" >&2
  exit 1
fi

echo "install-deps.sh: installing$missing"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
# shellcheck disable=SC2086 # the package list is meant to split into words
$sudo apt-get install -y -q --no-install-recommends $missing
