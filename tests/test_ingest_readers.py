"""Reading files into Documents: every format, directories, globs, the sidecar, and bad input.

Every bad input gives one ReadError with a one-line message; it never raises
and never stops the other files.
"""
import json
from pathlib import Path

import pytest

from datasette_diplomacy.ingest import readers
from datasette_diplomacy.ingest.readers import iter_documents, read_file
from datasette_diplomacy.model import Document, ReadError

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

STORY = (
    "MOSCOW, Feb 10 (Reuters) - Russian Foreign Minister Sergei Lavrov said talks with Britain's "
    "Liz Truss were like \"a conversation between a mute and a deaf person\".\n\n"
    "\"We are disappointed,\" Lavrov told reporters.\n"
)


def read(*paths, columns=None):
    return list(iter_documents([str(p) for p in paths], columns=columns))


def only(results):
    assert len(results) == 1, results
    return results[0]


def errors(results):
    return [r for r in results if isinstance(r, ReadError)]


def documents(results):
    return [r for r in results if isinstance(r, Document)]


def assert_one_line(error: ReadError):
    assert isinstance(error, ReadError), error
    assert "\n" not in str(error) and str(error).startswith(error.source + ": ")


# --- formats ---------------------------------------------------------------


def test_text_file(tmp_path):
    path = tmp_path / "reuters-lavrov.txt"
    path.write_text(STORY, encoding="utf-8")
    doc = only(read(path))
    assert (doc.name, doc.source, doc.format) == ("reuters-lavrov", str(path), "txt")
    assert doc.text == STORY
    assert doc.title is None and doc.outlet is None  # a .txt states no metadata


def test_markdown_front_matter_gives_metadata(tmp_path):
    path = tmp_path / "briefing.md"
    path.write_text(
        "---\n"
        "title: \"Press Briefing by Press Secretary Jen\\_Psaki, January 20,\\_2021\"\n"
        "date: '2021-01-20'\n"
        "published_time: 2021-01-20 19:06:00-05:00\n"
        "source_url: https://example.gov/briefing\n"
        "tags: press-briefings\n"
        "---\n"
        "MS. PSAKI:  Good evening, everyone.\n",
        encoding="utf-8",
    )
    doc = only(read(path))
    assert doc.format == "md"
    assert doc.title == "Press Briefing by Press Secretary Jen Psaki, January 20, 2021"  # YAML's \_ is a no-break space
    assert doc.date == "2021-01-20"  # `date` wins over `published_time`
    assert doc.url == "https://example.gov/briefing"  # source_url -> url
    assert doc.text == "MS. PSAKI:  Good evening, everyone.\n"


def test_markdown_without_front_matter_is_all_text(tmp_path):
    path = tmp_path / "note.markdown"
    path.write_text("# Lavrov meets Truss\n\nThe talks were tense.\n", encoding="utf-8")
    doc = only(read(path))
    assert doc.format == "md" and doc.title is None and doc.text.startswith("# Lavrov")


HTML_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Lavrov calls talks with Truss 'a conversation of the deaf' | The Example Herald</title>
<meta property="og:site_name" content="The Example Herald">
<meta property="og:title" content="Lavrov calls talks with Truss 'a conversation of the deaf'">
<meta property="article:published_time" content="2022-02-10T14:05:00+03:00">
<link rel="canonical" href="https://herald.example/world/lavrov-truss"></head><body>
<div id="cookie-banner">We use cookies to give you the best experience. <button>Accept all cookies</button></div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/login">Sign in</a></li></ul></nav></header>
<main><article><h1>Lavrov calls talks with Truss 'a conversation of the deaf'</h1>
<div class="share"><a>Share on Facebook</a> <a>Share on Twitter</a></div>
<p>MOSCOW, Feb 10 (Reuters) - Russian Foreign Minister Sergei Lavrov said on Thursday that his talks with
British Foreign Secretary Liz Truss had been like "a conversation between a mute and a deaf person".</p>
<p>"We are disappointed," Lavrov told a joint news conference after the meeting, adding that Russia's
detailed explanations had fallen on unprepared ground.</p>
<aside class="related"><h3>Related</h3><ul><li><a href="/x">Macron meets Putin in Moscow</a></li></ul></aside>
<p>Truss said Russia must withdraw its troops from the border with Ukraine if it was serious about
diplomacy, and warned of severe consequences for any incursion.</p>
</article></main>
<footer><p>Subscribe to our newsletter</p><p>&copy; 2022 The Example Herald. All rights reserved.</p></footer>
</body></html>"""


def test_html_main_text_and_metadata_come_from_trafilatura(tmp_path):
    path = tmp_path / "herald.html"
    path.write_text(HTML_PAGE, encoding="utf-8")
    doc = only(read(path))
    assert doc.format == "html"
    assert doc.title == "Lavrov calls talks with Truss 'a conversation of the deaf'"
    assert doc.outlet == "The Example Herald"  # og:site_name
    assert doc.url == "https://herald.example/world/lavrov-truss"
    assert doc.date == "2022-02-10"
    assert "We are disappointed" in doc.text
    for chrome in ("cookies", "Sign in", "Share on Facebook", "Subscribe", "Macron meets Putin"):
        assert chrome not in doc.text
    paragraphs = doc.text.split("\n\n")
    assert any(p.startswith("MOSCOW, Feb 10 (Reuters)") for p in paragraphs)  # paragraphs: blank-line separated


def test_json_object_and_list(tmp_path):
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"id": "rt-1", "title": "Lavrov unhappy", "text": STORY, "outlet": "RT"}))
    doc = only(read(one))
    assert (doc.name, doc.source, doc.title, doc.outlet, doc.format) == ("rt-1", str(one), "Lavrov unhappy", "RT", "json")

    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"body": "First story."}, {"content": ["Para one.", "Para two."], "id": 7}]))
    first, second = read(many)
    assert (first.name, first.source) == ("many-1", f"{many}#1")
    assert (second.name, second.source) == ("7", f"{many}#2")
    assert second.text == "Para one.\n\nPara two."  # a list of paragraphs


def test_jsonl_records(tmp_path):
    path = tmp_path / "wire.jsonl"
    path.write_text(
        json.dumps({"headline": "Lavrov says talks fruitless", "body": STORY, "date": "2022-02-10"}) + "\n\n"
        + json.dumps({"text": "Second story.", "kind": "transcript"}) + "\n",
        encoding="utf-8",
    )
    first, second = read(path)
    assert (first.source, first.name, first.title, first.date) == (
        f"{path}#1", "wire-1", "Lavrov says talks fruitless", "2022-02-10")
    assert (second.source, second.kind) == (f"{path}#2", "transcript")  # blank lines are not records


def test_csv_with_standard_columns(tmp_path):
    path = tmp_path / "stories.csv"
    path.write_text(
        "id,Title,Body,Date,Outlet,URL\n"
        'aa-1,Lavrov: talk of the deaf,"Lavrov said the talks were ""a talk of a mute with a deaf.""\n\n'
        'He was disappointed.",2022-02-10,Anadolu Agency,https://aa.example/1\n',
        encoding="utf-8",
    )
    doc = only(read(path))
    assert (doc.name, doc.source, doc.format) == ("aa-1", f"{path}#1", "csv")
    assert doc.text == 'Lavrov said the talks were "a talk of a mute with a deaf."\n\nHe was disappointed.'
    assert (doc.title, doc.date, doc.outlet, doc.url) == (
        "Lavrov: talk of the deaf", "2022-02-10", "Anadolu Agency", "https://aa.example/1")


def test_csv_columns_can_be_mapped(tmp_path):
    """`--column body=story_text` on the command line becomes columns={"body": "story_text"}."""
    path = tmp_path / "export.csv"
    path.write_text("slug;story_text;pub\nx;Lavrov spoke.;2022-02-10\n", encoding="utf-8")
    doc = only(read(path, columns={"body": "story_text", "date": "pub", "id": "slug"}))
    assert (doc.text, doc.date, doc.name) == ("Lavrov spoke.", "2022-02-10", "x")  # ';' found by sniffing


def test_unknown_column_mapping_is_a_usage_error(tmp_path):
    with pytest.raises(ValueError, match="unknown field 'bdy'"):
        read(tmp_path, columns={"bdy": "story_text"})


def test_tsv(tmp_path):
    path = tmp_path / "stories.tsv"
    path.write_text("title\ttext\nA, with comma\tBody, with comma.\n", encoding="utf-8")
    assert only(read(path)).text == "Body, with comma."


# --- encodings -------------------------------------------------------------


def test_cp1252_file_with_curly_quotes(tmp_path):
    path = tmp_path / "legacy.txt"
    path.write_bytes("\u201cWe are disappointed,\u201d Lavrov said \u2013 the talks failed.".encode("cp1252"))
    assert only(read(path)).text == "\u201cWe are disappointed,\u201d Lavrov said \u2013 the talks failed."


def test_utf16_file(tmp_path):
    path = tmp_path / "wide.txt"
    path.write_bytes("Truss said \u201cRussia must choose diplomacy\u201d.\r\n".encode("utf-16"))
    assert only(read(path)).text == "Truss said \u201cRussia must choose diplomacy\u201d.\n"


def test_utf16_jsonl_and_cp1252_csv_stream_too(tmp_path):
    jsonl = tmp_path / "wide.jsonl"
    jsonl.write_bytes((json.dumps({"text": "Lavrov \u2013 disappointed"}, ensure_ascii=False) + "\n").encode("utf-16"))
    csv_path = tmp_path / "legacy.csv"
    csv_path.write_bytes("title,text\nA,\u201cNo deal\u201d\n".encode("cp1252"))
    assert only(read(jsonl)).text == "Lavrov \u2013 disappointed"
    assert only(read(csv_path)).text == "\u201cNo deal\u201d"


# --- paths -----------------------------------------------------------------


def test_directory_is_walked_sorted_recursively_skipping_hidden_sidecar_and_unknown(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Two.")
    (tmp_path / "a.md").write_text("One.")
    (tmp_path / "c.txt").write_text("Three.")
    (tmp_path / ".hidden.txt").write_text("Hidden.")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("Hidden too.")
    (tmp_path / "notes.log").write_text("Not a known format.")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00")
    (tmp_path / "sources.yml").write_text("c.txt:\n  outlet: Reuters\n")
    results = read(tmp_path)
    assert [d.name for d in results] == ["a", "2", "c"]  # sorted by path: a.md, b/2.txt, c.txt
    assert [d.outlet for d in results] == [None, None, "Reuters"]


def test_explicit_file_with_unknown_extension_is_read_as_text(tmp_path):
    path = tmp_path / "story.log"
    path.write_text("Lavrov spoke.")
    doc = only(read(path))
    assert (doc.format, doc.text) == ("txt", "Lavrov spoke.")


def test_glob_patterns(tmp_path):
    for name in ("x1.txt", "x2.txt", "y.txt"):
        (tmp_path / name).write_text(name)
    assert [d.name for d in read(tmp_path / "x*.txt")] == ["x1", "x2"]
    assert [d.name for d in read(tmp_path / "**" / "*.txt")] == ["x1", "x2", "y"]


def test_a_file_reached_twice_is_read_once(tmp_path):
    (tmp_path / "a.txt").write_text("A.")
    assert len(read(tmp_path, tmp_path / "a.txt")) == 1


def test_read_file_reads_one_file(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("A.")
    assert [d.text for d in read_file(path)] == ["A."]


# --- the sidecar -----------------------------------------------------------


def test_seed_sidecar_gives_what_the_text_does_not_state():
    docs = {d.name[:3]: d for d in read(SEEDS)}
    assert set(docs) == {"000", "001", "002", "003", "004"}
    assert docs["000"].outlet == "Daily Sabah"
    assert docs["001"].outlet == "RT"
    assert docs["002"].date == "2022-02-10" and docs["002"].outlet is None  # its copyright line names it
    assert docs["003"].kind == "transcript"
    assert docs["004"].outlet is None  # "(TDI)" in its dateline names it


def test_sidecar_patterns_stems_and_precedence(tmp_path):
    (tmp_path / "sources.yml").write_text(
        "'*.txt':\n  outlet: Wire\n  kind: article\n"
        "special:\n  outlet: Special Outlet\n"
        "record.json:\n  outlet: Sidecar Outlet\n  date: 2022-02-10\n"
    )
    (tmp_path / "plain.txt").write_text("A.")
    (tmp_path / "special.txt").write_text("B.")
    (tmp_path / "record.json").write_text(json.dumps({"text": "C.", "outlet": "Record Outlet"}))
    plain, record, special = read(tmp_path)
    assert (plain.outlet, plain.kind) == ("Wire", "article")
    assert special.outlet == "Special Outlet"  # a stem is more specific than a pattern
    assert record.outlet == "Record Outlet"  # the file's own metadata wins over the sidecar
    assert record.date == "2022-02-10"  # a YAML date becomes ISO text


def test_broken_sidecar_is_reported_and_files_still_load(tmp_path):
    (tmp_path / "sources.yml").write_text("a.txt:\n  outlet: [unclosed\n")
    (tmp_path / "a.txt").write_text("A.")
    error, doc = read(tmp_path)
    assert_one_line(error)
    assert error.source.endswith("sources.yml") and "malformed YAML at line" in error.message
    assert doc.text == "A." and doc.outlet is None


def test_unknown_sidecar_field_is_reported(tmp_path):
    (tmp_path / "sources.yml").write_text("a.txt:\n  outlt: RT\n  kind: transcript\n")
    (tmp_path / "a.txt").write_text("A.")
    error, doc = read(tmp_path)
    assert "unknown field 'outlt'" in error.message
    assert doc.kind == "transcript"


# --- bad input -------------------------------------------------------------


def test_missing_path(tmp_path):
    error = only(read(tmp_path / "nope.txt"))
    assert_one_line(error)
    assert error.message == "no such file or directory"


def test_empty_and_whitespace_files(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_text("  \n\n ")
    (tmp_path / "empty.jsonl").write_text("")
    (tmp_path / "empty.csv").write_text("\n")
    results = read(tmp_path)
    assert all(isinstance(r, ReadError) for r in results) and len(results) == 4
    assert all("empty file" in r.message for r in results)


def test_binary_file_named_explicitly(tmp_path):
    path = tmp_path / "x.pdf"
    path.write_bytes(b"%PDF-1.7\n\x00\x01\x02\xff\xfe binary \x00\x00")
    error = only(read(path))
    assert str(error) == f"{path}: binary file, not text"


def test_malformed_json_names_line_and_column(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('[\n  {"text": "A."},\n  {"text": "B." "title": "x"}\n]')
    error = only(read(path))
    assert_one_line(error)
    assert error.message.startswith("malformed JSON at line 3, column 17:")


def test_malformed_jsonl_line_does_not_stop_the_others(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text('{"text": "A."}\n{"text": \n{"text": "C."}\n[1, 2]\n{"title": "no body"}\n')
    a, bad, c, not_object, no_body = read(path)
    assert (a.text, c.text) == ("A.", "C.")
    assert bad.source == f"{path}#2" and bad.message.startswith("malformed JSON on line 2, column")
    assert not_object.message == "record is a list, not an object"
    assert no_body.message == "record has no body (looked for body, text, content; it has: title)"


def test_json_record_without_body_or_with_empty_body(tmp_path):
    path = tmp_path / "records.json"
    path.write_text(json.dumps([{"title": "x"}, {"text": "  "}, {"text": 5}, "just a string"]))
    messages = [e.message for e in read(path)]
    assert messages == [
        "record has no body (looked for body, text, content; it has: title)",
        "record has an empty body ('text')",
        "record's 'text' is a number, not text",
        "record is a string, not an object",
    ]


def test_json_of_wrong_shape(tmp_path):
    path = tmp_path / "scalar.json"
    path.write_text('"hello"')
    assert only(read(path)).message == "JSON holds a string, not an object or a list of objects"


def test_csv_without_body_column_names_the_columns_found(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("headline,story_text\nA,B\n")
    error = only(read(path))
    assert_one_line(error)
    assert error.message == "no body column (looked for body, text, content; the columns are: headline, story_text)"


def test_csv_errors(tmp_path):
    ragged = tmp_path / "ragged.csv"
    ragged.write_text("title,text\nA,Body one.\nB,Body two.,extra\nC,Body three.\n")
    one, bad, three = read(ragged)
    assert bad.message == "row at line 3 has 3 fields, the header has 2"
    assert (one.text, three.text) == ("Body one.", "Body three.")

    broken = tmp_path / "broken.csv"
    broken.write_text('title,text\nA,"unterminated\n')
    error = only(read(broken))
    assert_one_line(error)
    assert "malformed CSV" in error.message


def test_html_without_article_text(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>Nothing</title></head><body><nav><a href='/'>Home</a></nav></body></html>")
    assert only(read(path)).message == "no article text found in the HTML"


def test_directory_or_glob_without_readable_files(tmp_path):
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    error = only(read(tmp_path))
    assert_one_line(error)
    assert error.message.startswith("no readable files in this directory")
    assert only(read(tmp_path / "*.txt")).message.startswith("no readable files match this pattern")


def test_oversized_single_article_file(tmp_path):
    path = tmp_path / "dump.txt"
    with path.open("wb") as f:
        f.truncate(52_400_000)  # sparse: nothing is written or read
    assert str(only(read(path))) == f"{path}: file is 52.4 MB, over the 20 MB limit for one article"


def test_jsonl_is_streamed_so_only_records_are_limited(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_DOCUMENT_BYTES", 2_000)
    path = tmp_path / "big.jsonl"
    lines = [json.dumps({"text": f"Story {i}. " + "words " * 50}) for i in range(100)]
    lines.insert(50, json.dumps({"text": "x" * 5_000}))
    path.write_text("\n".join(lines) + "\n")
    assert path.stat().st_size > 10 * readers.MAX_DOCUMENT_BYTES
    results = read(path)
    assert len(documents(results)) == 100
    (error,) = errors(results)
    assert error.source == f"{path}#51" and error.message == "line 51 is over the 0.002 MB limit for one article"


def test_stray_bytes_spoil_one_record_not_the_file(tmp_path):
    """The encoding comes from the first 64 KB; a later line in another one is one bad record."""
    jsonl = tmp_path / "mixed.jsonl"
    jsonl.write_bytes(b'{"text": "A."}\n' * 6000 + b'{"text": "\x93quoted\x94"}\n' + b'{"text": "Z."}\n')
    results = read(jsonl)
    assert len(documents(results)) == 6001
    (error,) = errors(results)
    assert str(error) == f"{jsonl}#6001: line 6001 is not valid utf-8 (byte 11: invalid start byte)"

    csv_path = tmp_path / "mixed.csv"
    csv_path.write_bytes(b'title,text\n' + b'A,"First,\nstill first."\n' * 4000 + b'B,\x93bad\x94\nC,Last.\n')
    results = read(csv_path)
    assert len(documents(results)) == 4001
    (error,) = errors(results)
    assert error.source == f"{csv_path}#4001" and error.message.startswith("line 8002 is not valid utf-8")


def test_one_bad_file_does_not_stop_the_others(tmp_path):
    (tmp_path / "a.txt").write_text("Good.")
    (tmp_path / "b.json").write_text("{bad")
    (tmp_path / "c.txt").write_bytes(b"\x00\x01\x02\x03")
    (tmp_path / "d.txt").write_text("Also good.")
    results = read(tmp_path)
    assert [type(r).__name__ for r in results] == ["Document", "ReadError", "ReadError", "Document"]
