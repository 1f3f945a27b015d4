# entente: top-level convenience targets. The build itself is CMake.
#   make deps    install missing Debian packages (scripts/install-deps.sh)
#   make build   Release build in build/, binary at build/entente
#   make test    Release (build/) and ASan+UBSan (build-asan/) builds, ctest in both
#   make demo    ingest examples/* into build/demo.db and print the timeline
#   make bench   benchmarks (build-bench/, bench/run)
#   make clean   remove the build folders

JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE ?= cmake
CTEST ?= ctest

.PHONY: all deps build build-asan test demo bench clean

all: build

deps:
	./scripts/install-deps.sh

build: deps
	$(CMAKE) -S . -B build -DCMAKE_BUILD_TYPE=Release -DENTENTE_BUILD_TESTS=ON
	$(CMAKE) --build build -j$(JOBS)

build-asan: deps
	$(CMAKE) -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DENTENTE_SANITIZE=ON -DENTENTE_BUILD_TESTS=ON
	$(CMAKE) --build build-asan -j$(JOBS)

test: build build-asan
	cd build && $(CTEST) --output-on-failure -j$(JOBS)
	cd build-asan && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 $(CTEST) --output-on-failure -j$(JOBS)

demo: build
	rm -f build/demo.db
	build/entente ingest --db build/demo.db examples/*.txt examples/*.jsonl examples/html/*.html
	build/entente timeline --db build/demo.db

bench: deps
	$(CMAKE) -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DENTENTE_BUILD_BENCHMARKS=ON -DENTENTE_BUILD_TESTS=OFF
	$(CMAKE) --build build-bench -j$(JOBS)
	bash bench/run

clean:
	rm -rf build build-asan build-bench
