# Sourced by scripts/run and scripts/test: the paths the build and the server use.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$ROOT/end2end/node_modules/.bin:$PATH"
# The cargo target dir may live outside the checkout (CI caches it there).
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
# Where cargo-leptos puts the site (site-root "target/site" follows the target dir).
export LEPTOS_SITE_ROOT="$CARGO_TARGET_DIR/site"
export LEPTOS_OUTPUT_NAME="lanyard"
# Incremental compilation data is large and only pays off while editing.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"
