#!/usr/bin/env bash
# DEVELOPMENT ONLY: look at the built UI in headless Chromium with a mock backend.
#   dev/harness.sh [scenario ...]      (run from ui/; needs `npm run build` and chromium)
# For each scenario: a screenshot in $OUT/<scenario>.png and axe violations printed.
# Nothing here goes into dist/: the mock is injected into a copy in $OUT/site.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-/tmp/dossierkluis-harness}
PORT=${PORT:-4173}
SIZE=${SIZE:-1100,800}
CHROME=${CHROME:-$(command -v chromium || command -v chromium-browser || command -v google-chrome)}

rm -rf "$OUT/site" && mkdir -p "$OUT/site"
cp -r dist/. "$OUT/site/"
cp dev/mock-tauri.js dev/scenarios.js node_modules/axe-core/axe.min.js "$OUT/site/"
# The mock must exist before the app's module script runs.
sed -i 's#<head>#<head><script src="/mock-tauri.js"></script><script src="/axe.min.js"></script><script src="/scenarios.js"></script>#' "$OUT/site/index.html"

# Serve with the app's production CSP, so a violation shows up here too.
CSP="default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src ipc: http://ipc.localhost"
python3 - "$PORT" "$OUT/site" "$CSP" >/dev/null 2>&1 <<'PY' &
import functools, http.server, sys
port, root, csp = int(sys.argv[1]), sys.argv[2], sys.argv[3]
class H(http.server.SimpleHTTPRequestHandler):
    def end_headers(self):
        self.send_header('Content-Security-Policy', csp)
        super().end_headers()
http.server.ThreadingHTTPServer(('127.0.0.1', port), functools.partial(H, directory=root)).serve_forever()
PY
SERVER=$!
trap 'kill $SERVER' EXIT
sleep 0.5

# scenario=state[:lang]
declare -A STATE=(
  [welcome]=fresh [welcome-errors]=fresh [welcome-typing]=fresh [welcome-exists]=fresh
  [recovery-code]=fresh [confirm-code]=fresh [confirm-wrong]=fresh [timeline-new]=fresh
  [timeline]=entries [timeline-add]=entries [timeline-errors]=entries
  [open]=recent [open-wrong]=recent [open-other]=recent [open-forget]=recent
  [locked-idle]=entries [locked-user]=entries
  [recover]=recent [recover-errors]=recent [recover-ok]=recent
  [settings]=entries [settings-errors]=entries [settings-ok]=entries
  [english]=recent [focus-ring]=fresh
)
SCENARIOS=("$@")
[ ${#SCENARIOS[@]} -eq 0 ] && SCENARIOS=("${!STATE[@]}")

fails=0
for s in "${SCENARIOS[@]}"; do
  url="http://127.0.0.1:$PORT/?state=${STATE[$s]:-fresh}&scenario=$s&axe=1${LANG_PARAM:-}"
  flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="$SIZE" --virtual-time-budget=8000)
  "$CHROME" "${flags[@]}" --screenshot="$OUT/$s.png" "$url" >/dev/null 2>&1 || true
  dom=$("$CHROME" "${flags[@]}" --dump-dom "$url" 2>/dev/null | tr -d '\000' || true)
  status=$(grep -o 'data-scenario="[^"]*"' <<<"$dom" | head -1 || true)
  focus=$(grep -o 'data-focus="[^"]*"' <<<"$dom" | head -1 || true)
  axe=$( (grep -o "data-axe-result=\"[^\"]*\"" <<<"$dom" | head -1 | sed 's/^data-axe-result="//; s/"$//; s/&quot;/"/g; s/&amp;/\&/g; s/&lt;/</g; s/&gt;/>/g') || true)
  csp=$(grep -o 'data-csp="[^"]*"' <<<"$dom" | head -1 || true)
  if [ "$axe" = "[]" ] && [ "$status" = 'data-scenario="done"' ] && [ -z "$csp" ]; then
    echo "ok    $s  ($focus)"
  else
    fails=$((fails + 1))
    echo "FAIL  $s  $status  $focus"
    echo "      axe: ${axe:-<none>}"
    if [ -n "$csp" ]; then echo "      CSP violations: $csp"; fi
  fi
done
echo "screenshots in $OUT"
exit $fails
