"""E-text wrappers: the producers' notes that open early Project Gutenberg texts leave the
body for the teiHeader with their source lines; look-alikes stay where they are."""
from __future__ import annotations

from converter import etext
from converter.reader import split_blocks

NOTES = ("All of the original Project Gutenberg Etexts from the\n1970's were produced in "
         "ALL CAPS.\n\n***\n\nThe following edition has been based on many hours of study."
         "\n\n***\n\n")
WORK = "Give Me Liberty Or Give Me Death\n\nNo man thinks more highly than I do of it.\n"


def _take(text: str):
    return etext.take_notes(split_blocks(text), etext.Wrapper())


def test_producers_notes_up_to_the_last_separator_move_to_the_wrapper():
    blocks, wrapper = _take(NOTES + WORK)
    assert [b.text for b in blocks] == ["Give Me Liberty Or Give Me Death",
                                        "No man thinks more highly than I do of it."]
    assert wrapper.notes.text.startswith("All of the original") and \
        wrapper.notes.text.endswith("***")
    assert (wrapper.notes.first, wrapper.notes.last) == (1, 8)


def test_opening_paragraphs_about_the_etext_without_separators():
    blocks, wrapper = _take("This eBook was made from the 1901 printing.\n\n" + WORK)
    assert blocks[0].text == "Give Me Liberty Or Give Me Death" and wrapper.notes.last == 1


def test_look_alikes_stay_in_the_text():
    # the work itself speaks of e-books; a scene break is no producers' separator
    work = ("Ebooks were new then, and nobody read them.\n\nShe said nothing at all for a "
            "while.\n\nHe left.\n\n***\n\nIn the morning it rained.\n")
    blocks, wrapper = _take(work)
    assert wrapper.notes is None and len(blocks) == 5
    blocks, wrapper = _take(WORK)  # not about the e-text at all
    assert wrapper.notes is None and len(blocks) == 2
    blocks, wrapper = _take(NOTES)  # nothing after the notes: that is the text
    assert wrapper.notes is None


def test_a_note_on_the_page_images_opens_the_text():
    blocks, wrapper = _take("Note: Images of the original pages are available through\n"
                            "      the Google Books Library Project.\n\n" + WORK)
    assert wrapper.notes.text.startswith("Note: Images") and blocks[0].text.startswith("Give")
