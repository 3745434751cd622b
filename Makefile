# argmap: `make run` checks and draws the bundled essay; `make test` runs the tests.
# Both build the virtual environment and install Graphviz (and a CJK font) when missing.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEV    := $(VENV)/.installed-dev
SYSTEM := $(VENV)/.system-deps
LSP    := $(VENV)/lsp/.installed
BROWSER := $(VENV)/.browser
PANDOC := $(VENV)/.pandoc
LATEX  := $(VENV)/.latex
NEOVIM := $(VENV)/.neovim
ARGDOWN := $(VENV)/argdown/.installed
MERMAID := $(VENV)/mermaid/.installed
MAP    := models/capital-feast/map.yaml
OUT    := docs/img

.PHONY: run test lint fuzz package setup system-deps docs bench clean

# Running needs argmap, Graphviz and a CJK font only: the tools of the tests and of development come with `make setup`.
run: $(STAMP) $(SYSTEM)
	$(BIN)/argmap check models/
	@for lang in en fr ja; do $(BIN)/argmap render $(MAP) --lang $$lang -o $(OUT)/capital-feast.$$lang.svg || exit $$?; done

# Python keeps its bytecode caches for the tests even where the environment turns them off
# (PYTHONDONTWRITEBYTECODE): pytest caches its rewritten test modules there. Work is stolen between
# the workers, so that one slow test at the end does not keep the other idle.
# The tools only the tests use (Chromium, Neovim, pandoc, LaTeX, and about 100 MB of Node packages) are installed here, not
# by `make run`. A test whose tool is missing is skipped with the reason; CI (ARGMAP_REQUIRE_TOOLS=1) fails it.
test: setup $(LSP) $(ARGDOWN) $(BROWSER) $(PANDOC) $(LATEX) $(MERMAID) $(NEOVIM) lint
	env -u PYTHONDONTWRITEBYTECODE $(BIN)/python -m pytest -q -n auto --dist worksteal

# Style, types and layers, as part of the tests: ruff on everything, mypy strict on the package, and the
# import-linter contract of pyproject.toml (no module imports from a layer above its own).
lint: setup
	$(BIN)/ruff check argmap tests benchmarks
	$(BIN)/mypy argmap
	$(BIN)/lint-imports --no-cache

# The wheel and sdist a user installs without cloning: built, installed into a fresh environment,
# and run on the bundled essay.
package: setup
	rm -rf dist $(VENV)/package-check
	$(BIN)/python -m build --quiet --outdir dist . >/dev/null
	$(PYTHON) -m venv $(VENV)/package-check
	$(VENV)/package-check/bin/python -m pip install --quiet dist/argmap-*.whl
	cd models && ../$(VENV)/package-check/bin/argmap check --no-config capital-feast/
	@# The starter map ships as package data: init writes it, and it checks clean and is formatted.
	cd $(VENV)/package-check && bin/argmap init starter --lang en,ja >/dev/null \
		&& cd starter && ../bin/argmap check --strict . && ../bin/argmap fmt --check .

# The fuzz tests with many examples (`make test` runs a few): every input is checked or refused cleanly.
FUZZ_EXAMPLES ?= 20000
fuzz: setup
	ARGMAP_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) ARGMAP_FUZZ_DEADLINE=10 $(BIN)/python -m pytest -q tests/fuzz
	ARGMAP_HYPOTHESIS_PROFILE=thorough $(BIN)/python -m pytest -q -n auto --dist worksteal tests --ignore=tests/fuzz

# Everything a developer runs (tests, lint, the package's build): argmap with its pinned dev tools.
setup: $(STAMP) $(DEV) $(SYSTEM)

# The editable install warns about the package folder at the top level, where the project keeps it.
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { \
		echo "argmap: could not create a virtual environment with $(PYTHON)."; \
		echo "  On Debian/Ubuntu: sudo apt-get install python3-venv  (Python 3.11 or newer is needed)"; exit 2; }
	$(BIN)/python -m pip install --quiet --upgrade pip
	PYTHONWARNINGS="ignore:Editable installation:UserWarning" $(BIN)/python -m pip install --quiet -e .
	@touch $@

$(DEV): $(STAMP)
	PYTHONWARNINGS="ignore:Editable installation:UserWarning" $(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

# Graphviz's dot draws the diagrams; a CJK font gives Japanese labels real glyphs in PNG and PDF.
$(SYSTEM):
	@mkdir -p $(VENV)
	@if command -v dot >/dev/null 2>&1 && { [ "$$(uname)" = Darwin ] || fc-list :lang=ja 2>/dev/null | grep -q .; }; then \
		echo "Graphviz and a CJK font are installed."; \
	elif command -v apt-get >/dev/null 2>&1; then \
		SUDO=$$( [ "$$(id -u)" = 0 ] && echo "" || echo sudo ); \
		echo "Installing Graphviz and a CJK font with apt-get..."; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq graphviz fonts-noto-cjk >/dev/null || exit 2; \
	elif command -v brew >/dev/null 2>&1; then \
		echo "Installing Graphviz with Homebrew..."; brew install graphviz || exit 2; \
	else \
		echo "argmap needs Graphviz (the 'dot' program) and a CJK font, and cannot install them here."; \
		echo "  Install Graphviz from https://graphviz.org/download/ and a CJK font such as Noto Sans CJK,"; \
		echo "  then run make again."; exit 2; \
	fi
	@touch $@

# A program only the tests use, from the system's packages (apt-get, or Homebrew on macOS); where it
# cannot be installed, its tests are skipped with the reason (and fail in CI):
#   $(call test_program,NAME,CHECK,APT PACKAGE,BREW ARGUMENTS,WHAT IT IS FOR)
define test_program
	@mkdir -p $(VENV)
	@if $(2); then \
		echo "$(1) is installed."; \
	elif command -v apt-get >/dev/null 2>&1; then \
		SUDO=$$( [ "$$(id -u)" = 0 ] && echo "" || echo sudo ); \
		echo "Installing $(1) with apt-get (for the tests $(5))..."; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(3) >/dev/null || exit 2; \
	elif command -v brew >/dev/null 2>&1; then \
		echo "Installing $(1) with Homebrew (for the tests $(5))..."; brew install $(4) || exit 2; \
	else \
		echo "$(1) not found and not installable here: the tests $(5) will be skipped."; \
	fi
	@touch $@
endef

# An npm package only the tests use, in a folder of its own: $(call test_package,PACKAGE@VERSION,WHAT IT IS FOR)
define test_package
	@mkdir -p $(@D)
	@if command -v npm >/dev/null 2>&1; then \
		npm install --silent --no-audit --no-fund --prefix $(@D) $(1) >/dev/null && touch $@; \
	else echo "npm not found: the tests $(2) will be skipped (install Node.js to run them)."; fi
endef

# Chromium, for the tests of the HTML view and `argmap serve` (Playwright drives this browser; it never
# downloads one of its own).
$(BROWSER):
	$(call test_program,Chromium,[ -x /usr/bin/chromium ] || [ -x /Applications/Chromium.app/Contents/MacOS/Chromium ],chromium,--cask chromium,of the HTML view)

# pandoc, for the tests of the pandoc filter (argmap-pandoc) that draws maps into documents.
$(PANDOC):
	$(call test_program,pandoc,command -v pandoc >/dev/null 2>&1,pandoc,pandoc,of the pandoc filter)

# LaTeX and poppler's tools, for the test that makes a PDF with the pandoc filter and reads its text back.
$(LATEX):
	$(call test_program,LaTeX,command -v pdflatex >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1,texlive-latex-recommended lmodern poppler-utils,basictex poppler,of the pandoc filter's PDF output)

# Neovim, whose built-in LSP client the tests drive headless against `argmap lsp`.
$(NEOVIM):
	$(call test_program,Neovim,command -v nvim >/dev/null 2>&1,neovim,neovim,with Neovim's own LSP client)

# The YAML language server that editors run: the tests check completion through it.
$(LSP):
	$(call test_package,yaml-language-server@1.25.0,of completion through the editor schema)

# Argdown's own command line: the tests check that the Argdown argmap writes reads the same in it.
$(ARGDOWN):
	$(call test_package,@argdown/cli@1.7.5,that read argmap's Argdown with Argdown's own reader)

# Mermaid's own renderer, run in Chromium: the tests check that the Mermaid argmap writes shows its texts as they are.
$(MERMAID):
	$(call test_package,mermaid@11.4.1,that draw argmap's Mermaid with Mermaid's own renderer)

docs: $(STAMP)
	$(BIN)/argmap rules --format markdown > docs/rules.md
	$(BIN)/argmap schemes --format markdown --no-config > docs/schemes.md

bench: setup $(BROWSER)
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	$(BIN)/python benchmarks/bench_check.py --write docs/performance.md
	$(BIN)/python benchmarks/bench_render.py --write docs/performance.md
	$(BIN)/python benchmarks/bench_serve.py --write docs/performance.md
	$(BIN)/python benchmarks/bench_lsp.py --write docs/performance.md
	$(BIN)/python benchmarks/bench_eval.py --write docs/performance.md
	$(BIN)/python benchmarks/bench_import.py --write docs/performance.md
	@# The comparison with clingo needs ASPARTIX-V's encodings, which are not shipped: make bench ASPARTIX=DIR
	@if [ -n "$(ASPARTIX)" ]; then $(BIN)/python benchmarks/bench_iccma.py --aspartix "$(ASPARTIX)" --write docs/performance.md; \
	else echo "bench_iccma skipped: give ASPARTIX=path/to/aspartix (ASPARTIX-V's encodings) to compare with clingo"; fi

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
