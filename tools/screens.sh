#!/bin/sh
# Screenshots of the real window under Xvfb with a window manager (openbox), for a person to
# look at: each size, light and dark, and twice the scale. Needs xvfb, openbox, imagemagick
# and libxcb-cursor0 (apt-get install). Settings, recovery and data go to a scratch folder.
#   tools/screens.sh OUT_DIR POST_FILE [NAME]
set -eu
out=$1 post=$2 name=${3:-sample}
here=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$out"
shoot() {  # WIDTH HEIGHT THEME SCALE
    scratch=$(mktemp -d)
    mkdir -p "$scratch/config/post-editor"
    printf '[General]\ntheme=%s\n' "$3" >"$scratch/config/post-editor/Post Editor.conf"
    Xvfb :77 -screen 0 "$1x$2x24" -nolisten tcp >/dev/null 2>&1 &
    xvfb=$!
    sleep 1
    DISPLAY=:77 openbox >/dev/null 2>&1 &
    wm=$!
    sleep 1
    DISPLAY=:77 QT_QPA_PLATFORM=xcb QT_SCALE_FACTOR=$4 XDG_CONFIG_HOME="$scratch/config" \
        XDG_DATA_HOME="$scratch/data" "$here/.venv/bin/post-editor" "$post" >"$scratch/log" 2>&1 &
    app=$!
    sleep 6
    DISPLAY=:77 import -window root "$out/$name-$1x$2-$3-x$4.png" || echo "no shot: $1x$2 $3" >&2
    kill "$app" "$wm" "$xvfb" 2>/dev/null || true
    wait "$app" "$wm" "$xvfb" 2>/dev/null || true
    rm -rf "$scratch"
}
for size in "1024 640" "1366 768" "1920 1080"; do
    for theme in light dark; do
        shoot $size $theme 1
    done
done
shoot 2048 1280 light 2
shoot 2048 1280 dark 2
