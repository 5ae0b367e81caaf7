"""A project on a PostgreSQL server (issue 15, part 2): roles and row-level security
(:mod:`.policies`, :mod:`.setup`), live updates (:mod:`.notify`, :mod:`.listener`) and
copying a project between engines (:mod:`.copying`).

Everything here is PostgreSQL-specific and imports psycopg lazily (the ``server`` extra): the
core without it still imports this package. The engine that runs ``Project`` on PostgreSQL
is :mod:`annotator.core.store.engines` (part 1)."""
