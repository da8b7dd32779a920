"""The curator's fast loop: one changed release checked, with the checks across releases that touch it.

``migkg validate --release ID`` (:func:`migkg.curation.one_release.check_release`) builds one release
(or takes it from the build cache), and runs only the parts of the checks across releases that can
name it: the nodes it shares with other releases (:mod:`migkg.validation.across`), and two ids of one
event (:mod:`migkg.validation.same_event`). What the other releases say comes from a small index kept
in the build cache (:mod:`migkg.curation.corpus_index`), so no other card is read again unless it
changed since the index was written.
"""
