# Sourced by the top-level scripts: installs the Debian packages given as arguments that are missing.
# Idempotent: nothing is downloaded when every package is installed already.

# OCR of scans (Tesseract with the languages of the port: Turkish, French, English, Greek, Arabic script
# for Ottoman material).
ocr_packages=(tesseract-ocr tesseract-ocr-tur tesseract-ocr-fra tesseract-ocr-eng tesseract-ocr-ell tesseract-ocr-ara tesseract-ocr-script-arab)

install_missing_debian_packages() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}
