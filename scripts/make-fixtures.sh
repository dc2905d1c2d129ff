#!/usr/bin/env bash
# Generates the test fixtures: small photos and clips with exactly known metadata, made with
# the ffmpeg CLI and exiftool (development tools from Debian). Tests compare mediacat's output
# against the values written here, so change both together.
#
# Usage: scripts/make-fixtures.sh [OUTDIR]   (default: <repo>/.build-fixtures)
# OUTDIR/.generated holds the sha256 of this script and of scripts/fixtures/*.sh (sourced at
# the end, each making its own folder); when it matches, nothing is redone.
set -euo pipefail

die() { echo "make-fixtures: $*" >&2; exit 1; }
script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out=${1:-$script_dir/../.build-fixtures}
shopt -s nullglob
parts=("$script_dir"/fixtures/*.sh)
shopt -u nullglob
self_sha=$(cat "${BASH_SOURCE[0]}" "${parts[@]}" | sha256sum | cut -d' ' -f1)
for tool in ffmpeg exiftool cjpeg; do
  command -v "$tool" >/dev/null || die "'$tool' not found; run scripts/bootstrap.sh"
done
if [[ -f $out/.generated && $(<"$out/.generated") == "$self_sha" ]]; then exit 0; fi

mkdir -p "$out"
out=$(cd "$out" && pwd)
tmp=$(mktemp -d "$out/.generating.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM HUP
cd "$tmp"
mkdir photos videos bad

ff=(ffmpeg -nostdin -hide_banner -loglevel error -y)
bitexact=(-map_metadata -1 -fflags +bitexact -flags:v +bitexact -flags:a +bitexact -threads 1)
ex() { exiftool -q -q -overwrite_original "$@"; }

# --- Photos -------------------------------------------------------------------------------
# upright.png: 96x64, an asymmetric picture (red top-left, green top-right, blue bottom-left,
# white bottom-right), the reference every orientation must display as.
"${ff[@]}" -f lavfi -i "color=c=white:s=96x64,format=rgb24,
drawbox=x=0:y=0:w=48:h=32:color=red:t=fill,drawbox=x=48:y=0:w=48:h=32:color=lime:t=fill,
drawbox=x=0:y=32:w=48:h=32:color=blue:t=fill" -frames:v 1 "${bitexact[@]}" photos/upright.png

# orientation-N.jpg stores the upright picture transformed by the inverse of N, tagged N.
inverse=([1]=null [2]=hflip [3]="hflip,vflip" [4]=vflip [5]="transpose=cclock_flip"
         [6]="transpose=cclock" [7]="transpose=clock_flip" [8]="transpose=clock")
for n in 1 2 3 4 5 6 7 8; do
  "${ff[@]}" -i photos/upright.png -vf "${inverse[$n]}" -frames:v 1 -q:v 2 "${bitexact[@]}" "photos/orientation-$n.jpg"
  ex -Orientation="$n" -n "photos/orientation-$n.jpg"
done

plain() { "${ff[@]}" -f lavfi -i "testsrc2=s=${2:-160x120}" -frames:v 1 -q:v 4 "${bitexact[@]}" "$1"; }

# Capture times: positive offset with sub-seconds, negative offset across midnight UTC,
# fall-backs past zero dates, and an offset inferred from the GPS clock.
plain photos/offset-plus.jpg
ex -DateTimeOriginal="2024:07:04 09:30:15" -OffsetTimeOriginal="+05:30" -SubSecTimeOriginal=25 photos/offset-plus.jpg
plain photos/offset-minus.jpg
ex -DateTimeOriginal="2020:03:22 23:45:00" -OffsetTimeOriginal="-04:00" photos/offset-minus.jpg
plain photos/date-digitized.jpg
ex -CreateDate="2019:01:02 03:04:05" -OffsetTimeDigitized="-08:00" photos/date-digitized.jpg
plain photos/date-zero.jpg
ex -DateTimeOriginal="0000:00:00 00:00:00" -ModifyDate="2018:06:01 12:00:00" photos/date-zero.jpg
plain photos/date-gps-offset.jpg
ex -DateTimeOriginal="2021:05:31 10:02:41" -GPSDateStamp="2021:05:31" -GPSTimeStamp="14:02:40" photos/date-gps-offset.jpg

# GPS in all four hemispheres; below sea level in the south-east; a GPS IFD with no position.
gps() { plain "photos/$1.jpg"; ex -GPSLatitude="$2" -GPSLatitudeRef="$3" -GPSLongitude="$4" -GPSLongitudeRef="$5" \
  -GPSAltitude="$6" -GPSAltitudeRef#="$7" "photos/$1.jpg"; }
gps gps-ne 35.6586 N 139.7454 E 45 0
gps gps-nw 41.1415 N 73.3579 W 5 0
gps gps-se 33.8568 S 151.2153 E 3 1
gps gps-sw 22.9519 S 43.2105 W 700 0
plain photos/gps-empty.jpg
ex -GPSVersionID="2.3.0.0" photos/gps-empty.jpg

# Camera, exposure and credits.
plain photos/camera.jpg 320x240
ex -Make="Canon" -Model="Canon EOS 5D Mark IV" -LensModel="EF24-105mm f/4L IS II USM" \
   -ExifIFD:SerialNumber="032024001234" -Software="mediacat fixtures" -ExposureTime=0.004 -FNumber=5.6 \
   -ISO=400 -FocalLength=35 -FocalLengthIn35mmFormat=52 -EXIF:Flash#=25 -Artist="Westport Police Department" \
   -Copyright="(c) Town of Westport" -ImageDescription="Memorial Day parade on Main Street" photos/camera.jpg

# The same EXIF in other containers: PNG eXIf, WebP EXIF chunk, TIFF (IFD0 at the end).
"${ff[@]}" -f lavfi -i "testsrc2=s=120x80" -frames:v 1 "${bitexact[@]}" photos/exif.png
"${ff[@]}" -f lavfi -i "testsrc2=s=120x80" -frames:v 1 -c:v libwebp -lossless 0 "${bitexact[@]}" photos/exif.webp
"${ff[@]}" -f lavfi -i "testsrc2=s=120x80" -frames:v 1 -c:v tiff "${bitexact[@]}" photos/exif.tiff
for f in photos/exif.png photos/exif.webp photos/exif.tiff; do
  ex -EXIF:Make="NIKON CORPORATION" -EXIF:Model="NIKON D750" -EXIF:DateTimeOriginal="2021:05:31 10:02:41" \
     -EXIF:OffsetTimeOriginal="-04:00" -EXIF:Orientation=6 -n "$f"
done
"${ff[@]}" -f lavfi -i "testsrc2=s=200x150" -frames:v 1 -pix_fmt gray -c:v png "${bitexact[@]}" photos/gray.png
# Grayscale (one-channel JPEG, as black-and-white cameras and scans write) and 16-bit PNG.
"${ff[@]}" -f lavfi -i "testsrc2=s=160x120" -frames:v 1 -f image2pipe -vcodec ppm - | cjpeg -grayscale -quality 90 >photos/gray.jpg
"${ff[@]}" -f lavfi -i "testsrc2=s=160x120" -frames:v 1 -pix_fmt rgb48be "${bitexact[@]}" photos/deep.png
# A larger photo for sizes: 2400x1800 at quality 90, with EXIF and GPS that renditions must drop.
"${ff[@]}" -f lavfi -i "testsrc2=s=2400x1800" -frames:v 1 -q:v 2 "${bitexact[@]}" photos/large.jpg
ex -Make="Canon" -ExifIFD:SerialNumber="032024001234" -GPSLatitude=41.1415 -GPSLatitudeRef=N \
   -GPSLongitude=73.3579 -GPSLongitudeRef=W photos/large.jpg
"${ff[@]}" -f lavfi -i "testsrc2=s=64x48" -frames:v 1 "${bitexact[@]}" photos/animation.gif

# --- Videos -------------------------------------------------------------------------------
clip() {  # clip OUT SIZE SECONDS [extra ffmpeg args...]
  local name=$1 size=$2 seconds=$3; shift 3
  "${ff[@]}" -f lavfi -i "testsrc2=s=$size:r=30:d=$seconds" -f lavfi -i "sine=f=440:r=48000:d=$seconds" \
    -c:v libx264 -preset veryfast -pix_fmt yuv420p -c:a aac -b:a 64k -ac 2 "${bitexact[@]}" "$@" "$name"
}
clip videos/faststart.mp4 320x240 2 -movflags +faststart -metadata title="Fast start" \
  -metadata creation_time="2022-06-04T14:00:00Z"
clip videos/not-faststart.mp4 320x240 2
clip videos/short.mp4 160x120 0.4 -movflags +faststart
clip videos/full-range.mp4 160x120 1 -movflags +faststart -color_range pc
# A phone-style portrait clip: landscape pixels, display matrix rotation, Apple creation date
# with offset and an ISO 6709 location. (ffmpeg 5.1 cannot set the rotation itself.)
clip videos/rotated-90.mov 320x240 2 -movflags +faststart+use_metadata_tags \
  -metadata "com.apple.quicktime.creationdate=2020-03-26T10:15:00-0400" \
  -metadata "com.apple.quicktime.location.ISO6709=+41.1415-073.3579+005.000/" \
  -metadata "com.apple.quicktime.make=Apple" -metadata "com.apple.quicktime.model=iPhone 11"
clip videos/rotated-180.mp4 320x240 1 -movflags +faststart
clip videos/rotated-270.mp4 320x240 1 -movflags +faststart
ex -Rotation=90 videos/rotated-90.mov
ex -Rotation=180 videos/rotated-180.mp4
ex -Rotation=270 videos/rotated-270.mp4
# Fades in from black over 1.5 s, one keyframe only: a first-frame or keyframe poster is black.
"${ff[@]}" -f lavfi -i "testsrc2=s=320x180:r=30:d=4,fade=t=in:st=0:d=1.5" -c:v libx264 -preset veryfast \
  -pix_fmt yuv420p -g 1000 "${bitexact[@]}" -movflags +faststart videos/fade-in.mp4
# A phone portrait clip: the upright picture (180x320, red square top-left) stored turned 90°
# counter-clockwise as 320x180, with a display matrix that turns it back.
"${ff[@]}" -f lavfi -i "color=c=gray:s=180x320:r=30:d=2,drawbox=x=0:y=0:w=60:h=60:color=red:t=fill,
drawbox=x=120:y=260:w=60:h=60:color=blue:t=fill,transpose=cclock" -c:v libx264 -preset veryfast -pix_fmt yuv420p \
  "${bitexact[@]}" -movflags +faststart videos/portrait-phone.mov
ex -Rotation=90 videos/portrait-phone.mov
# MP4 ©xyz location in the southern and western hemispheres.
clip videos/location.mp4 160x120 1 -movflags +faststart
ex -UserData:GPSCoordinates="-33.8568, -151.2153, 12" videos/location.mp4
"${ff[@]}" -f lavfi -i "sine=f=440:r=44100:d=2" -c:a aac -b:a 64k -ac 1 "${bitexact[@]}" -movflags +faststart \
  -metadata:s:a language=eng videos/audio.m4a
"${ff[@]}" -f lavfi -i "testsrc2=s=320x180:r=25:d=1" -c:v libx265 -preset ultrafast -pix_fmt yuv420p10le \
  -color_primaries bt2020 -color_trc smpte2084 -colorspace bt2020nc -x265-params log-level=none \
  "${bitexact[@]}" -tag:v hvc1 videos/hdr10.mp4

# --- Bad input ----------------------------------------------------------------------------
: >bad/empty.jpg
head -c 3000 photos/camera.jpg >bad/truncated.jpg
cp photos/upright.png bad/really-a-png.jpg          # wrong extension: must still probe as PNG
printf 'This is not a video.\n' >bad/text.mp4
head -c 4096 /dev/zero | tr '\0' '\377' >bad/ff-bytes.jpg
size=$(stat -c %s videos/faststart.mp4)
head -c $((size * 6 / 10)) videos/faststart.mp4 >bad/truncated-faststart.mp4
head -c $((size * 6 / 10)) videos/not-faststart.mp4 >bad/truncated-moov-last.mp4
mkdir "bad/folder.jpg"

# --- More fixtures, one script per concern --------------------------------------------------
for part in "${parts[@]}"; do
  # shellcheck source=/dev/null
  source "$part"
done

rm -f photos/*_original
cd "$out"
for folder in "$tmp"/*/; do
  name=$(basename "$folder")
  rm -rf "$name"
  mv "$folder" "$name"
done
echo "$self_sha" >.generated
