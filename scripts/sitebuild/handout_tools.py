"""The buttons under the self-check's summary to take to a doctor (issue 25), for
sitebuild.calculators to write after a calculator's details when its answer has that summary."""

from __future__ import annotations

from typing import Final

__all__ = ["HANDOUT_TOOLS"]

#: Under a summary to take to a doctor: print it, or copy it as text (the field shows the text
#: selected when the clipboard refuses). Hidden until the page's script runs.
HANDOUT_TOOLS: Final = (
    '<div class="mc-handout-tools" hidden>'
    '<button type="button" class="md-button" data-action="print-summary">Print this summary'
    "</button>"
    '<button type="button" class="md-button" data-action="copy-summary">Copy as text</button>'
    '<textarea class="mc-handout-tools__text" readonly hidden rows="8" '
    'aria-label="The summary as text"></textarea>'
    '<p class="mc-handout-tools__status" role="status" aria-live="polite"></p></div>'
)
