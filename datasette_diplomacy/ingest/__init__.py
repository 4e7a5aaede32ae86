"""Reading and cleaning: files -> Documents -> clean Articles.

- :mod:`.readers`: ``iter_documents`` / ``read_file`` over txt, md, html, json, jsonl, csv
- :mod:`.decode`: bytes -> text (encodings, binary detection, newlines)
- :mod:`.sidecar`: the ``sources.yml`` metadata file beside the articles
- :mod:`.clean`: ``clean_document`` (page noise out, metadata in)
- :mod:`.metadata`: dates, datelines, outlets, kinds and titles found in text
- :mod:`.markup`: Markdown to plain text
- :mod:`.bench`: ``python -m datasette_diplomacy.ingest.bench PATH...`` measures read + clean
"""
