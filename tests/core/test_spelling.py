"""Tests for editor/core/spelling.py: marks, what Markdown skips, suggestions, the dictionary.

"zorblax" and "qwertyz" are in no dictionary: a skipped construct holds zorblax, and the line
around it holds qwertyz, so each case shows both that the construct is skipped and that the
rest of the line is still checked.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from editor.core.document.markdown_lines import IN_FRONT_MATTER, TEXT, read_line
from editor.core.errors import PostError
from editor.core.spelling import Speller, available_languages, to_utf16, word_list_for

IN_FENCE = read_line("```").state  # inside a ``` fence


@pytest.fixture
def speller() -> Speller:
    return Speller("en")


def marked(speller: Speller, line: str, previous: int = TEXT) -> list[str]:
    return [line[s : s + n] for s, n in speller.misspelled_in_markdown(line, previous)]


def check_document(speller: Speller, text: str, raw: bool) -> list[tuple[int, str]]:
    """What the highlighter does, block by block: (line number, marked word)."""
    out, state = [], TEXT
    for number, line in enumerate(text.split("\n")):
        out += [(number, w) for w in marked(speller, line, state)]
        state = read_line(line, state, first=raw and number == 0).state
    return out


# --- plain text -------------------------------------------------------------------------


def test_a_misspelling_gets_a_suggestion(speller):
    assert speller.misspelled("I recieve mail") == [(2, 7)]
    assert speller.suggestions("recieve")[0] == "receive"


def test_teh_gets_the_first_in_the_words_case(speller):
    assert speller.suggestions("Teh")[0] == "The"
    assert speller.suggestions("teh")[0] == "the"
    assert speller.suggestions("TEH")[0] == "THE"


def test_a_correct_sentence_has_no_marks(speller):
    sentence = "The quick brown fox doesn’t jump over the lazy dog's well-known fence."
    assert speller.misspelled(sentence) == []
    assert speller.misspelled_in_markdown(sentence) == []


def test_marks_are_start_and_length_of_each_misspelled_word(speller):
    assert speller.misspelled("A smple sentance") == [(2, 5), (8, 8)]


def test_decomposed_accents_are_part_of_the_word(speller):
    # "café" typed as e + combining acute: one word, looked up composed.
    assert speller.misspelled("The cafe\u0301 opens") == []
    assert speller.misspelled("The cafo\u0301 opens") == [(4, 5)]


def test_a_hyphenated_word_is_checked_part_by_part(speller):
    assert speller.misspelled("a well-knwon fact") == [(7, 5)]


def test_curly_and_straight_apostrophes_are_inside_a_word(speller):
    # Split at the apostrophe, "doesn" and "isn" would be marked.
    assert speller.misspelled("It doesn’t and isn't, y’all") == []
    assert speller.suggestions("doesnt")[0] == "doesn't"
    assert speller.suggestions("dosen’t")[0] == "doesn’t"  # the writer's apostrophe kept


def test_plain_text_skips_urls_addresses_and_dotted_names(speller):
    title = "Notes on https://zorblax.example/frob, zorblax.js and zorblax@example.org: qwertyz"
    assert [title[s : s + n] for s, n in speller.misspelled(title)] == ["qwertyz"]


def test_knows_tells_whether_a_word_passes(speller):
    assert speller.knows("The") and speller.knows("HTML") and speller.knows("v2")
    assert not speller.knows("Teh")
    speller.ignore("teh")
    assert speller.knows("Teh")


def test_acronyms_and_names_with_inner_capitals_are_not_marked(speller):
    assert marked(speller, "ZORBLAX and ZorBlax and zorBlax, qwertyz") == ["qwertyz"]


# --- Markdown: each skipped construct ----------------------------------------------------

SKIPPED = {
    "code span": "Run `zorblax --frob` then qwertyz",
    "double-backtick code span": "Type ``a `zorblax` b`` then qwertyz",
    "bare URL": "See https://example.com/?q=zorblax+frob then qwertyz",
    "www URL": "Visit www.example.com/?q=zorblax then qwertyz",
    "link target (its title is checked)": '[a good read](zorblax/frob.html "about qwertyz")',
    "image target": "![A photo](zorblax-frob.png) of qwertyz",
    "autolink": "<https://example.com/zorblax> or <urn:zorblax:frob> qwertyz",
    "HTML tag and attributes (text between checked)": (
        "<span class=\"zorblax\" data-x='frob'>qwertyz</span>"
    ),
    "HTML comment": "<!-- zorblax --> qwertyz",
    "HTML entity": "Fish&nbsp;and&hellip; qwertyz",
    "reference link label": "[a good read][zorblax] qwertyz",
    "reference definition": '[zorblax]: zorblax/frob "qwertyz"',
    "footnote reference": "A claim[^zorblax] and qwertyz",
    "footnote definition": "[^zorblax]: A note on qwertyz",
    "e-mail address": "Write to zorblax@example.com or qwertyz",
    "words with digits": "The zorblax9 and 3zorblax builds, qwertyz",
    "words with underscores": "The snake_zorblax_case name, qwertyz",
    "dotted names": "Try zorblax.js or qwertyz",
    "paths": "Saved in /usr/share/zorblax and ~/zorblax/frob, qwertyz",
    "template tags": '{{< zorblax src="frob" >}} {% zorblax %} qwertyz',
    "attribute list": "## A heading {#zorblax .frob} qwertyz",
    "emoji code": "Nice :zorblax: qwertyz",
}


@pytest.mark.parametrize("line", SKIPPED.values(), ids=SKIPPED.keys())
def test_markdown_skips(speller, line):
    assert marked(speller, line) == ["qwertyz"]


def test_emphasis_underscores_are_not_part_of_the_word(speller):
    assert speller.misspelled_in_markdown("An _qwertyz_ word") == [(4, 7)]


def test_nothing_is_checked_inside_a_fence_or_on_its_lines(speller):
    assert marked(speller, "zorblax qwertyz", IN_FENCE) == []
    assert marked(speller, "```zorblax") == []  # the info string names a language
    assert marked(speller, "zorblax qwertyz") == ["zorblax", "qwertyz"]


def test_a_fence_spans_lines_through_the_block_state(speller):
    text = "Hello\n```python\nzorblax = 1\n```\nqwertyz\n\n~~~\nzorblax\n~~~\nqwertyz"
    assert check_document(speller, text, raw=False) == [(4, "qwertyz"), (9, "qwertyz")]


def test_a_longer_fence_holds_a_shorter_one_and_stays_code(speller):
    text = "````\n```\nzorblax\n```\nzorblax\n````\nqwertyz"
    assert check_document(speller, text, raw=False) == [(6, "qwertyz")]


def test_front_matter_keys_are_skipped_and_values_checked(speller):
    assert marked(speller, "zorblax: A qwertyz title", IN_FRONT_MATTER) == ["qwertyz"]
    assert marked(speller, '  - "zorblax frob": qwertyz', IN_FRONT_MATTER) == ["qwertyz"]
    assert marked(speller, "zorblax: A qwertyz title") == ["zorblax", "qwertyz"]


def test_front_matter_is_only_at_the_start_of_a_raw_document(speller):
    text = "---\ntitle: A qwertyz post\nzorblax: [one, two]\n...\nzorblax: body text\n"
    assert check_document(speller, text, raw=True) == [(1, "qwertyz"), (4, "zorblax")]
    # A body alone: the first --- is a horizontal rule and every line is prose.
    assert check_document(speller, text, raw=False) == [
        (1, "qwertyz"),
        (2, "zorblax"),
        (4, "zorblax"),
    ]


# --- suggestions ---------------------------------------------------------------------------


def test_two_edits_away_is_found_for_a_short_word(speller):
    assert "disappear" in speller.suggestions("dissapear")


def test_a_long_word_gets_one_edit_suggestions_only(speller):
    # 13 letters: a second edit would cost about a second, so none is tried.
    assert speller.suggestions("disappearence")[0] == "disappearance"
    assert speller.suggestions("dissapearance") == []


def test_suggestions_prefer_the_same_word_with_accents(speller):
    assert speller.suggestions("cafe")[0] == "café"


def test_suggestions_respect_the_limit(speller):
    assert len(speller.suggestions("teh", limit=3)) == 3
    assert len(speller.suggestions("teh")) == 6
    assert speller.suggestions("teh", limit=0) == []


# --- languages ----------------------------------------------------------------------------


def test_the_dictionaries_ship_with_the_package():
    assert set(available_languages()) >= {"en", "es", "fr", "de", "it", "pt", "ru", "nl"}


def test_a_second_language_works():
    spanish = Speller("es")
    assert spanish.misspelled("El niño y la manzana, aquí") == []
    assert spanish.misspelled("El niño y la manzanna") == [(13, 8)]
    assert spanish.suggestions("manzanna")[0] == "manzana"


def test_accents_missing_from_the_word_list_pass():
    # pyspellchecker's Spanish list has "esta" and "que" but not "está" and "qué".
    assert Speller("es").misspelled("¿Cómo está? ¡Qué bien!") == []


def test_french_elisions_pass():
    assert Speller("fr").misspelled("L’homme qu’il aime, aujourd'hui") == []


def test_region_and_case_in_the_code_are_ignored():
    assert Speller("en-US").language == "en"
    assert Speller("EN_gb").language == "en"


@pytest.mark.parametrize(
    ("language", "code"),
    [("fr", "fr"), ("pt-BR", "pt"), ("EN_gb", "en"), ("uk", None), ("ja", None), ("", None)],
)
def test_the_word_list_for_a_language(language, code):
    assert word_list_for(language) == code


def test_unknown_language_lists_the_available_ones():
    with pytest.raises(PostError, match=r"no spelling dictionary for ‘xx’; available: ar "):
        Speller("xx")
    with pytest.raises(PostError, match=r"en \(English\), es \(Spanish\)"):
        Speller("")


def test_nothing_is_fetched_from_the_network():
    code = (
        "import sys\n"
        "def refuse(event, args):\n"
        "    if event.startswith(('socket.', 'urllib.', 'http.')):\n"
        "        raise RuntimeError(event)\n"
        "sys.addaudithook(refuse)\n"
        "from editor.core.spelling import Speller\n"
        "german = Speller('de')\n"
        "print(german.misspelled('Die Straße'), 'Garten' in german.suggestions('Gartne'))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[] True"


# --- personal dictionary and ignored words ------------------------------------------------


def test_an_added_word_persists_for_a_new_speller(tmp_path):
    path = tmp_path / "words.txt"
    first = Speller(personal=path)
    assert first.misspelled("zorblax") == [(0, 7)]  # and the verdict is cached
    first.add("Zorblax")
    assert first.misspelled("zorblax Zorblax’s") == []
    assert path.read_bytes() == b"Zorblax\n"
    assert Speller(personal=path).misspelled("The zorblax") == []


def test_the_file_is_created_on_the_first_add(tmp_path):
    path = tmp_path / "data" / "post-editor" / "words.txt"
    speller = Speller(personal=path)
    speller.ignore("qwertyz")
    assert not path.parent.exists()
    speller.add("zorblax")
    assert path.read_text(encoding="utf-8") == "zorblax\n"


def test_junk_lines_are_tolerated_and_kept(tmp_path):
    path = tmp_path / "words.txt"
    junk = b"\xef\xbb\xbfzorblax\r\n\r\n# qwertyz\r\ntwo words\r\n\xff\xfe\r\n  frobbish  \r\nlast"
    path.write_bytes(junk)
    speller = Speller(personal=path)
    assert speller.misspelled("zorblax frobbish") == []
    assert speller.misspelled("qwertyz two words") == [(0, 7)]
    speller.add("naïvety’s")
    assert path.read_bytes() == junk + b"\r\nna\xc3\xafvety\xe2\x80\x99s\r\n"
    assert Speller(personal=path).misspelled("last naïvety's") == []


def test_adding_keeps_words_another_speller_added(tmp_path):
    path = tmp_path / "words.txt"
    one, two = Speller(personal=path), Speller(personal=path)
    one.add("zorblax")
    two.add("qwertyz")
    two.add("ZORBLAX")  # the same word: not written again
    assert path.read_text(encoding="utf-8") == "zorblax\nqwertyz\n"
    assert two.misspelled("zorblax qwertyz") == []


def test_only_single_words_are_added(tmp_path):
    path = tmp_path / "words.txt"
    speller = Speller(personal=path)
    for bad in ("two words", "tab\tword", "line\nbreak", "  "):
        with pytest.raises(PostError, match="not a single word"):
            speller.add(bad)
    assert not path.exists()


def test_a_failed_add_says_why_and_adds_nothing(tmp_path):
    (tmp_path / "file").write_text("not a folder")
    speller = Speller(personal=tmp_path / "file" / "words.txt")
    with pytest.raises(PostError, match="could not add the word"):
        speller.add("zorblax")
    assert speller.misspelled("zorblax") == [(0, 7)]


def test_an_unreadable_dictionary_is_an_error(tmp_path):
    with pytest.raises(PostError, match="could not read the dictionary") as caught:
        Speller(personal=tmp_path)  # a folder
    assert caught.value.path == tmp_path


def test_ignore_lasts_for_the_session_only(tmp_path):
    path = tmp_path / "words.txt"
    speller = Speller(personal=path)
    assert speller.misspelled("zorblax") == [(0, 7)]
    speller.ignore("Zorblax")
    assert speller.misspelled("zorblax Zorblax") == []
    assert not path.exists()
    speller.add("qwertyz")  # re-reads the file: the ignored word stays ignored
    assert speller.misspelled("zorblax") == []
    assert path.read_text(encoding="utf-8") == "qwertyz\n"
    assert Speller(personal=path).misspelled("zorblax") == [(0, 7)]


def test_without_a_file_added_words_last_for_the_session():
    speller = Speller()
    speller.add("zorblax")
    assert speller.misspelled("zorblax") == []
    assert Speller().misspelled("zorblax") == [(0, 7)]


# --- positions for Qt ------------------------------------------------------------------


def test_utf16_positions_count_an_emoji_as_two(speller):
    text = "😀 qwertyz 😀😀 zorblax"
    spans = speller.misspelled(text)
    assert spans == [(2, 7), (13, 7)]
    assert to_utf16(text, spans) == [(3, 7), (16, 7)]
    assert to_utf16("é qwertyz", [(2, 7)]) == [(2, 7)]
