#!/usr/bin/env python3
"""Ingest benchmarks.

1. Re-ingest of an unchanged library of 10,000 files (target: under 1 s).
2. Full ingest of the rendition workload (probe + all renditions + catalog) side by side with
   the best composite pipeline of existing tools doing the same work (exiftool -json batch,
   vipsthumbnail for both sizes in JPEG and WebP, one ffmpeg process per video poster), and
   with `sigal build` (PyPI) on the same photos.

Usage: scripts/bench_ingest.py [--rounds N] [--files N] [--mediacat PATH]
Workloads live in .build-bench/ (generated once; scripts/bench_render.py makes the media one).
"""
import argparse, os, shutil, statistics, subprocess, sys, tempfile, time, venv

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
work = os.path.join(root, ".build-bench")
sys.path.insert(0, os.path.join(root, "scripts"))
import bench_render  # noqa: E402  (the shared media workload)


def timed(command, **kw):
    start = time.perf_counter()
    result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kw)
    if result.returncode not in (0,):
        sys.exit(f"bench: {command[0]} failed ({result.returncode}): {result.stderr.decode()[-400:]}")
    return time.perf_counter() - start


def many_files(count):
    """`count` distinct small JPEGs: one picture, a different comment segment in each."""
    folder = os.path.join(work, f"library-{count}", "many")
    if os.path.exists(os.path.join(folder, ".done")):
        return os.path.dirname(folder)
    shutil.rmtree(os.path.dirname(folder), ignore_errors=True)
    os.makedirs(folder)
    base = os.path.join(work, "small.jpg")
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=s=64x48", "-frames:v", "1", base], check=True)
    data = open(base, "rb").read()
    for i in range(count):
        comment = f"mediacat bench file {i}".encode()
        segment = b"\xff\xfe" + (len(comment) + 2).to_bytes(2, "big") + comment
        sub = os.path.join(folder, f"{i // 1000:02d}")
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, f"photo-{i:05d}.jpg"), "wb") as f:
            f.write(data[:2] + segment + data[2:])
    open(os.path.join(folder, ".done"), "w").close()
    return os.path.dirname(folder)


def sigal_binary():
    env = os.path.join(work, "sigal-venv")
    binary = os.path.join(env, "bin", "sigal")
    if not os.path.exists(binary):
        venv.create(env, with_pip=True)
        subprocess.run([os.path.join(env, "bin", "pip"), "install", "-q", "sigal"], check=True)
    return binary


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--files", type=int, default=10000)
    parser.add_argument("--mediacat", default=os.path.join(root, ".build", "release", "mediacat"))
    args = parser.parse_args()
    mediacat = args.mediacat
    scratch = tempfile.mkdtemp(prefix="mediacat-bench-ingest-")

    # 1. Unchanged re-ingest of many files.
    library = many_files(args.files)
    catalog = os.path.join(scratch, "many.sqlite")
    ingest = [mediacat, "ingest", "--catalog", catalog, "--library", library, "--collection", "many", library]
    first = timed(ingest)
    again = [timed(ingest) for _ in range(args.rounds)]

    # 2. Full ingest vs the composite pipeline and sigal, alternating rounds.
    photos, videos = bench_render.make_workload(12)
    media = [os.path.dirname(photos[0]), os.path.dirname(videos[0])]

    def mediacat_full():
        folder = os.path.join(scratch, "full")
        shutil.rmtree(folder, ignore_errors=True)
        return timed([mediacat, "ingest", "--catalog", os.path.join(folder, "c.sqlite"), "--library", work,
                      "--collection", "bench", *media])

    def mediacat_photos():
        folder = os.path.join(scratch, "photos-only")
        shutil.rmtree(folder, ignore_errors=True)
        return timed([mediacat, "ingest", "--catalog", os.path.join(folder, "c.sqlite"), "--library", work,
                      "--collection", "bench", media[0]])

    def composite():
        out = os.path.join(scratch, "composite")
        shutil.rmtree(out, ignore_errors=True)
        os.makedirs(out)
        start = time.perf_counter()
        with open(os.path.join(out, "meta.json"), "w") as meta:
            subprocess.run(["exiftool", "-json", *photos, *videos], stdout=meta, stderr=subprocess.DEVNULL, check=True)
        for size in (400, 1600):
            for suffix in ("jpg[Q=82,strip,interlace]", "webp[Q=80,strip]"):
                subprocess.run(["vipsthumbnail", *photos, "-s", str(size), "-o", os.path.join(out, f"%s-{size}.{suffix}")],
                               check=True, stderr=subprocess.DEVNULL)
        for video in videos:
            subprocess.run(["ffmpeg", "-v", "error", "-y", "-ss", "1", "-i", video, "-frames:v", "1",
                            "-vf", "scale=1600:1600:force_original_aspect_ratio=decrease", "-q:v", "3",
                            os.path.join(out, os.path.basename(video) + ".jpg")], check=True)
        return time.perf_counter() - start

    sigal = sigal_binary()

    def sigal_build():
        source = os.path.join(scratch, "sigal-src")
        if not os.path.exists(source):
            os.makedirs(source)
            for p in photos:
                os.symlink(p, os.path.join(source, os.path.basename(p)))
        out = os.path.join(scratch, "sigal-out")
        shutil.rmtree(out, ignore_errors=True)
        config = os.path.join(scratch, "sigal.conf.py")
        with open(config, "w") as f:  # the same two sizes and JPEG quality as mediacat
            f.write("img_size = (1600, 1600)\nthumb_size = (400, 400)\nthumb_fit = False\n"
                    "jpg_options = {'quality': 82, 'optimize': True, 'progressive': True}\n")
        return timed([sigal, "build", "-c", config, "-n", str(os.cpu_count()), source, out], cwd=scratch)

    contenders = {"mediacat ingest (probe, 4 photo renditions, posters + storyboards, catalog)": mediacat_full,
                  "exiftool -json + vipsthumbnail ×4 + ffmpeg per video": composite,
                  "mediacat ingest, photos only (4 renditions each: JPEG + WebP × 2 sizes)": mediacat_photos,
                  "sigal build (2 JPEG sizes each + HTML, -n cores)": sigal_build}
    times = {name: [] for name in contenders}
    for round_ in range(args.rounds + 1):
        for name, run in contenders.items():
            elapsed = run()
            if round_ > 0:
                times[name].append(elapsed)
    shutil.rmtree(scratch, ignore_errors=True)

    print(f"Ingest benchmark ({os.cpu_count()} cores)\n")
    print("| workload | tool | median wall time | vs mediacat |")
    print("|---|---|---|---|")
    print(f"| {args.files:,} unchanged photos | first ingest (for reference) | {first:.2f} s | |")
    print(f"| {args.files:,} unchanged photos | `mediacat ingest` again (median of {args.rounds}) | {statistics.median(again):.2f} s | |")
    names = list(contenders)
    for name in names:
        median = statistics.median(times[name])
        photos_only = "photos only" in name or name.startswith("sigal")
        ours = statistics.median(times[names[2] if photos_only else names[0]])
        ratio = "—" if name.startswith("mediacat") else f"mediacat {median / ours:.2f}× faster"
        workload = f"{len(photos)} photos" if photos_only else f"{len(photos)} photos + {len(videos)} videos"
        print(f"| {workload} | {name} | {median:.2f} s | {ratio} |")


if __name__ == "__main__":
    main()
