#!/usr/bin/env bash
# The comparative table and the bill as PDF (typst in-process, Libertinus
# Serif embedded): poppler's pdftotext reads the Kazakh and Russian words of
# the shipped corpus's table and bill exactly, the fonts are embedded, the
# table is A4 landscape and the bill A4 portrait, a table of more than one
# page has its header on page 2; pdftoppm renders every page to PNG (into
# $PDF_SCREENSHOTS, default a temporary directory; tests/all.sh keeps them
# under the target directory, docs/review/pdf-*.png are made by hand from it).
# Installs poppler-utils (Debian) when pdftotext is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v pdftotext >/dev/null || ! command -v pdftoppm >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends poppler-utils >/dev/null
fi
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
shots="${PDF_SCREENSHOTS:-$out/png}"
mkdir -p "$shots"
for lang in kk ru; do
  cargo run --quiet --locked -- table kz.cc.age-14 --lang "$lang" --format pdf --workspace corpus -o "$out/table-$lang.pdf"
  cargo run --quiet --locked -- bill kz.cc.age-14 --lang "$lang" --format pdf --workspace corpus >"$out/bill-$lang.pdf"
done

# `text FILE [FIRST LAST]`: the words of the PDF (or of its pages), one space between.
text() {
  if [ $# -eq 3 ]; then pdftotext -f "$2" -l "$3" "$1" -; else pdftotext "$1" -; fi | tr -s ' \n\f' ' '
}
has() {
  local file="$1" got
  shift
  got="$(text "$file")"
  for phrase in "$@"; do
    grep -qF -- "$phrase" <<<"$got" || { printf 'missing in %s: %s\n---\n%s\n' "$file" "$phrase" "$got" >&2; exit 1; }
  done
}
has "$out/table-kk.pdf" "Құрылымдық элемент" "Қолданыстағы редакция" "Ұсынылып отырған редакция" "Негіздеме" \
  "2014 жылғы 3 шілдедегі Қазақстан Республикасының Қылмыстық кодексі" "бірінші немесе екінші бөлігінде" \
  "Ілеспе өзгеріс: психикалық дамуы"
has "$out/table-ru.pdf" "Действующая редакция" "Предлагаемая редакция" "Обоснование" \
  "части первой или второй" "части первой, второй или 2-1" "четырнадцатилетнего возраста"
has "$out/bill-kk.pdf" "ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ ЗАҢЫ" "1-бап." "мынадай мазмұндағы 2-1-бөлікпен толықтырылсын:"
has "$out/bill-ru.pdf" "ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН" "Статья 1." "дополнить частью 2-1 следующего содержания:" \
  "в части третьей слова «части первой или второй» заменить словами «части первой, второй или 2-1» [2]." \
  "Президент Республики Казахстан"

for f in "$out"/*.pdf; do
  # Every font embedded (the `emb` column of pdffonts).
  pdffonts "$f" | awk 'NR > 2 && $(NF-4) != "yes" { print "not embedded in '"$f"': " $0; bad = 1 } END { exit bad }' >&2
  size="$(pdfinfo "$f" 2>/dev/null | awk '/^Page size/ { print $3 "x" $5 }')"
  case "$f" in
    */table-*) [ "$size" = "841.89x595.276" ] || { echo "$f: not A4 landscape: $size" >&2; exit 1; } ;;
    */bill-*) [ "$size" = "595.276x841.89" ] || { echo "$f: not A4 portrait: $size" >&2; exit 1; } ;;
  esac
  # Tagged (structure for screen readers and reflow) and titled, as the
  # review site's pages are accessible.
  pdfinfo "$f" 2>/dev/null | grep -qx 'Tagged: *yes' || { echo "$f: not a tagged PDF" >&2; exit 1; }
  pdfinfo "$f" 2>/dev/null | grep -q '^Title: *[^ ]' || { echo "$f: no document title" >&2; exit 1; }
  pages="$(pdfinfo "$f" 2>/dev/null | awk '/^Pages/ { print $2 }')"
  case "$f" in
    */table-*)
      if [ "$pages" -gt 1 ]; then
        heading="$([ "${f##*-}" = kk.pdf ] && echo "Құрылымдық элемент" || echo "Структурный элемент")"
        grep -qF "$heading" <<<"$(text "$f" 2 2)" || { echo "$f: no header row on page 2" >&2; exit 1; }
      fi
      ;;
  esac
  pdftoppm -png -r 80 "$f" "$shots/$(basename "$f" .pdf)"
done
ls "$shots"/*.png >/dev/null
echo "pdf: pdftotext reads the kk and ru table and bill word for word; fonts embedded; tagged and titled; A4 landscape and portrait; pages rendered to $shots"
