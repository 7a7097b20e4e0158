"""``warta serve``: a read-only web page over the archive for journalists (search, articles,
portals), server-rendered with Jinja2 on Starlette."""
