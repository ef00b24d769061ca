# 人大工作台 — build, run and test. `make run` and `make test` install what they need on Debian/Ubuntu first.
GO      ?= go
BIN     ?= rendadesk
DB      ?=
PKGS    := ./...

.PHONY: all deps build run test vet fmt-check screenshot clean windows linux linux-arm64 deb test-deb test-arm64 test-windows bench fuzz

all: build

deps:
	@bash .ci/deps

build: deps
	$(GO) build -o $(BIN) .

# Opens the window on the default database (or DB=path); the first run offers demo data.
run: build
	./$(BIN) $(if $(DB),--db $(DB))

fmt-check:
	@out=$$(gofmt -l main.go store ui export assets 2>/dev/null); \
	if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet $(PKGS)

# The window's tests take about 2 minutes on 2 free cores; on a machine shared with other work they have taken
# over 10, Go's default limit, without anything hanging. 20 minutes still stops a real hang well inside CI's 30.
test: deps fmt-check vet
	$(GO) test -count=1 -timeout 20m $(PKGS)

# A PNG of every tab (and of one open form) on a demo database, under Xvfb, into screenshots/.
screenshot: deps
	bash .ci/screenshot

# dist/rendadesk.exe for Windows 10+: cross-compiled with mingw-w64 by `fyne package` (icon and version from
# FyneApp.toml). Installs gcc-mingw-w64-x86-64 and the pinned fyne command when missing. By default without
# Fyne's colour emoji font (no_emoji, -4 MB: an office that types Chinese sees a box for an emoji, as its
# printouts do); WINDOWS_TAGS= builds with it.
WINDOWS_TAGS ?= no_emoji
windows:
	WINDOWS_TAGS="$(WINDOWS_TAGS)" bash .ci/windows

# dist/rendadesk-linux-amd64 and -arm64 for UOS 20 / Kylin V10 (glibc 2.28 and later): compiled against a
# Debian 11 sysroot made once with debootstrap (~/.cache/rendadesk); fails when the binary needs a glibc above
# GLIBC_MAX (2.28). Release flags and tags as for Windows (LINUX_TAGS, default no_emoji).
linux:
	bash .ci/linux amd64

linux-arm64:
	bash .ci/linux arm64

# dist/org.rendadesk.app_VERSION_amd64.deb and _arm64.deb in the UOS layout (/opt/apps/org.rendadesk.app),
# then test-deb.
deb: linux linux-arm64
	bash .ci/deb amd64
	bash .ci/deb arm64
	bash .ci/test-deb

# Installs the amd64 .deb with apt into a Debian 11 chroot (glibc 2.31; made once), runs its command line,
# starts the window from the menu entry under Xvfb (WM_CLASS = StartupWMClass), removes it. SHOT=file.png
# keeps a screenshot.
test-deb:
	bash .ci/test-deb

# The arm64 build's command line under qemu-user, compared file by file with the amd64 build's output.
test-arm64: linux linux-arm64
	bash .ci/test-arm64

# dist/rendadesk.exe as far as Linux can check it: GUI subsystem, icon and version; under Wine, the commands
# typed in a console print there (console attach), with native paths and exit codes.
test-windows:
	bash .ci/test-windows

# Measures SPEC §9 on the township and stress demo datasets (made once, kept in .bench/) and prints one table.
# Reports only: exits 0 whatever it finds.
bench:
	bash .ci/bench

# Runs every fuzz target of store and export (search input, dates, the PDF line wrapper, …) for FUZZTIME each,
# one at a time on one core. A failing input is saved under <pkg>/testdata/fuzz/<Name>/ and from then on runs
# with every `make test`, as do the committed seed corpora.
FUZZTIME ?= 2m
fuzz:
	@for pkg in ./store ./export; do \
		for f in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
			echo "== $$pkg $$f ($(FUZZTIME))"; \
			$(GO) test $$pkg -run '^$$' -fuzz "^$$f\$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 5s -parallel 1 || exit 1; \
		done; \
	done

clean:
	rm -f $(BIN)
