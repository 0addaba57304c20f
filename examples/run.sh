#!/usr/bin/env sh
# Run kameng's main job on the example case: copy it to a scratch folder, add the user's materials,
# then show the case, the exhibits, the timeline and the integrity check.
#   sh examples/run.sh [EXAMPLE]        (default: undelivered-card)
set -eu
example="${1:-undelivered-card}"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)/$example"
mkdir -p "$work"
cp "$here/$example/case.toml" "$work/"
mkdir -p "$work/evidence" "$work/drafts" "$work/.kameng"
echo "== kameng: example case in $work"
kameng -C "$work" show
kameng -C "$work" add "$here/$example/materials"
kameng -C "$work" list
kameng -C "$work" timeline
kameng -C "$work" verify
for optional in check; do
  if kameng "$optional" --help >/dev/null 2>&1; then kameng -C "$work" "$optional" || true; fi
done
if kameng draft --help >/dev/null 2>&1; then kameng -C "$work" draft --to platform -o - || true; fi
echo "== the case folder is kept at $work"
