#!/usr/bin/env python3
"""Side-by-side probe benchmark: mediacat vs exiftool (photos) and vs one ffprobe per file (videos).

Runs every contender on the same files in the same run, alternating them round by round so
machine noise hits all alike, and prints the median wall time of each and the ratio.

Usage: scripts/bench_probe.py [--rounds N] [--corpus DIR] [--mediacat PATH]
The corpus defaults to ../shared/corpus beside the repository, else the sample library media/.
"""
import argparse, glob, os, statistics, subprocess, sys, time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def files(folder, patterns):
    found = []
    for pattern in patterns:
        found += glob.glob(os.path.join(folder, pattern))
    return sorted(set(f for f in found if os.path.isfile(f)))


def run(command_lists):
    start = time.perf_counter()
    for command in command_lists:
        result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if result.returncode not in (0, 1):
            sys.exit(f"bench: {command[0]} exited with {result.returncode}")
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--corpus", default=os.path.join(root, "..", "shared", "corpus"))
    parser.add_argument("--mediacat", default=os.path.join(root, ".build", "release", "mediacat"))
    args = parser.parse_args()

    if os.path.isdir(os.path.join(args.corpus, "photos")):
        photos = files(os.path.join(args.corpus, "photos"), ["*"])
        videos = files(os.path.join(args.corpus, "videos"), ["*"])
        source = os.path.relpath(args.corpus, root)
    else:
        media = os.path.join(root, "media")
        photos = files(media, ["*/*.jpg"])
        videos = files(media, ["*/*.mp4", "*/*.mov"])
        source = "media/ (../shared/corpus not found)"
    if not os.access(args.mediacat, os.X_OK):
        sys.exit(f"bench: {args.mediacat} not built; run `make build`")

    photo_bytes = sum(os.path.getsize(f) for f in photos)
    video_bytes = sum(os.path.getsize(f) for f in videos)
    contenders = {
        "photos: mediacat probe --json": [[args.mediacat, "probe", "--json", *photos]],
        "photos: exiftool -json (one process)": [["exiftool", "-json", *photos]],
        "photos: exiftool -json -n -G1 -a (one process, the oracle's flags)": [["exiftool", "-json", "-n", "-G1", "-a", *photos]],
        "videos: mediacat probe --json": [[args.mediacat, "probe", "--json", *videos]],
        "videos: ffprobe, one process per file": [
            ["ffprobe", "-v", "error", "-print_format", "json", "-show_format", "-show_streams", f] for f in videos],
    }
    times = {name: [] for name in contenders}
    for name, commands in contenders.items():  # warm the page cache and the binaries
        run(commands)
    for _ in range(args.rounds):
        for name, commands in contenders.items():
            times[name].append(run(commands))

    median = {name: statistics.median(values) for name, values in times.items()}
    print(f"Probe benchmark: {len(photos)} photos ({photo_bytes / 1e6:.1f} MB) and {len(videos)} videos "
          f"({video_bytes / 1e6:.1f} MB) from {source}; median of {args.rounds} alternating rounds, "
          f"{os.cpu_count()} cores\n")
    print("| workload | tool | median wall time | files/s | mediacat is faster by |")
    print("|---|---|---|---|---|")
    for name in contenders:
        workload, tool = name.split(": ", 1)
        ours = f"{workload}: mediacat probe --json"
        count = len(photos) if workload == "photos" else len(videos)
        ratio = "—" if name == ours else f"{median[name] / median[ours]:.1f}×"
        print(f"| {workload} | {tool} | {median[name] * 1000:.0f} ms | {count / median[name]:.0f} | {ratio} |")


if __name__ == "__main__":
    main()
