# 人大工作台 — build, run and test. `make run` and `make test` install what they need on Debian/Ubuntu first.
GO      ?= go
BIN     ?= rendadesk
DB      ?=
PKGS    := ./...

.PHONY: all deps build run test vet fmt-check screenshot clean

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

test: deps fmt-check vet
	$(GO) test -count=1 $(PKGS)

# A PNG of every tab (and of one open form) on a demo database, under Xvfb, into screenshots/.
screenshot: deps
	bash .ci/screenshot

clean:
	rm -f $(BIN)
