#!/usr/bin/env bash
# Update the translation catalogs. Each app keeps its own catalog in <app>/locale (so that apps can be
# worked on side by side); the shared templates and settings have theirs in wijkgeld/locale.
# Then fill the English catalogs with the source text (English is the source language).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-$PWD/.venv/bin/python}
DJADMIN="$PY -m django"
apps=()
for cfg in wijkgeld/*/apps.py; do
  app=$(dirname "$cfg"); name=$(basename "$app")
  [ "$name" = pb ] && continue
  apps+=("$name")
  mkdir -p "$app/locale"
  (cd "$app" && DJANGO_SETTINGS_MODULE=config.settings PYTHONPATH=../.. $DJADMIN makemessages -l nl -l en --no-location --no-obsolete -v 0)
done
ignores=()
for name in "${apps[@]}"; do ignores+=(--ignore "$name/*"); done
ignores+=(--ignore "pb/*" --ignore "static/*")
(cd wijkgeld && DJANGO_SETTINGS_MODULE=config.settings PYTHONPATH=.. $DJADMIN makemessages -l nl -l en --no-location --no-obsolete -v 0 "${ignores[@]}")
# config/settings.py holds the language names.
$PY scripts/po_tools.py fill-en
