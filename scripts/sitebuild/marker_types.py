"""What every marker renderer shares (see sitebuild.markers): the page it writes into and the one
error it raises. A module of its own, so the renderers and the table can both import it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["Context", "MarkerError", "Renderer"]


class MarkerError(ValueError):
    """A marker or a page's front matter cannot be rendered; the message says where and why."""


@dataclass(frozen=True)
class Context:
    """What a renderer needs to know about the page it writes into.

    ``site_root`` is the relative path from the page to the site's root ("" or ending in "/");
    ``volume_url`` the relative link to the volume calculator's page (None if the site has none);
    ``page_address`` the page's public address (the build's ``site_url`` joined with its path).
    """

    page_url: str
    site_root: str = ""
    volume_url: str | None = None
    corrections_label: str = ""
    corrections_url: str = ""
    page_address: str = ""


#: A marker's renderer: the text after the marker's colon, the page; Markdown (or block HTML)
#: ending in one newline, or :class:`MarkerError`.
Renderer = Callable[[str, Context], str]
