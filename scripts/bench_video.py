#!/usr/bin/env python3
"""Web-video benchmark: mediacat's in-process pipeline (libavformat, libavcodec, libavfilter,
one pass per file) against the ffmpeg CLI doing the same work, on bench_render.py's clips
(3 × 1080p H.264 20 s with AAC, 2 × 4K HEVC 8 s without sound).

Every contender runs on the same files in the same run, rounds alternating; the first round
is a warm-up that is not counted, and its outputs are checked (decode without errors, codec,
profile, H.264 level, size, bytes) before any round counts. The table gives the median wall time, speed
as seconds of media per second, the peak RSS of the largest process (os.wait4, as in
bench_render.py) and the CPU time of all processes (user + system: how many cores were used).

1. The `web` rendition of the 1080p clips, picture copied. The generated sound (a 440 Hz sine,
   about -22 LUFS) is off the -16 LUFS target, so mediacat measures it (EBU R128) and encodes
   it to AAC with a gain. 1a makes ffmpeg do that same work: an ebur128 pass, then
   `-c:v copy -c:a aac -b:a 128k` behind mediacat's filter (resample, stereo, the gain that
   mediacat's note reports to 0.1 dB, the limiter if it says "limited"). 1b uses the same pictures with
   sound already at -16 LUFS (made once into .build-bench/web-video/): mediacat copies both
   streams (after measuring the sound, which it must do to know), ffmpeg runs `-c copy`.
   Which one mediacat did is read from its `note` lines and shown in the table.
2. The clean `original` of the 1080p clips vs `ffmpeg -c copy -map_metadata -1`.
3. The 4K HEVC clips to the 1080p rung (x264 veryfast, crf 23, High, -g 2 s, maxrate
   w*h*fps*0.12, bufsize twice that, bicubic), with `--jobs 1` (one file at a time) against
   one ffmpeg process after another. Both use every core for one file: the decoder's frame
   threads and x264's threads ("auto" in mediacat, the CLI's default).
4. The same clips to both rungs at once (1080p + 640 px crf 24): mediacat from one decode,
   ffmpeg as one process with `-filter_complex split=2` and two outputs.
5. `mediacat ingest` of the sample library (media/) into a fresh temporary catalog.

The mediacat outputs and the ffmpeg settings follow Sources/Renditions/WebVideo/
(WebVideoPlan, WebVideoEncoding); the generated clips have no rotation, HDR or interlacing.

Usage: scripts/bench_video.py [--rounds N] [--mediacat PATH]
Writes only into .build-bench/ (the shared workload) and a temporary folder.
"""
import argparse, json, math, os, re, shutil, statistics, subprocess, sys, tempfile, time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
extra = os.path.join(root, ".build-bench", "web-video")
sys.path.insert(0, os.path.join(root, "scripts"))
import bench_render  # noqa: E402  (the shared media workload)

TARGET_LUFS = -16.0
COPY = ["-map_metadata", "-1", "-movflags", "+faststart"]


def probe(path):
    result = subprocess.run(["ffprobe", "-v", "error", "-show_streams", "-show_format", "-of", "json", path],
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def loudness(path):
    """Integrated loudness of the first sound stream, mixed to stereo, by ffmpeg's ebur128."""
    result = subprocess.run(["ffmpeg", "-nostats", "-hide_banner", "-i", path, "-vn", "-af",
                             "aformat=channel_layouts=stereo,ebur128=framelog=verbose", "-f", "null", "-"],
                            capture_output=True, text=True, check=True)
    return float(re.findall(r"I:\s+(-?[\d.]+) LUFS", result.stderr)[-1])


def normalised(clips):
    """The 1080p clips with their sound at -16 LUFS (picture copied), made once."""
    stamp = os.path.join(extra, ".generated-v1")
    outs = [os.path.join(extra, os.path.basename(c).replace(".mp4", "-16lufs.mp4")) for c in clips]
    if os.path.exists(stamp):
        return outs
    shutil.rmtree(extra, ignore_errors=True)
    os.makedirs(extra)
    for clip, out in zip(clips, outs):
        gain = TARGET_LUFS - loudness(clip)
        subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", clip, "-c:v", "copy", "-af",
                        f"aformat=channel_layouts=stereo,volume={gain:.2f}dB", "-c:a", "aac", "-b:a", "128k",
                        "-movflags", "+faststart", out], check=True)
    open(stamp, "w").close()
    return outs


def rung(source, box, crf):
    """The scale filter, libx264 options and size mediacat uses for `box` (WebVideoEncoding.x264)."""
    video = next(s for s in probe(source)["streams"] if s["codec_type"] == "video")
    num, den = map(int, video["avg_frame_rate"].split("/"))
    w, h, fps = int(video["width"]), int(video["height"]), num / den if den else 30.0
    scale = min(1, box / max(w, h))
    width, height = (min(max(2, math.floor(v * scale / 2 + 0.5) * 2), box) for v in (w, h))
    rate = min(fps, 60)
    cap = math.floor(width * height * max(rate, 24) * 0.12 / 1000 + 0.5)
    chain = f"scale=w={width}:h={height}:flags=bicubic:out_range=tv,format=yuv420p,setsar=1"
    x264 = ["-c:v", "libx264", "-preset", "veryfast", "-crf", str(crf), "-profile:v", "high",
            "-g", str(math.floor(2 * rate + 0.5)), "-maxrate", f"{cap}k", "-bufsize", f"{cap * 2}k",
            "-color_range", "tv"]
    return chain, x264, (width, height)


def sound_filter(source, gain, limited):
    """mediacat's WebVideoEncoding.audioFilter: resample (44.1 and 48 kHz stay), stereo, gain, limiter."""
    audio = next(s for s in probe(source)["streams"] if s["codec_type"] == "audio")
    rate = int(audio["sample_rate"]) if int(audio["sample_rate"]) in (44100, 48000) else 48000
    chain = f"aresample={rate},aformat=sample_fmts=fltp:channel_layouts=stereo"
    return (chain, chain + f",volume=volume={gain:.4f}dB:precision=float"
            + (f",alimiter=limit={10 ** (-1.5 / 20):.4f}:attack=5:release=50:level=false:latency=true,"
               "aformat=sample_fmts=fltp:channel_layouts=stereo" if limited else ""))


def run(commands, folder):
    """Runs commands one after another, their output kept in `folder`; returns wall time, the largest
    peak RSS of any one process (MB) and the CPU time of all of them (s)."""
    peak, cpu = 0, 0.0
    start = time.perf_counter()
    for n, command in enumerate(commands):
        with open(os.path.join(folder, f".out-{n}"), "wb") as out, open(os.path.join(folder, f".err-{n}"), "wb") as err:
            process = subprocess.Popen(command, stdout=out, stderr=err)
            _, status, usage = os.wait4(process.pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            tail = open(os.path.join(folder, f".err-{n}"), errors="replace").read()[-600:]
            sys.exit(f"bench: {command[0]} failed with status {status}: {' '.join(command[:8])} ...\n{tail}")
        peak, cpu = max(peak, usage.ru_maxrss / 1024), cpu + usage.ru_utime + usage.ru_stime
    return time.perf_counter() - start, peak, cpu


def mediacat_results(folder):
    """mediacat render --json's answer: {file name: (renditions by variant, notes)}."""
    answer = json.load(open(os.path.join(folder, ".out-0")))
    return {os.path.basename(e["path"]): ({r["variant"]: os.path.join(folder, r["path"])
                                           for r in e["renditions"]["renditions"]}, e["renditions"]["notes"])
            for e in answer}


def describe(path):
    """'h264 High 1920×1080 yuv420p + aac LC 2 ch', and the first decoding error ('' when none)."""
    parts = []
    for s in probe(path)["streams"]:
        if s["codec_type"] == "video":
            level = f"@{s['level'] / 10:.1f}" if s["codec_name"] == "h264" and s.get("level", -99) > 0 else ""
            size = f"{s['width']}×{s['height']}"
            parts.append(f"{s['codec_name']} {s.get('profile', '')}{level} {size} {s.get('pix_fmt', '')}")
        elif s["codec_type"] == "audio":
            parts.append(f"{s['codec_name']} {s.get('profile', '')} {s['channels']} ch {s['sample_rate']} Hz")
    errors = subprocess.run(["ffmpeg", "-v", "error", "-i", path, "-f", "null", "-"],
                            capture_output=True, text=True).stderr
    return " + ".join(parts), errors.strip().splitlines()[0] if errors.strip() else ""


class Contender:
    """One tool on one row. `commands(folder, first)` gives the command lines for a fresh folder
    (`first`: the folder of the row's first contender, mediacat, run just before in the same
    round); `outputs(folder)` finds what they wrote: {(file name, variant): path}."""

    def __init__(self, tool, commands, outputs=None):
        self.tool, self.commands, self.outputs = tool, commands, outputs


class Row:
    def __init__(self, label, workload, output, files, contenders, media_seconds=None):
        self.label, self.workload, self.output, self.files, self.contenders = label, workload, output, files, contenders
        self.media_seconds = media_seconds if media_seconds is not None else \
            sum(float(probe(f)["format"]["duration"]) for f in files)
        self.times = [[] for _ in contenders]
        self.peaks = [0.0] * len(contenders)
        self.cpu = [[] for _ in contenders]
        self.sound = ""


def name(path):
    return os.path.basename(path)


def mediacat_render(mediacat, files, variants):
    def commands(folder, _):
        return [[mediacat, "render", "--json", "--jobs", "1", "--variants", variants, "--out", folder, *files]]

    def outputs(folder):
        return {(n, v): p for n, (renditions, _) in mediacat_results(folder).items() for v, p in renditions.items()}
    return Contender(f"`mediacat render --variants {variants} --jobs 1`", commands, outputs)


def ffmpeg_each(tool, files, variants, command):
    """One ffmpeg process per file (or several: `command` returns one or more lines)."""
    def out(folder, f, v):
        return os.path.join(folder, f"{name(f)}-{v}.mp4")

    def commands(folder, first):
        lines = []
        for f in files:
            made = command(f, {v: out(folder, f, v) for v in variants}, first)
            lines += made if isinstance(made[0], list) else [made]
        return lines
    return Contender(tool, commands, lambda folder: {(name(f), v): out(folder, f, v) for f in files for v in variants})


def copy_command(source, outs, _):
    return ["ffmpeg", "-v", "error", "-y", "-i", source, "-c", "copy", *COPY, outs.get("web") or outs["original"]]


def same_sound_work(source, outs, first):
    """What mediacat did to this file's sound (its note, this round), done by the CLI."""
    notes = mediacat_results(first)[name(source)][1]
    pattern = r"sound encoded, ([+-][\d.]+) dB(, limited)?"
    encoded = next((re.search(pattern, n) for n in notes if n.startswith("web:")), None)
    if not encoded:
        return copy_command(source, outs, first)
    measure, gain = sound_filter(source, float(encoded.group(1)), bool(encoded.group(2)))
    meter = measure + ",ebur128=peak=true:framelog=verbose"
    return [["ffmpeg", "-hide_banner", "-nostats", "-i", source, "-vn", "-af", meter, "-f", "null", "-"],
            ["ffmpeg", "-v", "error", "-y", "-i", source, "-map", "0:v:0", "-map", "0:a:0", "-c:v", "copy", "-af", gain,
             "-c:a", "aac", "-b:a", "128k", *COPY, outs["web"]]]


def encode_command(source, outs, _):
    """One ffmpeg process for every rung asked for: one decode, split, one x264 per rung."""
    rungs = [rung(source, 1920, 23)] + ([rung(source, 640, 24)] if "web-small" in outs else [])
    line = ["ffmpeg", "-v", "error", "-y", "-i", source]
    if len(rungs) == 1:
        return line + ["-vf", rungs[0][0], *rungs[0][1], *COPY, outs["web"]]
    heads = "".join(f"[s{i}]" for i in range(len(rungs)))
    chains = ";".join(f"[s{i}]{chain}[v{i}]" for i, (chain, _, _) in enumerate(rungs))
    line += ["-filter_complex", f"[0:v]split={len(rungs)}{heads};{chains}"]
    for i, ((_, x264, _), out) in enumerate(zip(rungs, outs.values())):
        line += ["-map", f"[v{i}]", *x264, *COPY, out]
    return line


def summarise(row, folders):
    """The row's sound handling as mediacat reported it, and ffmpeg's own measurement where it made one."""
    notes = [n for _, ns in mediacat_results(folders[0]).values() for n in ns]
    done = sorted({n.split(": ", 1)[1] for n in notes if n.startswith("web:")})
    measured = sorted({n.split(", ")[0].removeprefix("sound: ") for n in notes if n.startswith("sound: ")})
    logs = [open(os.path.join(folders[1], f)).read() for f in os.listdir(folders[1]) if f.startswith(".err-")]
    theirs = sorted({m for log in logs for m in re.findall(r"Integrated loudness:\s+I:\s+(-?[\d.]+ LUFS)", log)})
    row.sound = "; ".join(done) + (f" (mediacat measured {', '.join(measured)}" if measured else "") + \
        (f"; ffmpeg ebur128 {', '.join(theirs)})" if theirs else ")" if measured else "")


def web_ok(streams):
    video, *audio = streams.split(" + ")
    codec, profile, size, pixels = video.split(" ")
    level = float(profile.partition("@")[2] or 99)
    return codec == "h264" and profile.startswith("High@") and level <= 5.1 and pixels == "yuv420p" \
        and max(map(int, size.split("×"))) <= 1920 and all(a.startswith("aac LC 2 ch") for a in audio)


def check(row, folders):
    """Markdown lines comparing the warm-up outputs of mediacat and ffmpeg, and whether all passed."""
    ours, theirs = row.contenders[0].outputs(folders[0]), row.contenders[1].outputs(folders[1])
    if row.contenders[0].tool.startswith("`mediacat render"):
        summarise(row, folders)
    lines, ok = [], True
    for key in sorted(theirs):
        if key not in ours:
            lines.append(f"| {row.label} | {key[0]} | {key[1]} | (mediacat made none) | | | FAILED |")
            ok = False
            continue
        (mine, my_error), (other, other_error) = describe(ours[key]), describe(theirs[key])
        problems = [f"mediacat: {my_error}"] if my_error else []
        problems += [f"ffmpeg: {other_error}"] if other_error else []
        problems += [f"ffmpeg's: {other}"] if mine != other else []
        if key[1].startswith("web") and not web_ok(mine):
            problems.append("not a web MP4 (H.264 High, level ≤ 5.1, yuv420p, ≤ 1920 px, AAC-LC stereo)")
        ok = ok and not problems
        sizes = f"{os.path.getsize(ours[key]):,} | {os.path.getsize(theirs[key]):,}"
        verdict = "FAILED: " + "; ".join(problems) if problems else "same streams, both decode cleanly"
        lines.append(f"| {row.label} | {key[0]} | {key[1]} | {mine} | {sizes} | {verdict} |")
    return lines, ok


def ingest_row(mediacat):
    media = os.path.join(root, "media")
    if not os.path.isdir(media):
        print("bench: no media/ (run `make media`): skipping the ingest row\n")
        return []
    kinds = [f.rsplit(".", 1)[-1].lower() for _, _, fs in os.walk(media) for f in fs if not f.startswith(".")]
    photos = sum(k in ("jpg", "jpeg", "heic", "png", "webp") for k in kinds)
    videos = sum(k in ("mp4", "mov", "m4v") for k in kinds)

    def commands(folder, _):
        return [[mediacat, "ingest", "--catalog", os.path.join(folder, "c.sqlite"), "--library", media, media]]
    tool = "`mediacat ingest --library media media` (default --jobs)"
    return [Row("5", f"sample library ({photos} photos, {videos} videos)", "fresh catalog", [],
                [Contender(tool, commands)], media_seconds=0)]


def make_rows(mediacat, videos):
    clips = [v for v in videos if name(v).startswith("h264-1080p")]
    hevc = [v for v in videos if name(v).startswith("hevc-4k")]
    quiet = normalised(clips)
    copy = "`ffmpeg -c copy -map_metadata -1 -movflags +faststart` (per file)"
    return [
        Row("1a", "3 × 1080p H.264 20 s, sound off target", "web (remux)", clips, [
            mediacat_render(mediacat, clips, "web"),
            ffmpeg_each("ffmpeg `ebur128` pass + `-c:v copy -c:a aac -b:a 128k -af …volume` (per file)",
                        clips, ["web"], same_sound_work)]),
        Row("1b", "same pictures, sound at -16 LUFS", "web (remux)", quiet, [
            mediacat_render(mediacat, quiet, "web"), ffmpeg_each(copy, quiet, ["web"], copy_command)]),
        Row("2", "3 × 1080p H.264 20 s", "clean original", clips, [
            mediacat_render(mediacat, clips, "original"), ffmpeg_each(copy, clips, ["original"], copy_command)]),
        Row("3", "2 × 4K HEVC 8 s, no sound", "web (1080p x264)", hevc, [
            mediacat_render(mediacat, hevc, "web"),
            ffmpeg_each("`ffmpeg -vf scale=… -c:v libx264 …` (one file at a time)",
                        hevc, ["web"], encode_command)]),
        Row("4", "2 × 4K HEVC 8 s, no sound", "web + web-small (1080p + 640 px)", hevc, [
            mediacat_render(mediacat, hevc, "web,web-small"),
            ffmpeg_each("`ffmpeg -filter_complex split=2` + 2 × libx264 (one file at a time)",
                        hevc, ["web", "web-small"], encode_command)]),
    ] + ingest_row(mediacat)


def measure(rows, rounds, out):
    """Runs every row's contenders in alternating rounds; the warm-up round's outputs are checked."""
    passed = True
    for round_ in range(rounds + 1):  # the first round warms caches, is checked and is not counted
        checks = []
        for row in rows:
            folders = [os.path.join(out, f"{row.label}-{c}") for c in range(len(row.contenders))]
            for c, (contender, folder) in enumerate(zip(row.contenders, folders)):
                shutil.rmtree(folder, ignore_errors=True)
                os.makedirs(folder)
                elapsed, peak, cpu = run(contender.commands(folder, folders[0]), folder)
                if round_ > 0:
                    row.times[c].append(elapsed)
                    row.cpu[c].append(cpu)
                    row.peaks[c] = max(row.peaks[c], peak)
            if round_ == 0 and all(c.outputs for c in row.contenders) and len(row.contenders) > 1:
                lines, ok = check(row, folders)
                checks += lines
                passed = passed and ok
        if round_ == 0:
            print("Equivalence (warm-up round's outputs; bytes of each output):\n")
            print("| row | file | output | streams (mediacat) | mediacat bytes | ffmpeg bytes | check |")
            print("|---|---|---|---|---|---|---|")
            print("\n".join(checks) + "\n", flush=True)
    return passed


def report(rows):
    print("| row | workload | output | tool | median wall time | × realtime | peak RSS | CPU time | vs ffmpeg |")
    print("|---|---|---|---|---|---|---|---|---|")
    for row in rows:
        ours = statistics.median(row.times[0])
        for c, contender in enumerate(row.contenders):
            median = statistics.median(row.times[c])
            speed = f"{row.media_seconds / median:.3g}×" if row.media_seconds else "—"
            ratio = "—" if c == 0 else \
                f"mediacat {median / ours:.2f}× faster" if median >= ours else f"mediacat {ours / median:.2f}× slower"
            output = row.output + (f": {row.sound}" if c == 0 and row.sound else "")
            print(f"| {row.label} | {row.workload} | {output} | {contender.tool} | {median:.2f} s | {speed} | "
                  f"{row.peaks[c]:.0f} MB | {statistics.median(row.cpu[c]):.1f} s | {ratio} |")
    print()
    for row in rows:
        if row.label in ("3", "4"):
            ours, theirs = statistics.median(row.times[0]), statistics.median(row.times[1])
            print(f"Row {row.label} targets: no slower than the CLI: {'met' if ours <= theirs else 'NOT met'} "
                  f"({ours / theirs:.2f}× the CLI's time); peak RSS under 500 MB: "
                  f"{'met' if row.peaks[0] < 500 else 'NOT met'} ({row.peaks[0]:.0f} MB)")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--photos", type=int, default=12, help="passed to bench_render's workload (its default)")
    parser.add_argument("--mediacat", default=os.path.join(root, ".build", "release", "mediacat"))
    args = parser.parse_args()
    if not os.access(args.mediacat, os.X_OK):
        sys.exit(f"bench: no mediacat binary at {args.mediacat} (make build)")
    _, videos = bench_render.make_workload(args.photos)
    rows = make_rows(os.path.abspath(args.mediacat), videos)
    load = os.getloadavg()
    print(f"Web-video benchmark: {os.cpu_count()} cores, median of {args.rounds} rounds after a warm-up; "
          f"load average {load[0]:.1f} at the start. Figures are noisy on a shared machine: compare within one run.\n")
    out = tempfile.mkdtemp(prefix="mediacat-bench-video-")
    try:
        passed = measure(rows, args.rounds, out)
    finally:
        shutil.rmtree(out, ignore_errors=True)
    report(rows)
    print(f"Load average {os.getloadavg()[0]:.1f} at the end.")
    if not passed:
        sys.exit("bench: some outputs failed the equivalence check (see above)")


if __name__ == "__main__":
    main()
