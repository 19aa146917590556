"""The names the build gives Material's controls (sitebuild.accessible_names) and the words it
takes from markup for them, also used for the names of table scroll boxes."""

from __future__ import annotations

import doctest

from sitebuild import accessible_names


def test_the_modules_examples_hold() -> None:
    assert doctest.testmod(accessible_names).failed == 0


def test_a_checklist_item_is_named_by_its_words_with_no_space_before_punctuation() -> None:
    item = (
        '<li class="task-list-item"><label class="task-list-control"><input type="checkbox" '
        'disabled><span class="task-list-indicator"></span></label> See the '
        '<a href="../x/">exercise guides</a>.</li>'
    )
    named = accessible_names.name_controls(item, "page.md")
    assert 'aria-label="See the exercise guides."' in named
