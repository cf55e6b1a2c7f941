#!/usr/bin/env bash
# Installs what the tests need on a fresh machine: npm packages (which bring Node 24 as a dev
# dependency), redis-server, chromium (the timeline page's browser test) and, as root, iptables (random
# packet loss in fault scenario 3). Safe to run repeatedly; it does nothing when all is in place.
set -euo pipefail
cd "$(dirname "$0")/.."

lock_stamp=node_modules/.package-lock.json
if [ ! -f "$lock_stamp" ] || [ package-lock.json -nt "$lock_stamp" ] || [ ! -x node_modules/.bin/node ]; then
  echo "› installing npm packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi

if ! command -v redis-server >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "› installing redis-server (Debian package)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
  else
    echo "redis-server is required for the system tests. Install it with: sudo apt-get install -y redis-server" >&2
    exit 1
  fi
fi

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "› installing chromium (Debian package, for the timeline page's browser test)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=300 chromium >/dev/null
  else
    echo "chromium is required for the timeline page's browser test. Install it with: sudo apt-get install -y chromium" >&2
    exit 1
  fi
fi

# Scenario 3 of `bench reliability` drops packets at random with iptables in network namespaces; it needs
# root anyway, so without root there is nothing to install it for (the scenario is listed as not run).
if [ "$(id -u)" = "0" ] && ! command -v iptables >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then
    echo "› installing iptables (Debian package, for the reliability suite's random packet loss)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=300 iptables >/dev/null
  else
    echo "iptables is required for the reliability suite's scenario 3 as root. Install it with your package manager" >&2
    exit 1
  fi
fi
