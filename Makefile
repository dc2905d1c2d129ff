SHELL := /bin/bash
# mediacat: `make demo` and `make test` are all a fresh Debian 12 machine needs.
SWIFT ?= swift
RELEASE_BIN = .build/release/mediacat
FIXTURES = .build-fixtures

.PHONY: demo test build bootstrap media fixtures bench clean

HOST ?= 127.0.0.1
PORT ?= 8080

## demo: install what is missing, build, ingest the sample library into catalogs/, export it, serve it
demo: bootstrap media build
	$(RELEASE_BIN) ingest --library media media
	$(RELEASE_BIN) collection list
	$(RELEASE_BIN) export --out catalogs/export --site-title "Westport Police Department"
	@echo "serving http://$(HOST):$(PORT)/api/v1/collections (Ctrl-C stops)"
	$(RELEASE_BIN) serve --host $(HOST) --port $(PORT) --site-title "Westport Police Department"

## test: install what is missing, generate fixtures, run every test (one debug build)
test: bootstrap fixtures media
	MEDIACAT_FIXTURES=$(CURDIR)/$(FIXTURES) $(SWIFT) test

build:
	$(SWIFT) build -c release --product mediacat

bootstrap:
	@scripts/bootstrap.sh

media: bootstrap
	@scripts/make-sample-library.sh media

fixtures: bootstrap
	@scripts/make-fixtures.sh $(FIXTURES)

## bench: side-by-side timings against exiftool, ffprobe, vipsthumbnail, ImageMagick, ffmpeg (see README)
bench: build
	@scripts/bootstrap.sh bench
	@scripts/bench_probe.py
	@scripts/bench_render.py
	@scripts/bench_video.py
	@scripts/bench_ingest.py
	@scripts/bench_serve.py

clean:
	rm -rf .build $(FIXTURES)
