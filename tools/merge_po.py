"""Git merge driver for gettext catalogues: the union of both sides' translations.

Install once per clone:
    git config merge.po.driver "python3 tools/merge_po.py %O %A %B"
(`.gitattributes` maps ``*.po`` to it). Entries are kept sorted by msgid, as
``make translations`` writes them; where both sides translated one msgid differently,
the current branch's translation wins and the merge is reported as a conflict-free union.
"""

import sys

import polib


def merge(base_path: str, ours_path: str, theirs_path: str) -> int:
    """Write the union of ``ours`` and ``theirs`` into ``ours`` (git's %A)."""
    ours = polib.pofile(ours_path, wrapwidth=0)
    theirs = polib.pofile(theirs_path, wrapwidth=0)
    known = {(e.msgctxt, e.msgid): e for e in ours if not e.obsolete}
    for entry in theirs:
        if entry.obsolete:
            continue
        mine = known.get((entry.msgctxt, entry.msgid))
        if mine is None:
            ours.append(entry)
            known[(entry.msgctxt, entry.msgid)] = entry
        elif not mine.msgstr and entry.msgstr:
            mine.msgstr = entry.msgstr
    kept = sorted((e for e in ours if not e.obsolete), key=lambda e: (e.msgid, e.msgctxt or ""))
    del ours[:]
    ours.extend(kept)
    ours.save(ours_path)
    return 0


if __name__ == "__main__":
    sys.exit(merge(*sys.argv[1:4]))
