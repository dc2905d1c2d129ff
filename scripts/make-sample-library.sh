#!/usr/bin/env bash
# Generates mediacat's demo sample library: JPEG photos and MP4/MOV clips with
# realistic camera metadata, made from ffmpeg's synthetic sources only (no
# external images, no network). Every byte is deterministic, so two runs with
# the same tool versions produce identical files.
#
# Usage: scripts/make-sample-library.sh [OUTDIR]   (default: <repo>/media)
#
# Needs ffmpeg, exiftool and cjpeg (libjpeg-turbo-progs); scripts/bootstrap.sh
# installs them. OUTDIR/.generated holds the sha256 of this script: when it
# matches, the library is up to date and the script exits at once.
set -euo pipefail

die() { echo "make-sample-library: $*" >&2; exit 1; }

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out=${1:-$script_dir/../media}
self_sha=$(sha256sum "$script_dir/$(basename "${BASH_SOURCE[0]}")" | cut -d' ' -f1)

for tool in ffmpeg exiftool cjpeg; do
  command -v "$tool" >/dev/null || die "'$tool' not found; run scripts/bootstrap.sh"
done

if [[ -f $out/.generated && $(<"$out/.generated") == "$self_sha" ]]; then
  exit 0
fi

mkdir -p "$out"
out=$(cd "$out" && pwd)
# Work in a hidden dir inside OUTDIR (same filesystem, so the final mv is a rename):
# an interrupted run leaves no half-written file where the catalog would see it.
tmp=$(mktemp -d "$out/.generating.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM HUP   # make signals run the EXIT cleanup too
exif_args=$tmp/exiftool.args   # one exiftool run at the end tags every file (fast)
: >"$exif_args"

ff=(ffmpeg -nostdin -hide_banner -loglevel error -y)
# No encoder version strings, no copied metadata, single-threaded encoders: bit-exact output.
bitexact=(-map_metadata -1 -fflags +bitexact -flags:v +bitexact -threads 1)
# gradients' default colours are random whatever its seed: always name them.
pal=c0=0xb22234:c1=0xf5f5f5:c2=0x3c3b6e:c3=0xffc20e:c4=0x2e8b57:c5=0xff7f50:c6=0x6a5acd:c7=0x00bcd4
offset=-04:00   # every sample was taken in Westport during daylight saving time (EDT)

# EXIF Orientation N means "a viewer applies transform N to the stored pixels".
# We render the upright picture and store it transformed by the inverse of N.
inverse=([1]=null [2]=hflip [3]="hflip,vflip" [4]=vflip
         [5]="transpose=cclock_flip" [6]="transpose=cclock"
         [7]="transpose=clock_flip" [8]="transpose=clock")

# upmarker W H: a red square in the top-left corner and a white arrow pointing up,
# on a dark panel, so a wrongly oriented (or mirrored) display is obvious.
upmarker() {
  local w=$1 h=$2 s x i
  s=$(( (w < h ? w : h) / 10 ))
  x=$(( w / 2 ))
  local f="drawbox=x=0:y=0:w=$((s*2)):h=$((s*2)):color=black@0.6:t=fill"
  f+=",drawbox=x=$((s/2)):y=$((s/2)):w=$s:h=$s:color=red:t=fill"
  f+=",drawbox=x=$((x-s)):y=0:w=$((s*2)):h=$((s*3)):color=black@0.6:t=fill"
  f+=",drawbox=x=$((x-s/8)):y=$((s*5/4)):w=$((s/4)):h=$((s*3/2)):color=white:t=fill"
  for i in 1 2 3 4; do   # arrow head: four rows, widening downwards
    f+=",drawbox=x=$((x-i*s/5)):y=$((s/4+(i-1)*s/4)):w=$((i*s*2/5)):h=$((s/4)):color=white:t=fill"
  done
  echo "$f"
}

# car SEED: a crude car in front of a sky/road backdrop (for bw-cars/).
car() {
  local c="gradients=s=SIZE:c0=0x8fb8de:c1=0xf0f0e8:x0=0:y0=0:x1=0:y1=H60:nb_colors=2:seed=$1"
  c+=",drawbox=x=0:y=ih*0.62:w=iw:h=ih*0.38:color=0x3a3a3a:t=fill"            # road
  c+=",drawbox=x=0:y=ih*0.80:w=iw:h=ih*0.02:color=0xe0e0e0:t=fill"            # lane line
  c+=",drawbox=x=iw*0.34:y=ih*0.36:w=iw*0.30:h=ih*0.16:color=0x8a1c1c:t=fill" # cabin
  c+=",drawbox=x=iw*0.37:y=ih*0.39:w=iw*0.11:h=ih*0.11:color=0xbcd4e6:t=fill" # windows
  c+=",drawbox=x=iw*0.50:y=ih*0.39:w=iw*0.11:h=ih*0.11:color=0xbcd4e6:t=fill"
  c+=",drawbox=x=iw*0.18:y=ih*0.50:w=iw*0.64:h=ih*0.16:color=0xb02a2a:t=fill" # body
  c+=",drawbox=x=iw*0.26:y=ih*0.60:w=iw*0.12:h=iw*0.12:color=0x101010:t=fill" # wheels
  c+=",drawbox=x=iw*0.62:y=ih*0.60:w=iw*0.12:h=iw*0.12:color=0x101010:t=fill"
  c+=",drawbox=x=iw*0.79:y=ih*0.53:w=iw*0.03:h=ih*0.03:color=0xfff2a0:t=fill" # headlight
  echo "$c"
}

# camera NAME: Make/Model/lens/serial/software of the (fictional) devices used.
# ExifIFD:SerialNumber is EXIF 2.3's BodySerialNumber (0xa431); exiftool silently skips
# "-BodySerialNumber=" on a file that has no maker notes.
camera() {
  case $1 in
    canon) cam=(-Make=Canon "-Model=Canon EOS 5D Mark IV" "-LensModel=EF24-105mm f/4L IS II USM"
                -ExifIFD:SerialNumber=032024001234 -Software=1.3.3) ;;
    nikon) cam=("-Make=NIKON CORPORATION" "-Model=NIKON D750" "-LensModel=AF-S NIKKOR 24-120mm f/4G ED VR"
                -ExifIFD:SerialNumber=6021387 -Software=Ver.1.15) ;;
    iphone) cam=(-Make=Apple "-Model=iPhone 12 Pro" "-LensModel=iPhone 12 Pro back triple camera 4.2mm f/1.6"
                 -Software=14.6) ;;
    fuji) cam=(-Make=FUJIFILM -Model=X100V "-Software=Digital Camera X100V Ver2.00"
               -ExifIFD:SerialNumber=02A51537) ;;
    sony) cam=(-Make=SONY -Model=ILCE-7M3 "-LensModel=FE 24-70mm F2.8 GM" -ExifIFD:SerialNumber=3378912
               "-Software=ILCE-7M3 v3.10") ;;
    *) die "unknown camera $1" ;;
  esac
}

# photo REL W H ORIENT CAMERA "YYYY:MM:DD HH:MM:SS" SOURCE [key=value...]
#   W x H is the upright (as displayed) size; SOURCE is a lavfi graph where SIZE
#   stands for WxH and H60 for 60% of H; "gray:" in front makes a one-channel JPEG.
#   keys: exp f iso fl fl35 flash sub gps=LAT,LON,ALT (W longitude is negative) desc
photo() {
  local rel=$1 w=$2 h=$3 orient=$4 cam_name=$5 when=$6 src=$7; shift 7
  local gray=0 sw=$w sh=$h
  [[ $src == gray:* ]] && { gray=1; src=${src#gray:}; }
  src=${src//SIZE/${w}x${h}}; src=${src//H60/$((h * 6 / 10))}
  (( orient >= 5 )) && { sw=$h; sh=$w; }          # stored pixels are transposed
  local vf
  vf="$(upmarker "$w" "$h"),${inverse[$orient]}"
  local file=$tmp/$rel
  mkdir -p "$(dirname "$file")"
  if (( gray )); then
    # ffmpeg's mjpeg encoder has no gray format: cjpeg writes a true 1-component JPEG.
    "${ff[@]}" -f lavfi -i "$src" -vf "$vf,format=gray" -frames:v 1 "${bitexact[@]}" \
      -c:v pgm -f image2pipe - | cjpeg -quality 85 -optimize >"$file"
  else
    "${ff[@]}" -f lavfi -i "$src" -vf "$vf,format=yuvj420p" -frames:v 1 "${bitexact[@]}" \
      -c:v mjpeg -q:v 4 -f image2 -update 1 "$file"
  fi

  camera "$cam_name"
  local -A k=([exp]=1/250 [f]=8 [iso]=100 [fl]=50 [flash]=16)
  local kv
  for kv in "$@"; do k[${kv%%=*}]=${kv#*=}; done
  local a=("${cam[@]}" -Orientation="$orient" -ExifImageWidth="$sw" -ExifImageHeight="$sh"
    -XResolution=72 -YResolution=72 -ResolutionUnit=2
    -DateTimeOriginal="$when" -CreateDate="$when" -ModifyDate="$when"
    -OffsetTimeOriginal="$offset" -OffsetTimeDigitized="$offset" -OffsetTime="$offset"
    -ExposureTime="${k[exp]}" -FNumber="${k[f]}" -ISO="${k[iso]}" -FocalLength="${k[fl]}"
    -FocalLengthIn35mmFormat="${k[fl35]:-${k[fl]}}" -EXIF:Flash="${k[flash]}" -ColorSpace=1
    "-Artist=Westport Police Department" "-Copyright=© Town of Westport")
  [[ -n ${k[sub]:-} ]] && a+=(-SubSecTimeOriginal="${k[sub]}" -SubSecTimeDigitized="${k[sub]}")
  [[ -n ${k[desc]:-} ]] && a+=("-ImageDescription=${k[desc]}")
  if [[ -n ${k[gps]:-} ]]; then
    local lat lon alt day=${when%% *} utc
    IFS=, read -r lat lon alt <<<"${k[gps]}"
    # GPS time is UTC: convert the local capture time (EXIF date "2019:05:27" -> "2019-05-27").
    utc=$(date -u -d "${day//:/-} ${when#* } $offset" '+%Y:%m:%d %H:%M:%S')
    a+=(-GPSLatitude="$lat" -GPSLatitudeRef=N -GPSLongitude="${lon#-}" -GPSLongitudeRef=W
        -GPSAltitude="$alt" -GPSAltitudeRef=0 -GPSDateStamp="${utc% *}" -GPSTimeStamp="${utc#* }")
  fi
  printf '%s\n' "${a[@]}" "$file" -execute >>"$exif_args"
}

# clip REL SIZE RATE SECONDS VIDEO_GRAPH "FREQ_L|FREQ_R" TITLE CREATED_UTC [ffmpeg output args...]
#   H.264 High yuv420p + AAC 48 kHz; one frequency means a mono track.
clip() {
  local rel=$1 size=$2 rate=$3 secs=$4 graph=$5 freqs=$6 title=$7 created=$8; shift 8
  local file=$tmp/$rel f expr=() IFS='|'
  for f in $freqs; do expr+=("0.2*sin(2*PI*$f*t)"); done
  mkdir -p "$(dirname "$file")"
  "${ff[@]}" -f lavfi -i "${graph//SIZE/$size}" -f lavfi -i "aevalsrc=${expr[*]}:s=48000" \
    -t "$secs" -r "$rate" "${bitexact[@]}" -flags:a +bitexact \
    -c:v libx264 -preset veryfast -crf 30 -profile:v high -pix_fmt yuv420p \
    -c:a aac -b:a 64k -ar 48000 \
    -metadata title="$title" -metadata creation_time="$created" "$@" "$file"
}

parade_1() {  # Memorial Day 2019: Canon DSLR plus one iPhone; orientations 1, 3, 6, 8
  local d=parade-1 g=41.14150,-73.35790
  photo $d/main-street-float.jpg 2400 1600 1 canon "2019:05:27 10:31:04" \
    "mandelbrot=s=SIZE:start_scale=2.6:end_scale=2.6:start_x=-0.6" \
    exp=1/320 f=8 iso=200 fl=47 sub=18 gps=41.14162,-73.35771,8.2 "desc=Float on Main Street"
  photo $d/marching-band.jpg 1600 2400 6 canon "2019:05:27 10:31:09" \
    "testsrc2=s=SIZE,hue=h=40" exp=1/250 f=7.1 iso=200 fl=70 sub=52 gps=41.14171,-73.35784,7.9
  photo $d/color-guard.jpg 2400 1600 1 canon "2019:05:27 10:31:13" \
    "gradients=s=SIZE:$pal:seed=11:n=6" exp=1/400 f=8 iso=100 fl=24
  photo $d/fire-engine.jpg 2400 1600 3 canon "2019:05:27 10:31:20" \
    "smptehdbars=s=SIZE,hue=h=200:s=1.3" exp=1/250 f=5.6 iso=100 fl=105 gps=41.14158,-73.35802,9.5 \
    "desc=Engine 1 on Post Road East"
  photo $d/veterans-salute.jpg 1512 2016 8 iphone "2019:05:27 10:31:26" \
    "cellauto=s=189x252:rule=110:seed=5:random_fill_ratio=0.5,scale=SIZE:flags=neighbor,lutrgb=r=val:g=val*0.6:b=255-val" \
    exp=1/1000 f=1.6 iso=32 fl=4.2 fl35=26 sub=431 gps=$g,11.0
  photo $d/crowd-on-post-road.jpg 2400 1600 1 canon "2019:05:27 10:31:31" \
    "life=s=240x160:seed=42:mold=30:ratio=0.12:life_color=0xffb020:death_color=0x203060:mold_color=0x802040,scale=SIZE:flags=neighbor,gblur=sigma=1.5" \
    exp=1/60 f=4 iso=400 fl=35 flash=25
}

parade_2() {  # Memorial Day 2021: Nikon DSLR and an iPhone; native portrait, orientations 2 and 6
  local d=parade-2
  photo $d/scouts-troop.jpg 2400 1600 1 nikon "2021:05:31 10:02:41" \
    "mandelbrot=s=SIZE:start_scale=0.25:end_scale=0.25:start_x=-0.75:start_y=0.1" \
    exp=1/500 f=8 iso=100 fl=50 sub=30 gps=41.14139,-73.35762,12.4 "desc=Scout troop 39 on Myrtle Avenue"
  photo $d/town-hall-steps.jpg 1600 2400 1 nikon "2021:05:31 10:02:47" \
    "colorspectrum=s=SIZE:type=all" exp=1/320 f=9 iso=100 fl=28
  photo $d/wreath-laying.jpg 2016 1512 2 iphone "2021:05:31 10:02:55" \
    "rgbtestsrc=s=SIZE,hue=h=120" exp=1/120 f=1.6 iso=50 fl=4.2 fl35=26 sub=118 "desc=Wreath laying (front camera)"
  photo $d/bagpipers.jpg 1512 2016 6 iphone "2021:05:31 10:03:02" \
    "gradients=s=SIZE:$pal:seed=23:n=4,hue=h=150" exp=1/640 f=2 iso=32 fl=6 fl35=52 sub=007 gps=41.14147,-73.35795,6.1
  photo $d/flag-bearers.jpg 2400 1600 1 nikon "2021:05:31 10:03:06" \
    "yuvtestsrc=s=SIZE,hue=h=300" exp=1/400 f=6.3 iso=100 fl=85
}

parade_5() {  # Memorial Day 2023: orientations 4, 5 and 7 (mirrored variants)
  local d=parade-5
  photo $d/grand-marshal.jpg 2016 1512 1 iphone "2023:05:29 09:58:12" \
    "gradients=s=SIZE:$pal:seed=31:n=8:type=radial" exp=1/900 f=1.6 iso=25 fl=4.2 fl35=26 sub=604 \
    gps=41.14155,-73.35812,5.3 "desc=Grand marshal's car at the Saugatuck River bridge"
  photo $d/antique-tractor.jpg 2400 1600 4 canon "2023:05:29 09:58:19" \
    "testsrc2=s=SIZE,hue=h=90:s=1.2" exp=1/250 f=8 iso=100 fl=60 gps=41.14133,-73.35748,14.8
  photo $d/balloon-arch.jpg 1600 2400 5 canon "2023:05:29 09:58:25" \
    "sierpinski=s=400x600:seed=3:type=triangle,scale=SIZE,lutrgb=r=val:g=255-val:b=200" exp=1/200 f=8 iso=100 fl=32
  photo $d/bike-brigade.jpg 1512 2016 7 iphone "2023:05:29 09:58:31" \
    "smptebars=s=SIZE,hue=h=60" exp=1/500 f=2 iso=40 fl=6 fl35=52 sub=77 gps=41.14160,-73.35790,19.6
  photo $d/jesup-green.jpg 2400 1600 1 canon "2023:05:29 09:58:40" \
    "mandelbrot=s=SIZE:start_scale=1.2:end_scale=1.2:start_x=-0.4:start_y=0.6:inner=period" \
    exp=1/320 f=8 iso=100 fl=105
}

bw_cars() {  # Car show 2022: two true one-channel JPEGs, two desaturated colour JPEGs
  local d=bw-cars
  photo $d/mustang-compo-beach.jpg 2400 1600 1 fuji "2022:09:17 14:22:05" "gray:$(car 1)" \
    exp=1/1000 f=5.6 iso=160 fl=23 fl35=35 gps=41.11612,-73.34931,3.0 "desc=1966 Mustang at Compo Beach"
  photo $d/beetle-portrait.jpg 1600 2400 6 fuji "2022:09:17 14:25:47" "gray:$(car 2)" \
    exp=1/500 f=4 iso=160 fl=23 fl35=35
  photo $d/roadster.jpg 2400 1600 1 fuji "2022:09:17 14:31:10" "$(car 3),hue=s=0" \
    exp=1/750 f=8 iso=160 fl=23 fl35=35
  photo $d/pickup-truck.jpg 1600 2400 1 fuji "2022:09:17 14:33:58" "$(car 4),hue=s=0,eq=contrast=1.3" \
    exp=1/250 f=2.8 iso=320 fl=23 fl35=35 sub=5
}

group_original() {  # Full-size originals (12 MP); the portrait one is stored landscape + Orientation 6
  local d=group-original
  photo $d/officers-group-wide.jpg 4000 3000 1 sony "2024:06:14 11:05:30" \
    "gradients=s=SIZE:$pal:seed=41:n=3,hue=h=210" exp=1/200 f=5.6 iso=100 fl=35 sub=120 gps=41.14092,-73.35652,10.0 \
    "desc=Officers at headquarters, 50 Jesup Road"
  photo $d/officers-group-portrait.jpg 3000 4000 6 sony "2024:06:14 11:06:02" \
    "colorspectrum=s=SIZE:type=black,hue=h=30" exp=1/200 f=5.6 iso=100 fl=50 sub=480
  photo $d/officers-group-alternate.jpg 4000 3000 1 sony "2024:06:14 11:06:15" \
    "smptehdbars=s=SIZE,hue=h=270:s=0.8" exp=1/160 f=4 iso=200 fl=24 sub=75 flash=25
}

i_love_westport() {  # 2022 "promise" clips: 1280x720 H.264 High + stereo AAC, fast-start
  local d=i-love-westport t="I Love Westport: a promise from a"
  clip $d/promise-from-a-resident.mp4 1280x720 30 5 "testsrc2=s=SIZE:r=30,fade=t=in:st=0:d=1.5" \
    "440|554.37" "$t resident" 2022-06-04T14:00:00Z -movflags +faststart
  clip $d/promise-from-a-business-owner.mp4 1280x720 30 4 "gradients=s=SIZE:$pal:r=30:seed=7:n=5:speed=0.02" \
    "523.25|659.25" "$t business owner" 2022-06-11T15:30:00Z -movflags +faststart
  clip $d/promise-from-a-town-leader.mp4 1280x720 30 6 "smptehdbars=s=SIZE:r=30,hue=H=2*PI*t/6" \
    "392|493.88" "$t town leader" 2022-06-18T13:15:00Z -movflags +faststart
}

westport_united() {  # 2020 PSAs: 1080p25 mono, 29.97 non-fast-start, portrait iPhone .mov, 360p
  local d=westport-united
  clip $d/westport-united-1.mp4 1920x1080 25 4 "gradients=s=SIZE:$pal:r=25:seed=17:n=4:speed=0.03,hue=h=90" \
    "330" "Westport United #1" 2020-03-22T15:00:00Z -movflags +faststart
  # ffmpeg writes MP4 "location" as a 3GPP loci atom; exiftool writes the usual ©xyz string.
  printf '%s\n' -UserData:GPSCoordinates="41.1390 -73.3626" "$tmp/$d/westport-united-1.mp4" -execute >>"$exif_args"
  clip $d/westport-united-2.mp4 1280x720 30000/1001 5 "testsrc2=s=SIZE:r=30000/1001,hue=h=180" \
    "349.23|415.30" "Westport United #2" 2020-03-23T16:30:00Z   # no +faststart: moov after mdat
  # iPhone-style portrait: 720x1280 upright, stored as 1280x720, displayed via a 90° track matrix.
  clip $d/westport-united-3.mov 720x1280 30 5 "testsrc2=s=SIZE:r=30,$(upmarker 720 1280),transpose=cclock" \
    "587.33|698.46" "Westport United #3" 2020-03-26T14:15:00Z -movflags +faststart+use_metadata_tags \
    -metadata com.apple.quicktime.creationdate=2020-03-26T10:15:00-0400 \
    -metadata com.apple.quicktime.location.ISO6709=+41.1415-073.3579+005.000/ \
    -metadata com.apple.quicktime.make=Apple -metadata "com.apple.quicktime.model=iPhone 11"
  # ffmpeg 5.1's mov muxer ignores "-metadata:s:v rotate=": exiftool sets the matrix instead.
  printf '%s\n' -Rotation=90 "$tmp/$d/westport-united-3.mov" -execute >>"$exif_args"
  clip $d/westport-united-4.mp4 640x360 30 4 "mandelbrot=s=SIZE:r=30:start_scale=3:end_scale=0.3:maxiter=512" \
    "261.63|392" "Westport United #4" 2020-04-03T13:45:00Z -movflags +faststart
}

parade_1; parade_2; parade_5; bw_cars; group_original; i_love_westport; westport_united

# -n: values are numbers, not exiftool's printed forms (Orientation=6, Flash=16); EXIF:Flash
# because plain "Flash" would land in XMP.
# Writing only tags we name (never FileModifyDate) keeps the output byte-identical.
exiftool -@ "$exif_args" -common_args -q -overwrite_original -n 2>"$tmp/exiftool.err" \
  || { cat "$tmp/exiftool.err" >&2; die "exiftool failed"; }
[[ -s $tmp/exiftool.err ]] && { cat "$tmp/exiftool.err" >&2; die "exiftool warned"; }

# Move into place: drop stale media from our collection folders, then rename each file.
for dir in "$tmp"/*/; do
  name=$(basename "$dir")
  mkdir -p "$out/$name"
  find "$out/$name" -maxdepth 1 -type f \( -name '*.jpg' -o -name '*.mp4' -o -name '*.mov' \) \
    -exec sh -c 'for f; do [ -e "$0/${f##*/}" ] || rm -f "$f"; done' "$dir" {} +
  for f in "$dir"*; do mv -f "$f" "$out/$name/"; done
done
echo "$self_sha" >"$tmp/stamp" && mv -f "$tmp/stamp" "$out/.generated"
echo "make-sample-library: wrote $(find "$out" -type f \( -name '*.jpg' -o -name '*.mp4' -o -name '*.mov' \) | wc -l) files to $out"
