"""Suite-wide settings: Hypothesis profiles.

- ``ci`` (used when the environment variable CI is set, as in ``.ci/run``): a fixed seed
  (``derandomize``), so a CI run is repeatable and a failure reproduces;
- ``dev`` (default elsewhere): random seeds, Hypothesis' usual number of examples;
- ``fuzz``: a long campaign, ``python -m pytest tests/fuzz --hypothesis-profile=fuzz``
  (about 20,000 generated inputs; see docs/testing.md).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None, print_blob=True)
settings.register_profile(
    "fuzz",
    max_examples=2500,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile("ci" if os.environ.get("CI") else "dev")
