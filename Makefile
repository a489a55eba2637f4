# medialit: `make lab` sets everything up and opens the course; `make test` sets up and runs every test.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.medialit-installed

.PHONY: setup lab test build manifests bench voila dashboard clean hub-deps

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "medialit needs Python 3.11 or newer (found " + sys.version.split()[0] + ")"'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	@echo "medialit: installing JupyterLab, the widgets and the course's packages into $(VENV)."
	@echo "medialit: the first time this downloads about 300 MB and takes 3 to 10 minutes; pip shows its progress below."
	$(PY) -m pip install --progress-bar on -e '.[dev]'
	touch $(STAMP)

# configurable-http-proxy (npm registry) for the JupyterHub tests (tests/hub/); without npm they skip.
CHP := $(VENV)/chp/node_modules/.bin/configurable-http-proxy
$(CHP):
	@if command -v npm >/dev/null 2>&1; then \
	  echo "medialit: installing configurable-http-proxy from the npm registry into $(VENV)/chp (for the hub tests)"; \
	  npm install --prefix $(VENV)/chp --no-audit --no-fund configurable-http-proxy@5 || echo "note: npm install failed; the hub tests will be skipped"; \
	else echo "note: npm is missing, so the JupyterHub tests will be skipped (apt-get install npm)"; fi

hub-deps: setup $(CHP)

setup: $(STAMP)

# Jupyter refuses to start as root unless told so (containers, classroom VMs, CI): say so only then.
ROOTFLAG = $$([ "$$(id -u)" = 0 ] && echo --allow-root)
# Extra options for `make lab`, e.g. make lab LABARGS="--port 9000 --no-browser".
LABARGS ?=

# config/jupyter_server_config.py keeps the course's own notebooks as they came (no outputs saved;
# a learner's edited notebook becomes a working copy in the answers folder): docs/deployment.md.
# Voila needs none: it runs a notebook in memory and never writes it.
COURSECONFIG = JUPYTER_CONFIG_PATH="$(CURDIR)/config$${JUPYTER_CONFIG_PATH:+:$$JUPYTER_CONFIG_PATH}"

lab: setup
	$(COURSECONFIG) $(VENV)/bin/jupyter lab $(ROOTFLAG) --ServerApp.root_dir=. --LabApp.default_url=/lab/tree/notebooks/00_start_here.ipynb $(LABARGS)

# Voila shows lessons as apps (no code). It lists the notebooks of one folder:
# make voila (lessons) or make voila VOILA_DIR=exercises.
VOILA_DIR ?= notebooks
# Every page load starts a kernel, and Voila 0.5 cannot shut one down when the page is reloaded or
# closed (its shutdown request is refused: voila-dashboards/voila#1458), so kernels with no page
# left (no connection) are stopped after 15 idle minutes; a page still open is never touched.
VOILA_CULL = --MappingKernelManager.cull_idle_timeout=900 --MappingKernelManager.cull_interval=60 \
  --MappingKernelManager.cull_connected=False
# The learners' index leaves out the instructor dashboard (90_*: it is opened with make dashboard);
# the other globs are jupyter_server's own defaults, which a list given here replaces.
VOILA_HIDE = $(foreach g,__pycache__ *.pyc *.pyo .DS_Store *~ 90_*,--ContentsManager.hide_globs='$(g)')
# The class settings are cleared: a learner who opens the dashboard's address sees the demo class.
voila: setup
	MEDIALIT_CLASS= MEDIALIT_ROSTER= MEDIALIT_EXPORT= $(VENV)/bin/voila $(VOILA_CULL) $(VOILA_HIDE) $(VOILA_DIR)

# Lint first (ruff: pyflakes, bugbear, complexity; see [tool.ruff] in pyproject.toml), then every
# test in one pytest process (unit tests, build-sync, data provenance, nbval over all notebook
# folders, browser tests). Learners' answers written by the notebooks go to a temp folder, under
# the learner id "nbval" (there is no default id: without one nothing would be saved or exported).
# MEDIALIT_SLOW=1 make test adds the Binder-style build check (a fresh venv, 2-10 min; .ci/run sets it).
test: setup hub-deps
	$(VENV)/bin/ruff check src tools tests benchmarks config
	@home=$$(mktemp -d); \
	MEDIALIT_STRICT=1 MEDIALIT_HOME=$$home MEDIALIT_LEARNER=nbval MEDIALIT_CLASS= MEDIALIT_EXPORT= $(PY) -m pytest --nbval-lax -p no:cacheprovider \
	  tests $$(for d in notebooks exercises solutions; do [ -d $$d ] && echo $$d; done); \
	status=$$?; rm -rf $$home; exit $$status

build: setup
	$(PY) tools/build_notebooks.py
	$(PY) tools/build_evidence_doc.py
	$(PY) tools/build_readme_rates.py
	$(PY) -m medialit.terms

manifests: setup
	$(PY) tools/update_manifests.py

bench: setup
	@for b in benchmarks/bench_*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

# The class dashboard as an app (no code shown): make dashboard CLASS=/folder/of/submissions
# [ROSTER=/class/list.txt] [EXPORT=/folder/for/csv]. Without CLASS it shows the synthetic demo class;
# without ROSTER it uses roster.txt or roster.csv in the class folder, if there is one; CSV files
# are downloaded from the page, and written to EXPORT only when the teacher presses "Save".
dashboard: setup
	MEDIALIT_CLASS="$(if $(CLASS),$(abspath $(CLASS)))" MEDIALIT_EXPORT="$(if $(EXPORT),$(abspath $(EXPORT)))" \
	  MEDIALIT_ROSTER="$(if $(ROSTER),$(abspath $(ROSTER)))" \
	  $(VENV)/bin/voila $(VOILA_CULL) notebooks/90_instructor_dashboard.ipynb

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
