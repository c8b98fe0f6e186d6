# Shared set-up for scripts/serve, scripts/test and scripts/bench (sourced, not run).
# Installs what is missing, idempotently: a second run checks versions and skips, in seconds.
# Tool versions are pinned here and in Trunk.toml / Cargo.lock / package-lock.json.

set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

TRUNK_VERSION=0.21.14
GECKODRIVER_VERSION=0.37.1
# wasm-bindgen-cli must equal the wasm-bindgen library version in Cargo.lock.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)"

export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# Runs a command as root (directly, or through sudo when available).
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "need root to run: $*" >&2; return 1; fi
}

ensure_wasm_target() {
  rustup target list --installed | grep -qx wasm32-unknown-unknown \
    || { say "adding the wasm32 target"; rustup target add wasm32-unknown-unknown; }
}

# ensure_cargo_tool BINARY CRATE VERSION [extra cargo install args]
ensure_cargo_tool() {
  local bin=$1 crate=$2 version=$3; shift 3
  if "$bin" --version 2>/dev/null | grep -qF "$version"; then return; fi
  say "installing $crate $version (cargo install; several minutes on 2 cores)"
  cargo install "$crate" --version "$version" "$@"
}

ensure_npm_tools() {
  # package-lock.json pins the versions; reinstall only when it changed.
  local stamp=node_modules/.lock-stamp
  if [ -f "$stamp" ] && cmp -s package-lock.json "$stamp"; then return; fi
  say "installing npm tools (binaryen for wasm-opt, playwright-core, benchmark peers)"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
}

# ensure_apt PACKAGE... : installs the Debian packages that are missing.
ensure_apt() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return
  say "installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

ensure_cjk_font() {
  if dpkg -s fonts-noto-cjk >/dev/null 2>&1 || dpkg -s fonts-wqy-microhei >/dev/null 2>&1; then return; fi
  ensure_apt fonts-wqy-microhei
}

# What building and serving the app needs.
ensure_build_tools() {
  ensure_wasm_target
  ensure_cargo_tool trunk trunk "$TRUNK_VERSION" --locked
  # --locked fails for wasm-bindgen-cli 0.2.130 (its lock names a yanked crate): see TOOLCHAIN.md.
  ensure_cargo_tool wasm-bindgen wasm-bindgen-cli "$WASM_BINDGEN_VERSION"
  ensure_npm_tools
  wasm-opt --version | grep -q "version 132" || { echo "wasm-opt 132 not found on PATH" >&2; return 1; }
}

# What the browser tests and end-to-end tests need on top.
ensure_test_tools() {
  ensure_build_tools
  ensure_apt chromium chromium-driver firefox-esr
  ensure_cjk_font
  ensure_cargo_tool geckodriver geckodriver "$GECKODRIVER_VERSION"
}
