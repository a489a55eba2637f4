"""JupyterHub settings for a class using medialit (docs/deployment.md, "JupyterHub", explains each line).

Start the hub with ``jupyterhub -f /srv/medialit/deploy/jupyterhub_config.py``, where ``/srv/medialit``
is the course folder installed with the hub's Python environment (``pip install -e /srv/medialit``
or ``conda env create -f environment.yml``). Each learner gets:

* the course in ``~/medialit``, brought and updated by the nbgitpuller link of docs/deployment.md;
* their answers in ``~/medialit-answers`` (``MEDIALIT_HOME``), outside the git clone, so a pull
  never touches them;
* the learner id ``JUPYTERHUB_USER`` (set by JupyterHub for every single-user server);
* the course's Jupyter server setting (``config/jupyter_server_config.py``), so saving a lesson
  never writes into the tracked notebooks.

The authenticator and spawner are left to the school: PAM with system accounts (the default here),
The Littlest JupyterHub's or an OAuth login; ``LocalProcessSpawner`` (the default: each learner's
server runs as their own system account, so the operating system keeps learners' homes apart),
``SystemdSpawner`` or ``KubeSpawner``. The test (tests/hub/) loads this file and only swaps in
``DummyAuthenticator`` and ``SimpleLocalProcessSpawner`` (no system accounts on a test machine).
"""
from __future__ import annotations

import os
from pathlib import Path

c = get_config()  # noqa: F821 - provided by JupyterHub's config loader

#: the course folder this file ships with (it holds config/, data/, notebooks/)
INSTALLED = Path(os.environ.get("MEDIALIT_INSTALLED") or Path(__file__).resolve().parents[1])
#: where nbgitpuller puts the course in each home (the repository's name), and the answers folder
COURSE_IN_HOME = "~/medialit"
ANSWERS_IN_HOME = "~/medialit-answers"

c.Spawner.environment = {
    # the course's Jupyter server setting: the tracked notebooks are never written
    "JUPYTER_CONFIG_PATH": str(INSTALLED / "config"),
    # ... for the copy of the course in the learner's home (the setting expands "~")
    "MEDIALIT_COURSE": COURSE_IN_HOME,
    # each learner's answers, in their own home and outside the git clone
    "MEDIALIT_HOME": ANSWERS_IN_HOME,
}
# The learner id is JUPYTERHUB_USER, which JupyterHub sets. Hub user names are lower case (the hub
# lowercases every login name), so "Alice" and "alice" are one account and one answers file.
# Only names that are also valid learner ids may log in (1 to 64 letters, digits and . _ @ + -,
# starting with a letter or digit, not ending with "."): otherwise every lesson would refuse to save.
c.Authenticator.username_pattern = r"^[a-z0-9](?!.*\.\.)[a-z0-9._@+-]{0,63}(?<!\.)$"

c.Spawner.default_url = "/lab"
# A restarted hub (an update, a crash) leaves learners' servers running: nobody loses a kernel, and a
# save in progress finishes; the hub finds the servers again when it comes back.
c.JupyterHub.cleanup_servers = False
# Each save is small; idle servers are stopped by the school's culler, if it uses one
# (jupyterhub-idle-culler); answers are on disk already, so stopping loses nothing.
