"""The Datasette side of datasette-diplomacy: pages, facets and the statistics behind them.

The hooks in ``datasette_diplomacy/__init__.py`` import from here lazily.

access          which database a request reads; permission checks for every table
views           the routes: comparison, speaker page, article reader, picker JSON
compare         the speaker comparison (data, JSON, CSV) ...
compare_sql     ... and its set-based SQL
counts          exact per-speaker counts (comparison and speaker page), cached per database state
terms           FTS5-compatible tokens and term counts ...
logodds         ... the distinctive-terms statistic ...
background      ... and its prior, read from the FTS index and cached per database state
speaker_page    data for a speaker's page
speaker_lookup  finding speakers by id, name, alias or prefix
reader          the article reader (quotes highlighted in the body)
charts          speaker colours and SVG charts
links           URLs between the pages and into Datasette's quotes_view
selection       from a filtered table page to a comparison of its top speakers
facets          the m2m and period facets
"""
