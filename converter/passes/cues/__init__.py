"""Cues: the recognisers the structure passes share (headings, labels, ordinals, letter
framing, verse, quote marks, front matter, small text predicates). A pass imports only the
model, the vocabulary and these, never another pass; a cue imports only the model and
other cues. Each cue module has its fixtures in ``tests/test_cues.py``."""
