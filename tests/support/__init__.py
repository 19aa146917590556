"""Helpers the tests share: calling the calculators (:mod:`.calculators`), hand-worked examples
(:mod:`.worked_examples`), Hypothesis strategies (:mod:`.strategies`), and building, serving and
browsing the site (:mod:`.site`, :mod:`.browser`). pytest puts ``tests/`` on the path
(pyproject.toml), so tests import ``support.<module>``."""
