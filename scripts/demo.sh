#!/usr/bin/env bash
# Creates a demo dossier with a realistic year of contacts (assets/demo/), for a first
# look at the app and for the README screenshots. Usage: scripts/demo.sh [DIR]
# (default ~/Dossierkluis-demo). The passphrase comes from DOSSIER_PASSPHRASE, else a
# fixed demo passphrase that is printed: never keep real papers in this dossier.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

dir="${1:-$HOME/Dossierkluis-demo}"
if [[ -z "${DOSSIER_PASSPHRASE:-}" ]]; then
  export DOSSIER_PASSPHRASE="demo demo demo"
  demo_pass=1
fi

cargo build --release --locked -p dossier-cli
dossier="$CARGO_TARGET_DIR/release/dossier"

"$dossier" init "$dir" >/dev/null
"$dossier" import "$dir" assets/demo/demo-dossier.json

# What the import format does not carry: links, to-dos settled by hand, exemptions and
# cases. Entry ids are the 1-based positions in demo-dossier.json (a fresh dossier).
link() { "$dossier" link "$dir" "$1" "$2" --kind "$3" >/dev/null; }
link 17 16 reply-to          # bank statements uploaded, as the portal asked
link 23 20 reply-to          # phone number given before the repair date
link 42 38 objection-against # provisional objection against the sanction
link 54 38 same-decision     # the decision on that objection
link 60 59 reply-to          # re-examination form sent back
todo() { "$dossier" todo "$dir" "$@" >/dev/null; }
todo 1 appointment done --by 5
todo 10 appointment done --by 13
todo 25 appointment done --by 27
todo 36 appointment done --by 37
todo 48 appointment done --by 49
todo 43 follow-up done
todo 54 appeal not-needed    # the objection was upheld: nothing to appeal

"$dossier" exemption-add "$dir" --duty work --from 2025-07-01 --to 2027-06-30 \
  --decided-by "WPI, klantmanager Petra de Wit" --basis medical-assessment \
  --notes "Geen arbeidsverplichtingen en geen re-integratie zolang de ontheffing loopt." \
  --entry 4 >/dev/null
"$dossier" exemption-add "$dir" --duty tegenprestatie --from 2026-07-21 --to 2027-01-10 \
  --decided-by "Ruben Kok, klantmanager WPI" --basis conversation \
  --basis-text "Plan van aanpak van 29 oktober" --entry 65 >/dev/null

case_id=$("$dossier" case-add "$dir" --title "Maatregel van 30% (april 2026)" --status closed)
"$dossier" case-entry "$dir" "$case_id" 36 37 38 40 41 42 43 44 46 48 49 54 56 >/dev/null
case_id=$("$dossier" case-add "$dir" --title "Heronderzoek 2026" --status closed)
"$dossier" case-entry "$dir" "$case_id" 59 60 64 >/dev/null
case_id=$("$dossier" case-add "$dir" --title "Terugvordering bril" --status open)
"$dossier" case-entry "$dir" "$case_id" 70 >/dev/null

"$dossier" verify "$dir"

echo
echo "Demo dossier: $dir"
if [[ -n "${demo_pass:-}" ]]; then
  echo "Passphrase (DEMO ONLY, everyone knows it): $DOSSIER_PASSPHRASE"
fi
