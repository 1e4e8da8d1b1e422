#!/usr/bin/env bash
# Makes the README's picture: exports the site, then headless Chromium renders the vanilla RNN page at its chart
# into docs/images/vanilla-rnn.png. Run it after changing the notebooks or the site's look, and commit the PNG.
set -euo pipefail
cd "$(dirname "$0")/.."
site="$(mktemp -d)"
trap 'rm -rf "$site"' EXIT
dotnet run --project tools/NbRunner -c Release -- export html notebooks --out "$site" >/dev/null
# Headless Chromium's --screenshot ignores a URL's #fragment, so a one-frame wrapper page scrolls there instead.
cat > "$site/screenshot.html" <<'HTML'
<!DOCTYPE html><html><body style="margin:0"><iframe src="02-vanilla-rnn.html#both-hidden-units-over-time" style="border:0;width:1000px;height:1100px"></iframe></body></html>
HTML
mkdir -p docs/images
"${CHROMIUM_PATH:-chromium}" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --hide-scrollbars --window-size=1000,1100 --virtual-time-budget=5000 \
    --screenshot="$PWD/docs/images/vanilla-rnn.png" "file://$site/screenshot.html" 2>/dev/null
echo "wrote docs/images/vanilla-rnn.png"
