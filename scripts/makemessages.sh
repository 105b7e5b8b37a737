#!/usr/bin/env bash
# Update the translation catalogs. Each app keeps its own catalog in <app>/locale (so that apps can be
# worked on side by side); the shared templates have theirs in wijkgeld/locale.
#   scripts/makemessages.sh            every catalog
#   scripts/makemessages.sh money fund only these apps' catalogs ("shared" = wijkgeld/locale)
# English is the source language: the English catalogs are filled with the source text afterwards.
# The resident catalogs (shared, core, areas, public, voting, community, fund, people) also get Turkish, Arabic
# and Polish (docs/languages.md); makemessages keeps the translations they have and adds new strings empty.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-$PWD/.venv/bin/python}
DJADMIN="$PY -m django"
export DJANGO_SETTINGS_MODULE=config.settings
wanted=("$@")
want() { [ ${#wanted[@]} -eq 0 ] || [[ " ${wanted[*]} " == *" $1 "* ]]; }
RESIDENT_APPS=" core areas public voting community fund people "
languages() { if [[ "$RESIDENT_APPS" == *" $1 "* ]] || [ "$1" = shared ]; then echo -l nl -l en -l tr -l ar -l pl; else echo -l nl -l en; fi; }
apps=()
for cfg in wijkgeld/*/apps.py; do
  app=$(dirname "$cfg"); name=$(basename "$app")
  apps+=("$name")
  want "$name" || continue
  grep -rqE "gettext|translate" "$app" --include=*.py --include=*.html --include=*.txt || continue
  mkdir -p "$app/locale"
  (cd "$app" && PYTHONPATH=../.. $DJADMIN makemessages $(languages "$name") --no-location --no-obsolete -v 0)
done
if want shared; then
  ignores=(--ignore "pb/*" --ignore "static/*")
  for name in "${apps[@]}"; do ignores+=(--ignore "$name/*"); done
  (cd wijkgeld && PYTHONPATH=.. $DJADMIN makemessages $(languages shared) --no-location --no-obsolete -v 0 "${ignores[@]}")
fi
$PY scripts/po_tools.py fill-en
