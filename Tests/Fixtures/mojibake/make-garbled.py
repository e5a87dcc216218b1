#!/usr/bin/env python3
"""Builds garbled.tsv from clean.txt: mojibake test data for Crosswalk's `mojibake` rule.

Each clean line is encoded as UTF-8 and decoded with a wrong code page once ("single",
rounds 1) or twice ("double", rounds 2: the garbled text is encoded as UTF-8 again and decoded
with the same code page). A line is skipped for a (code page, rounds) pair when a step fails
(strict decoding), or when the garbled text contains a tab, a newline, a C0 control character
or DEL, or equals the original. C1 controls (U+0080-U+009F), which Latin-1 produces for many
UTF-8 continuation bytes, are kept: that is what real Latin-1 mojibake looks like.

Output columns: codepage, rounds, garbled, original (tab-separated, no header, no escaping).
Code page names in the first column are the ones Crosswalk (ICU) uses.

Usage: python3 make-garbled.py   (run from any folder; reads and writes next to this script)
"""

import os
import sys

# ICU name written to the file -> Python codec name used to garble.
CODE_PAGES = [
    ("windows-1251", "cp1251"),
    ("windows-1252", "cp1252"),
    ("ISO-8859-1", "latin-1"),
    ("KOI8-R", "koi8-r"),
    ("Shift_JIS", "shift_jis"),
]


def garble(text, codec, rounds):
    """The text after `rounds` wrong decodings, or None when a step fails."""
    for _ in range(rounds):
        try:
            text = text.encode("utf-8").decode(codec, errors="strict")
        except UnicodeError:
            return None
    return text


def usable(garbled, original):
    if garbled is None or garbled == original:
        return False
    for ch in garbled:
        code = ord(ch)
        if code < 0x20 or code == 0x7F:  # tab, newline and other C0 controls, DEL
            return False
    return True


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "clean.txt"), encoding="utf-8") as f:
        lines = [line.rstrip("\n") for line in f if line.strip()]

    rows = []
    counts = {}
    for icu_name, codec in CODE_PAGES:
        for rounds in (1, 2):
            n = 0
            for line in lines:
                garbled = garble(line, codec, rounds)
                if not usable(garbled, line):
                    continue
                rows.append(f"{icu_name}\t{rounds}\t{garbled}\t{line}\n")
                n += 1
            counts[(icu_name, rounds)] = n

    with open(os.path.join(here, "garbled.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.writelines(rows)

    print(f"{len(lines)} clean lines")
    for (icu_name, rounds), n in counts.items():
        print(f"{icu_name:<14} rounds {rounds}: {n:4d}")
    print(f"total: {len(rows)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
