"""Pages that are the same for every anonymous reader in one time zone, which the page cache (config.page_cache)
may keep until the record changes."""

import functools


def readers_page(view):
    """Mark a view whose page depends only on the record, its address and the reader's zone, never on who asks."""

    @functools.wraps(view)
    def marked(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.for_every_reader = True
        return response

    return marked
