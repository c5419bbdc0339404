"""Fill Chinese translations into the catalogue from a JSON file of msgid → msgstr.

Used by engineers after ``make translations``: ``python tools/translate.py zh.json``.
Entries already translated are left alone unless ``--force`` is given.
"""

import json
import sys
from pathlib import Path

import polib

CATALOGUE = Path(__file__).resolve().parent.parent / "translations/zh/LC_MESSAGES/messages.po"


def main(argv: list[str]) -> int:
    """Merge the translations in ``argv[0]`` into the Chinese catalogue."""
    force = "--force" in argv
    paths = [a for a in argv if not a.startswith("--")]
    table: dict[str, str] = {}
    for path in paths:
        table.update(json.loads(Path(path).read_text(encoding="utf-8")))
    po = polib.pofile(str(CATALOGUE), wrapwidth=0)
    filled = 0
    for entry in po:
        if entry.msgid in table and (force or not entry.msgstr or entry.fuzzy):
            entry.msgstr = table[entry.msgid]
            if entry.fuzzy:
                entry.flags.remove("fuzzy")
            filled += 1
    po.save()
    missing = [e.msgid for e in po.untranslated_entries()]
    print(f"filled {filled}; still untranslated: {len(missing)}")
    for msgid in missing:
        print("  " + msgid)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
