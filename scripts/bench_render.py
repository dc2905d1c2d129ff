#!/usr/bin/env python3
"""Side-by-side rendition benchmark: mediacat render vs vipsthumbnail, ImageMagick and the
ffmpeg CLI, on a generated workload of 12 MP and 24 MP JPEGs (quality 90) and 1080p H.264 /
4K HEVC clips. Every contender runs in the same session, rounds alternating; the table gives
median wall time, files/s and the peak RSS of any one process.

Usage: scripts/bench_render.py [--rounds N] [--photos N] [--mediacat PATH]
The workload is generated once into .build-bench/ (ffmpeg, cjpeg); re-runs reuse it.
"""
import argparse, os, resource, shutil, statistics, subprocess, sys, tempfile, time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
work = os.path.join(root, ".build-bench")


def sh(command, **kw):
    subprocess.run(command, shell=True, check=True, **kw)


def make_workload(photo_count):
    photos_dir, videos_dir = os.path.join(work, "photos"), os.path.join(work, "videos")
    stamp = os.path.join(work, f".generated-v2-{photo_count}")
    if os.path.exists(stamp):
        return sorted_files(photos_dir), sorted_files(videos_dir)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(photos_dir)
    os.makedirs(videos_dir)
    sources = ["testsrc2=s={size},noise=alls={n}:allf=u,gblur=sigma=0.7",
               "mandelbrot=s={size}:maxiter=120:start_scale={scale},noise=alls={n}:allf=u",
               "cellauto=s={size}:rule=30:random_seed={seed},format=yuv420p,gblur=sigma=2,noise=alls={n}:allf=u"]
    for i in range(photo_count):
        size = "4000x3000" if i % 2 == 0 else "6000x4000"
        source = sources[i % len(sources)].format(size=size, n=8 + i % 8, scale=1.0 + i * 0.3, seed=i + 1)
        out = os.path.join(photos_dir, f"photo-{i:02d}-{'12' if i % 2 == 0 else '24'}mp.jpg")
        sh(f'ffmpeg -v error -y -f lavfi -i "{source}" -frames:v 1 -f image2pipe -vcodec ppm - | cjpeg -quality 90 > "{out}"')
    for i in range(3):  # phone-like 1080p H.264: 20 s, a keyframe a second, AAC audio
        sh(f'ffmpeg -v error -y -f lavfi -i "testsrc2=s=1920x1080:r=30:d=20,noise=alls=6:allf=t:all_seed={i + 1}" -f lavfi -i "sine=d=20" '
           f'-c:v libx264 -preset veryfast -g 30 -pix_fmt yuv420p -c:a aac -movflags +faststart "{videos_dir}/h264-1080p-{i}.mp4"')
    for i in range(2):  # phone-like 4K HEVC: 8 s, a keyframe a second
        sh(f'ffmpeg -v error -y -f lavfi -i "mandelbrot=s=3840x2160:r=30:start_scale={2 + i}" -t 8 -c:v libx265 -preset ultrafast '
           f'-x265-params log-level=none:keyint=30 -pix_fmt yuv420p -tag:v hvc1 -movflags +faststart "{videos_dir}/hevc-4k-{i}.mp4"')
    open(stamp, "w").close()
    return sorted_files(photos_dir), sorted_files(videos_dir)


def sorted_files(folder):
    return sorted(os.path.join(folder, f) for f in os.listdir(folder) if not f.startswith("."))


def run(commands):
    """Runs commands one after another; returns wall time and the largest peak RSS (MB)."""
    peak = 0
    start = time.perf_counter()
    for command in commands:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit(f"bench: {command[0]} failed with status {status}: {' '.join(command[:6])} ...")
        peak = max(peak, usage.ru_maxrss / 1024)
    return time.perf_counter() - start, peak


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--photos", type=int, default=12)
    parser.add_argument("--mediacat", default=os.path.join(root, ".build", "release", "mediacat"))
    args = parser.parse_args()
    photos, videos = make_workload(args.photos)
    out = tempfile.mkdtemp(prefix="mediacat-bench-")
    mediacat = args.mediacat

    def fresh(name):
        folder = os.path.join(out, name)
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
        return folder

    def vips(size, suffix):
        return ["vipsthumbnail", *photos, "-s", str(size), "-o", os.path.join(out, "vips", f"%s-{size}.{suffix}")]

    def ffmpeg_poster(video):
        duration = float(subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", video],
                                        capture_output=True, text=True).stdout or 1)
        return ["ffmpeg", "-v", "error", "-y", "-ss", f"{duration * 0.1:.3f}", "-i", video, "-frames:v", "1",
                "-vf", "scale=1600:1600:force_original_aspect_ratio=decrease", "-q:v", "3",
                os.path.join(out, "ffmpeg", os.path.basename(video) + ".jpg")]

    contenders = {
        ("photos", "400-px JPEG thumbnail", "mediacat render"):
            lambda: [[mediacat, "render", "--variants", "thumb", "--formats", "jpeg", "--out", fresh("m1"), *photos]],
        ("photos", "400-px JPEG thumbnail", "vipsthumbnail (one process)"):
            lambda: (fresh("vips"), [vips(400, "jpg[Q=82,strip]")])[1],
        ("photos", "400-px JPEG thumbnail", "ImageMagick convert -thumbnail (one per file)"):
            lambda: (fresh("im"), [["/usr/bin/convert", p, "-thumbnail", "400x400", "-quality", "82", "-strip",
                                    os.path.join(out, "im", os.path.basename(p))] for p in photos])[1],
        ("photos", "thumb + preview × JPEG + WebP (4 files)", "mediacat render"):
            lambda: [[mediacat, "render", "--variants", "thumb,preview", "--formats", "jpeg,webp", "--out", fresh("m2"), *photos]],
        ("photos", "thumb + preview × JPEG + WebP (4 files)", "vipsthumbnail (4 runs)"):
            lambda: (fresh("vips"), [vips(400, "jpg[Q=82,strip,interlace]"), vips(400, "webp[Q=80,strip]"),
                                     vips(1600, "jpg[Q=82,strip,interlace]"), vips(1600, "webp[Q=80,strip]")])[1],
        ("videos", "poster frame (1600 px JPEG)", "mediacat render (8 candidates, scored)"):
            lambda: [[mediacat, "render", "--variants", "poster", "--formats", "jpeg", "--out", fresh("m3"), *videos]],
        ("videos", "poster frame (1600 px JPEG)", "ffmpeg -ss 10% -frames:v 1 (one per file)"):
            lambda: (fresh("ffmpeg"), [ffmpeg_poster(v) for v in videos])[1],
    }
    results = {key: [] for key in contenders}
    peaks = {key: 0 for key in contenders}
    for round_ in range(args.rounds + 1):  # the first round warms caches and is not counted
        for key, commands in contenders.items():
            elapsed, peak = run(commands())
            if round_ > 0:
                results[key].append(elapsed)
                peaks[key] = max(peaks[key], peak)
    shutil.rmtree(out, ignore_errors=True)

    mb = sum(os.path.getsize(p) for p in photos) / 1e6
    print(f"Rendition benchmark: {len(photos)} JPEGs (half 12 MP, half 24 MP, quality 90, {mb:.0f} MB) and "
          f"{len(videos)} clips (3 × 1080p H.264 20 s, 2 × 4K HEVC 8 s, a keyframe a second); median of {args.rounds} rounds; "
          f"{os.cpu_count()} cores\n")
    print("| workload | output | tool | median wall time | files/s | peak RSS | vs mediacat |")
    print("|---|---|---|---|---|---|---|")
    for (workload, output, tool), values in results.items():
        median = statistics.median(values)
        count = len(photos) if workload == "photos" else len(videos)
        ours = statistics.median(next(v for (w, o, t), v in results.items() if w == workload and o == output and t.startswith("mediacat")))
        ratio = "—" if tool.startswith("mediacat") else f"mediacat {median / ours:.2f}× faster"
        print(f"| {workload} | {output} | {tool} | {median:.2f} s | {count / median:.1f} | {peaks[(workload, output, tool)]:.0f} MB | {ratio} |")


if __name__ == "__main__":
    main()
