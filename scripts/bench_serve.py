#!/usr/bin/env python3
"""Serving benchmark: `mediacat serve` against nginx serving `mediacat export` of the same catalog.

Both run on loopback in the same run, alternating, with the same wrk load (`wrk -t2 -c64`, client
and servers sharing the machine's cores). Targets: a collection document (a 50-asset page),
the same document gzip-encoded, and a thumbnail. Goal: mediacat reaches at least 80 % of nginx's
requests/s with a p99 latency at most 2x nginx's, and no errors.

Usage: scripts/bench_serve.py [--rounds N] [--seconds S] [--mediacat PATH]
The catalog (sample library + a 200-photo gallery) lives in .build-bench/serve/.
"""
import argparse, json, os, re, shutil, statistics, subprocess, sys, time, urllib.request

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
work = os.path.join(root, ".build-bench", "serve")
MEDIACAT_PORT, NGINX_PORT = 18090, 18091


def run(command, **kw):
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)
    if result.returncode != 0:
        sys.exit(f"bench: {' '.join(command[:3])} failed ({result.returncode}): {result.stderr[-600:]}")
    return result.stdout


def gallery(count):
    """`count` distinct photos (the sample parade photos, each with its own comment segment)."""
    folder = os.path.join(work, "library", "bench-gallery")
    if os.path.exists(os.path.join(folder, ".done")):
        return
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    sources = sorted(os.path.join(d, f) for d in [os.path.join(root, "media", p) for p in ("parade-1", "parade-2", "parade-5")]
                     for f in os.listdir(d) if f.endswith(".jpg"))
    for i in range(count):
        data = open(sources[i % len(sources)], "rb").read()
        comment = f"mediacat serve bench {i}".encode()
        segment = b"\xff\xfe" + (len(comment) + 2).to_bytes(2, "big") + comment
        with open(os.path.join(folder, f"photo-{i:04d}.jpg"), "wb") as f:
            f.write(data[:2] + segment + data[2:])
    with open(os.path.join(folder, "collection.yaml"), "w") as f:
        f.write("title: Bench Gallery\nkind: gallery\nstatus: published\ndefaults:\n  status: published\n")
    open(os.path.join(folder, ".done"), "w").close()


def prepare(mediacat, count):
    library = os.path.join(work, "library")
    os.makedirs(library, exist_ok=True)
    for name in os.listdir(os.path.join(root, "media")):
        source, target = os.path.join(root, "media", name), os.path.join(library, name)
        if os.path.isdir(source) and not os.path.exists(target):
            shutil.copytree(source, target)
    gallery(count)
    catalog = os.path.join(work, "catalog.sqlite")
    run([mediacat, "ingest", "--catalog", catalog, "--library", library, library])
    export = os.path.join(work, "export")
    run([mediacat, "export", "--catalog", catalog, "--out", export])
    return catalog, export


def nginx_config(mediacat, export):
    block = run([mediacat, "export", "--out", export, "--nginx-config", "--listen", f"127.0.0.1:{NGINX_PORT}"])
    temp = os.path.join(work, "nginx-temp")
    os.makedirs(temp, exist_ok=True)
    path = os.path.join(work, "nginx.conf")
    with open(path, "w") as f:
        f.write(f"""daemon off;
worker_processes auto;
pid {work}/nginx.pid;
error_log {work}/nginx-error.log warn;
events {{ worker_connections 4096; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
{block}}}
""")
    return path


def wait_until_up(url, process):
    for _ in range(200):
        if process.poll() is not None:
            sys.exit(f"bench: server for {url} exited with {process.returncode}")
        try:
            urllib.request.urlopen(url, timeout=1).read()
            return
        except OSError:
            time.sleep(0.05)
    sys.exit(f"bench: {url} did not come up")


def fetch(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request) as response:
        return response.read()


def wrk(url, seconds, headers=()):
    command = ["wrk", "-t2", "-c64", f"-d{seconds}s", "--latency"]
    for header in headers:
        command += ["-H", header]
    out = run(command + [url])
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", out)
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}[p99.group(2)]
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", out))
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if socket:
        errors += sum(int(n) for n in socket.groups())
    return rps, float(p99.group(1)) * scale, errors


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--photos", type=int, default=200)
    parser.add_argument("--mediacat", default=os.path.join(root, ".build", "release", "mediacat"))
    args = parser.parse_args()
    catalog, export = prepare(args.mediacat, args.photos)
    config = nginx_config(args.mediacat, export)
    servers = {
        "mediacat serve": (subprocess.Popen([args.mediacat, "serve", "--catalog", catalog, "--port", str(MEDIACAT_PORT),
                                             "--log-level", "warning"], stderr=subprocess.DEVNULL), MEDIACAT_PORT),
        "nginx (export)": (subprocess.Popen(["nginx", "-c", config], stderr=subprocess.DEVNULL), NGINX_PORT),
    }
    try:
        for process, port in servers.values():
            wait_until_up(f"http://127.0.0.1:{port}/api/v1/collections", process)
        document = "/api/v1/collections/bench-gallery"
        page = json.loads(fetch(f"http://127.0.0.1:{MEDIACAT_PORT}{document}"))
        thumbnail = page["assets"][0]["thumbnails"][0]["url"]
        targets = {
            f"collection page ({len(fetch(f'http://127.0.0.1:{MEDIACAT_PORT}{document}')) // 1024} KB JSON)": (document, ()),
            "same page, gzip": (document, ("Accept-Encoding: gzip",)),
            f"thumbnail ({page['assets'][0]['thumbnails'][0]['bytes'] // 1024} KB JPEG)": (thumbnail, ()),
            "redirect of / (no body: each server's floor)": ("/", ()),
        }
        for path, _ in list(targets.values())[:-1]:  # the same bytes from both before timing anything
            bodies = {fetch(f"http://127.0.0.1:{port}{path}") for _, port in servers.values()}
            if len(bodies) != 1:
                sys.exit(f"bench: mediacat and nginx answer {path} differently")
        results = {(t, s): [] for t in targets for s in servers}
        for _ in range(args.rounds):
            for target, (path, headers) in targets.items():
                for name, (_, port) in servers.items():
                    results[(target, name)].append(wrk(f"http://127.0.0.1:{port}{path}", args.seconds, headers))
    finally:
        for process, _ in servers.values():
            process.terminate()
            process.wait()
    report(targets, servers, results, args)


def report(targets, servers, results, args):
    print(f"Serving benchmark: wrk -t2 -c64 -d{args.seconds}s on loopback, {args.rounds} alternating rounds, "
          f"median; {os.cpu_count()} cores shared by client and servers\n")
    print("| target | server | requests/s | p99 latency | errors | vs nginx (req/s, p99) |")
    print("|---|---|---|---|---|---|")
    summary, ok = {}, True
    for target in targets:
        nginx = [statistics.median(v) for v in zip(*[(r, p) for r, p, _ in results[(target, "nginx (export)")]])]
        for name in servers:
            runs = results[(target, name)]
            rps, p99 = statistics.median(r for r, _, _ in runs), statistics.median(p for _, p, _ in runs)
            errors = sum(e for _, _, e in runs)
            ratio = f"{rps / nginx[0]:.0%}, {p99 / nginx[1]:.2f}×" if name == "mediacat serve" else ""
            if name == "mediacat serve" and not target.startswith("redirect"):
                ok &= rps >= 0.8 * nginx[0] and p99 <= 2 * nginx[1] and errors == 0
            summary[f"{target} / {name}"] = {"rps": rps, "p99_ms": p99, "errors": errors}
            print(f"| {target} | {name} | {rps:,.0f} | {p99:.2f} ms | {errors} | {ratio} |")
    print(f"\ntarget (≥ 80 % of nginx req/s, p99 ≤ 2× nginx, no errors): {'met' if ok else 'NOT met'}")
    os.makedirs(os.path.join(root, "bench-results"), exist_ok=True)
    with open(os.path.join(root, "bench-results", "serve.json"), "w") as f:
        json.dump(summary, f, indent=2)


main()
