# unterm: two commands set everything up on a fresh machine.
#   make demo   create .venv, install, align, mine and check the bundled A/RES/77/173 pair into out/
#   make test   create .venv if missing, install with test extras (and, on Debian, the
#               system packages the tests drive), run pytest
#   make check  ruff, the layers contract (import-linter) and mypy --strict over the
#               package, the tests and the benchmarks

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PAIR   := corpora/A_RES_77_173

.PHONY: demo test check system-deps bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

demo: $(STAMP)
	@mkdir -p out
	$(BIN)/unterm align $(PAIR)/zh.md $(PAIR)/en.md -o out/A_RES_77_173.tmx -o out/A_RES_77_173.html \
		-o out/A_RES_77_173.xlsx -o out/A_RES_77_173.tsv
	$(BIN)/unterm align $(PAIR)/zh.md $(PAIR)/en.md --level sentence -o out/A_RES_77_173.sentences.tmx --quiet
	$(BIN)/unterm terms $(PAIR)/zh.md $(PAIR)/en.md -o out/A_RES_77_173.terms.tbx
	@# exit status 1 means findings at error level (this pair has one, 73/229 against 73/239)
	$(BIN)/unterm qa $(PAIR)/zh.md $(PAIR)/en.md -o out/A_RES_77_173.qa.html || [ $$? -eq 1 ]
	@echo
	@echo "Aligned A/RES/77/173 (Chinese and English); outputs in out/:"
	@echo "  out/A_RES_77_173.tmx   translation memory for SDL Trados, memoQ, OmegaT, Phrase"
	@echo "  out/A_RES_77_173.html  review page: open it in a browser, correct the pairs, export the memory"
	@echo "  out/A_RES_77_173.xlsx  one pair a row, for Excel"
	@echo "  out/A_RES_77_173.tsv   one pair a row, for scripts"
	@echo "  out/A_RES_77_173.sentences.tmx  the same memory aligned sentence by sentence"
	@echo "  out/A_RES_77_173.terms.tbx  the mined termbase (TBX-Basic), for a CAT tool's termbase"
	@echo "  out/A_RES_77_173.qa.html    the QA report; open it in a browser"

system-deps:
	@sh .ci/system-deps

test: $(STAMP) system-deps
	$(BIN)/python -m pytest

# the package's folders: every folder at the top with an __init__.py, but the tests and benchmarks
PACKAGE_DIRS := $(filter-out tests bench,$(patsubst %/__init__.py,%,$(wildcard */__init__.py)))

check: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	@# each page script parses on its own (node: Debian's nodejs, which system-deps installs)
	command -v node >/dev/null || sh .ci/system-deps; for f in $(wildcard */*.js */*/*.js); do node --check "$$f" || exit 1; done
	@# mypy finds a package by its folder's name, and the repository root is the package
	@# `unterm` (pyproject.toml): mypy reads it through build/typecheck/unterm, a folder of links
	@rm -rf build/typecheck && mkdir -p build/typecheck/unterm
	@for f in *.py py.typed $(PACKAGE_DIRS); do ln -s "$(CURDIR)/$$f" build/typecheck/unterm/$$f; done
	MYPYPATH=build/typecheck $(BIN)/mypy -p unterm
	MYPYPATH=build/typecheck:. $(BIN)/mypy --explicit-package-bases tests bench

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python -m bench.length_model
	$(BIN)/python -m bench.align_speed
	$(BIN)/python -m bench.sentence_f1
	$(BIN)/python -m bench.compare_aligners

clean:
	rm -rf $(VENV) out build .pytest_cache .mypy_cache .ruff_cache *.egg-info
