#!/usr/bin/env bash
# Tests run the storage contract against PostgreSQL and the scale-out tests against Redis and
# HAProxy (server/cluster.integration.test.ts). Installs what is missing with apt-get; starts
# PostgreSQL and Redis if they are installed but down (commands from the machine notes). Under CI
# (CI set, as .ci/run does) a service still unreachable afterwards fails the run here, loudly,
# instead of letting its tests skip themselves; elsewhere it is a warning.
set -uo pipefail
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
missing=()
command -v pg_ctlcluster >/dev/null 2>&1 || missing+=(postgresql)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v haproxy >/dev/null 2>&1 || missing+=(haproxy)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} with apt-get…"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null || true
  # A fresh Debian cluster needs trust auth on loopback for the tests' postgres user.
  for hba in /etc/postgresql/*/main/pg_hba.conf; do
    [ -f "$hba" ] && $SUDO sed -i -E 's/^(host\s+all\s+all\s+(127\.0\.0\.1\/32|::1\/128)\s+)\S+/\1trust/' "$hba"
  done
fi
if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
  if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
    echo "Starting PostgreSQL…"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
    for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
  fi
  psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='test'" 2>/dev/null | grep -q 1 \
    || psql -h 127.0.0.1 -U postgres -c "CREATE DATABASE test" >/dev/null 2>&1 || true
fi
if command -v redis-server >/dev/null 2>&1; then
  if ! redis-cli -h 127.0.0.1 ping >/dev/null 2>&1; then
    echo "Starting Redis…"
    mkdir -p /var/lib/redis /var/log/redis
    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log || true
    for _ in $(seq 1 20); do redis-cli -h 127.0.0.1 ping >/dev/null 2>&1 && break; sleep 0.5; done
  fi
fi
down=()
pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null || down+=("PostgreSQL on 127.0.0.1:5432")
redis-cli -h 127.0.0.1 ping >/dev/null 2>&1 || down+=("Redis on 127.0.0.1:6379")
if [ ${#down[@]} -gt 0 ]; then
  if [ -n "${CI:-}" ] && [ "${CI}" != "0" ] && [ "${CI}" != "false" ]; then
    echo "CI: could not start ${down[*]}; failing instead of skipping their tests." >&2
    exit 1
  fi
  echo "warning: ${down[*]} not reachable; their tests will be skipped (CI would fail)." >&2
fi
exit 0
