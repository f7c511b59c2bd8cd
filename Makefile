# unterm: two commands set everything up on a fresh machine.
#   make demo       create .venv, install, align, mine and check the bundled A/RES/77/173 pair into out/
#   make test       create .venv if missing, install with test extras (and, on Debian, the
#                   system packages the tests drive), run the whole pytest suite
#   make test-fast  the tests that need no browser, no OmegaT, no cluster, no fuzzing and
#                   no wheel build (pytest -m "not slow"), under a minute
#   make check      ruff, the layers contract (import-linter), mypy --strict over the
#                   package, the tests and the benchmarks, node --check over the pages' scripts

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DEPS   := $(VENV)/.installed
STAMP  := $(VENV)/.linked
FILES  := build/package-files
PAIR   := corpora/A_RES_77_173
# setuptools' strict editable mode: build/__editable__.unterm-*/unterm/ holds a link to
# every file of the package and the venv's .pth names that folder, so editors, pyright and
# mypy resolve `unterm.*` as they resolve any installed package (CONTRIBUTING.md "Layout")
EDITABLE := --no-build-isolation --config-settings editable_mode=strict

.PHONY: demo test test-fast check system-deps bench clean FORCE

$(DEPS): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip 'setuptools>=69'
	$(BIN)/python -m pip install --quiet $(EDITABLE) -e '.[test]'
	touch $@

# the files the package is made of; rewritten only when the list changes, so that a module
# added or removed is linked (or unlinked) by the next make, and nothing is redone otherwise
$(FILES): FORCE
	@mkdir -p build
	@git ls-files --cached --others --exclude-standard 2>/dev/null | grep -v '^tests/\|^bench/\|^docs/' \
		| LC_ALL=C sort > $@.tmp; if cmp -s $@.tmp $@; then rm $@.tmp; else mv $@.tmp $@; fi

$(STAMP): $(DEPS) $(FILES)
	$(BIN)/python -m pip install --quiet --no-deps $(EDITABLE) -e .
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
	@echo "  out/A_RES_77_173.terms.tbx  the mined termbase (TBX 2008), for a CAT tool's termbase or glossary"
	@echo "  out/A_RES_77_173.qa.html    the QA report; open it in a browser"

system-deps:
	@sh .ci/system-deps

test: $(STAMP) system-deps
	$(BIN)/python -m pytest

test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not slow"

check: $(STAMP) system-deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	@# each page script parses on its own (node: Debian's nodejs, which system-deps installs)
	for f in $(wildcard */*.js */*/*.js); do node --check "$$f" || exit 1; done
	$(BIN)/mypy -p unterm
	$(BIN)/mypy --explicit-package-bases tests bench

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet $(EDITABLE) -e '.[test,bench]'
	$(BIN)/python -m bench.length_model
	$(BIN)/python -m bench.align_speed
	$(BIN)/python -m bench.sentence_f1
	$(BIN)/python -m bench.compare_aligners

clean:
	rm -rf $(VENV) out build .pytest_cache .mypy_cache .ruff_cache *.egg-info
