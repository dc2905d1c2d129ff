SHELL := /bin/bash
# mediacat: `make demo` and `make test` are all a fresh Debian 12 machine needs.
SWIFT ?= swift
RELEASE_BIN = .build/release/mediacat
FIXTURES = .build-fixtures

.PHONY: demo test build bootstrap media fixtures bench clean

## demo: install what is missing, build, generate the sample library and ingest it into catalogs/
demo: bootstrap media build
	$(RELEASE_BIN) ingest --library media media
	$(RELEASE_BIN) collection list

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
	@scripts/bench_ingest.py

clean:
	rm -rf .build $(FIXTURES)
